package org.tiptrends.jobs.sources.worldbank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.sources.InputException;

class VintageRuleTest {
  static WorldBankFile file(String name, String lastUpdated) {
    WorldBankFile.Vintage v = lastUpdated == null ? WorldBankFile.Vintage.none("Last Updated Date")
        : WorldBankFile.Vintage.of(lastUpdated, "Last Updated Date");
    return new WorldBankFile(Location.local(Path.of("/in/worldbank", name)), name, List.of(), 0, v, List.of(), null);
  }

  static VintageRule.Observation obs(WorldBankFile f, int year, double value) {
    return new VintageRule.Observation(year, "CHL", "NY.GDP.PCAP.CD", "GDP", value, f);
  }

  static List<String> kept(VintageRule.Resolved r) {
    List<String> out = new ArrayList<>();
    r.kept().forEach(o -> out.add(o.file().label() + " " + o.year() + " " + o.value()));
    return out;
  }

  @Test
  void aDateThatReadsEitherWayDecidesWhereBothReadingsAgree() {
    // 5/10/2023 is 5 October or 10 May: newer than 2021-06-30 either way
    WorldBankFile resaved = file("resaved.csv", "5/10/2023");
    WorldBankFile old = file("old.csv", "2021-06-30");
    VintageRule.Resolved r = VintageRule.resolve(List.of(obs(old, 2015, 1), obs(resaved, 2015, 2), obs(old, 2014, 3)));
    assertEquals(List.of("resaved.csv 2015 2.0", "old.csv 2014 3.0"), kept(r));
    assertEquals("2023-05-10 or 2023-10-05", r.overlaps().get(0).get("kept_vintage"));
  }

  @Test
  void aDateThatReadsEitherWayAndMattersStopsTheRun() {
    WorldBankFile resaved = file("resaved.csv", "5/10/2023");
    WorldBankFile other = file("other.csv", "2023-07-01");
    InputException e = assertThrows(InputException.class,
        () -> VintageRule.resolve(List.of(obs(resaved, 2015, 1), obs(other, 2015, 2))));
    assertTrue(e.getMessage().contains("resaved.csv's Last Updated Date '5/10/2023' reads as 2023-05-10 or 2023-10-05; "
        + "other.csv's Last Updated Date is 2023-07-01): keep one of the two files"), e.getMessage());
  }

  @Test
  void aFileWithoutVintageMayRepeatAnotherButNotContradictIt() {
    WorldBankFile dated = file("dated.csv", "2023-05-10");
    WorldBankFile undated = file("undated.csv", null);
    VintageRule.Resolved same = VintageRule.resolve(List.of(obs(dated, 2015, 1), obs(undated, 2015, 1)));
    assertEquals(List.of("dated.csv 2015 1.0"), kept(same));
    assertEquals("identical values", same.overlaps().get(0).get("rule"));
    InputException e = assertThrows(InputException.class,
        () -> VintageRule.resolve(List.of(obs(dated, 2015, 1), obs(undated, 2015, 2))));
    assertTrue(e.getMessage().startsWith("/in/worldbank/dated.csv: gives NY.GDP.PCAP.CD for country-years that "
        + "/in/worldbank/undated.csv gives too, with different values (e.g. CHL 2015: 1 against 2)"), e.getMessage());
    assertTrue(e.getMessage().contains("undated.csv states no Last Updated Date"), e.getMessage());
  }

  @Test
  void aValueRepeatedWithinOneFileIsLeftForTheGate() {
    WorldBankFile f = file("pasted-twice.csv", "2023-05-10");
    VintageRule.Resolved r = VintageRule.resolve(List.of(obs(f, 2015, 1), obs(f, 2015, 1)));
    assertEquals(2, r.kept().size(), "the unique_keys gate names it: which row is right is not the vintage's to say");
    assertEquals(List.of(), r.overlaps());
  }
}
