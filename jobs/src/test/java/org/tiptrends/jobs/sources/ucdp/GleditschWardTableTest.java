package org.tiptrends.jobs.sources.ucdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.core.geo.ReferenceTables;
import org.tiptrends.jobs.Prerequisites;

/**
 * {@code datasets/reference/gleditsch_ward.csv}, which the job maps UCDP's {@code gwno_loc} with and
 * the generator writes the bundled sample's codes from (so tests on that sample cannot check it),
 * against its published sources: the codes of the Gleditsch–Ward list written down by hand
 * ({@link PublishedGleditschWard}), and every code the real UCDP/PRIO release uses.
 */
class GleditschWardTableTest {
  @Test
  void theTableGivesThePublishedCodeOfEveryCountryItNames() {
    Map<Integer, String> table = UcdpSource.gleditschWard();
    Map<String, TreeSet<Integer>> tableCodes = new TreeMap<>();
    table.forEach((code, iso) -> tableCodes.computeIfAbsent(iso, k -> new TreeSet<>()).add(code));
    Map<String, TreeSet<Integer>> published = new TreeMap<>();
    PublishedGleditschWard.CODES.forEach((code, iso) -> published.computeIfAbsent(iso, k -> new TreeSet<>()).add(code));
    List<String> wrong = new ArrayList<>();
    published.forEach((iso, codes) -> {
      if (!codes.equals(tableCodes.get(iso))) {
        wrong.add(iso + ": published " + codes + ", table " + tableCodes.get(iso));
      }
    });
    assertEquals(List.of(), wrong, "every code of these countries, and no other code, maps to them");
    assertTrue(table.values().stream().allMatch(iso -> ReferenceData.standard().country(iso).isPresent()),
        "every ISO3 of the table is a country of the M49 table");
  }

  @Test
  void statesThatEndedCarryTheirLastYear() throws Exception {
    Map<Integer, Integer> ends = ends();
    PublishedGleditschWard.ENDED.forEach((code, year) -> assertEquals(year, ends.get(code), "end of " + code));
  }

  /** Every code the real release uses maps, and none is used after its state ended. */
  @Test
  void everyCodeOfTheRealUcdpReleaseMaps() throws Exception {
    Path csv = Prerequisites.realDataFile("ucdp/ucdp-prio-acd-211.csv");
    Map<Integer, String> table = UcdpSource.gleditschWard();
    Map<Integer, Integer> ends = ends();
    Map<Integer, Integer> lastUse = new HashMap<>();
    try (Reader in = Files.newBufferedReader(csv);
        var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      for (CSVRecord r : parser) {
        for (String code : r.get("gwno_loc").split(",")) {
          lastUse.merge(Integer.parseInt(code.strip()), Integer.parseInt(r.get("year")), Math::max);
        }
      }
    }
    assertTrue(lastUse.size() > 100, lastUse.size() + " codes in the release");
    List<String> unmapped = new ArrayList<>();
    List<String> afterEnd = new ArrayList<>();
    lastUse.forEach((code, year) -> {
      if (!table.containsKey(code)) {
        unmapped.add(code + " (last " + year + ")");
      } else if (ends.containsKey(code) && year > ends.get(code)) {
        afterEnd.add(code + " used in " + year + ", ended " + ends.get(code));
      }
    });
    assertEquals(List.of(), unmapped, "codes of the real release the table lacks");
    assertEquals(List.of(), afterEnd);
  }

  static Map<Integer, Integer> ends() throws Exception {
    Map<Integer, Integer> ends = new HashMap<>();
    try (Reader r = ReferenceTables.open("gleditsch_ward.csv");
        var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      for (CSVRecord rec : parser) {
        if (!rec.get("end_year").isBlank()) {
          ends.put(Integer.parseInt(rec.get("gwno")), Integer.parseInt(rec.get("end_year")));
        }
      }
    }
    return ends;
  }
}
