package org.tiptrends.jobs.sources.worldbank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.jobs.Prerequisites;
import org.tiptrends.jobs.sources.InputException;

class WdiCsvReaderTest {
  static final String HEADER = "\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"2017\",\"2018\",";

  @Test
  void readsWithThePreambleKeepsCountriesAndSetsAggregatesAside(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("API_x.csv");
    Files.writeString(f, "\uFEFF\"Data Source\",\"World Development Indicators\",\n\n"
        + "\"Last Updated Date\",\"2023-05-10\",\n\n" + HEADER + "\n"
        + "\"Spain\",\"ESP\",\"GDP per capita (current US$)\",\"NY.GDP.PCAP.CD\",\"28185.3\",\"30379.7\",\n"
        + "\"World\",\"WLD\",\"GDP per capita (current US$)\",\"NY.GDP.PCAP.CD\",\"10800\",\"11300\",\n"
        + "\"Chad\",\"TCD\",\"GDP per capita (current US$)\",\"NY.GDP.PCAP.CD\",\"\",\"n.a.\",\n", StandardCharsets.UTF_8);
    WdiCsvReader.Result r = new WdiCsvReader().read(org.tiptrends.jobs.io.Location.local(f), ReferenceData.standard());
    assertEquals("2023-05-10", r.lastUpdated());
    assertEquals(2, r.observations().size(), "two Spanish values; Chad's empty cell is missing, not zero");
    assertEquals(30379.7, r.observations().get(1).value());
    assertEquals(2018, r.observations().get(1).year());
    assertEquals(Set.of("WLD"), r.excludedAggregates().keySet());
    assertEquals("n.a.", r.badCells().get(0).text());
    assertEquals(3, r.rowsRead());
  }

  @Test
  void aFileWithoutTheWorldBankHeaderIsAOneLineError(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("gdp.csv");
    Files.writeString(f, "country,gdp\nES,3\n");
    InputException e = assertThrows(InputException.class, () -> new WdiCsvReader().read(org.tiptrends.jobs.io.Location.local(f), ReferenceData.standard()));
    assertTrue(e.getMessage().startsWith(f + ": no World Bank header"), e.getMessage());
  }

  @Test
  void theRealGdpFileGivesCountriesFrom2003To2021AndNoAggregate() {
    Path f = Prerequisites.realDataFile("worldbank/API_NY.GDP.PCAP.CD_DS2_en_csv_v2_4770417.csv");
    WdiCsvReader.Result r = new WdiCsvReader().read(org.tiptrends.jobs.io.Location.local(f), ReferenceData.standard());
    // Aruba 1986, as printed in the file's second line
    assertEquals(6283.00144344602, r.observations().stream()
        .filter(o -> o.iso3().equals("ABW") && o.year() == 1986).findFirst().orElseThrow().value(), 1e-9);
    for (int year = 2003; year <= 2021; year++) {
      int y = year;
      long countries = r.observations().stream().filter(o -> o.year() == y).count();
      assertTrue(countries > 150, year + ": " + countries + " countries");
    }
    Set<String> codes = r.observations().stream().map(WdiCsvReader.Observation::iso3).collect(Collectors.toSet());
    for (String aggregate : new String[] {"WLD", "AFE", "EUU", "HIC", "LMY", "SSF"}) {
      assertFalse(codes.contains(aggregate), aggregate);
      assertTrue(r.excludedAggregates().containsKey(aggregate), aggregate);
    }
    assertTrue(r.observations().stream().allMatch(o -> o.indicatorCode().equals("NY.GDP.PCAP.CD")));
  }
}
