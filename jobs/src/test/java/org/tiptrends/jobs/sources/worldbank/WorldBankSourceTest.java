package org.tiptrends.jobs.sources.worldbank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.tiptrends.jobs.Prerequisites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.jobs.TestSupport;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.sources.InputException;
import org.tiptrends.jobs.sources.SourceFile;

/**
 * The World Bank source on the real files of {@code ../shared/realdata/worldbank} (a wide WDI file of
 * GDP per capita without preamble, and the population data package), copied and edited in temporary
 * folders; every expected value is read from the files here, independently of the readers.
 */
class WorldBankSourceTest {
  static final String GDP = "API_NY.GDP.PCAP.CD_DS2_en_csv_v2_4770417.csv";

  static Path real() {
    return Prerequisites.realData().resolve("worldbank");
  }

  static Path realGdp() {
    return real().resolve(GDP);
  }

  static WorldBankSource.Loaded load(Path input) {
    return WorldBankSource.load(TestSupport.spark(), Location.local(input), ReferenceData.standard());
  }

  /** indicator code → "ISO3 year" → value, as the mart got them. */
  static Map<String, Map<String, Double>> values(WorldBankSource.Loaded l) {
    Map<String, Map<String, Double>> m = new HashMap<>();
    for (Row r : l.observations().collectAsList()) {
      Double before = m.computeIfAbsent(r.getString(2), k -> new HashMap<>())
          .put(r.getString(1) + " " + r.getInt(0), r.getDouble(4));
      assertEquals(null, before, "one value per country-year: " + r);
    }
    return m;
  }

  /** A CSV's records, without its byte-order mark. */
  static List<CSVRecord> records(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return CSVFormat.RFC4180.parse(new java.io.StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))
        .getRecords();
  }

  /** A WDI file's country cells as written: "ISO3 year" → text (non-empty only). */
  static Map<String, String> gdpCells(Path file) throws IOException {
    List<CSVRecord> rows = records(file);
    int h = 0;
    while (rows.get(h).size() < 2 || !rows.get(h).get(1).equals("Country Code")) {
      h++;
    }
    Map<String, String> m = new HashMap<>();
    for (CSVRecord r : rows.subList(h + 1, rows.size())) {
      if (ReferenceData.standard().country(r.get(1)).isEmpty()) {
        continue;
      }
      for (int c = 4; c < r.size(); c++) {
        if (!r.get(c).isEmpty()) {
          m.put(r.get(1) + " " + rows.get(h).get(c), r.get(c));
        }
      }
    }
    return m;
  }

  static Path input(Path tmp) throws IOException {
    return Files.createDirectories(tmp.resolve("in/worldbank")).getParent();
  }

  static void copyPackage(Path to) throws IOException {
    Files.createDirectories(to.resolve("data"));
    Files.copy(real().resolve("population/datapackage.json"), to.resolve("datapackage.json"));
    Files.copy(real().resolve("population/data/population.csv"), to.resolve("data/population.csv"));
  }

  /** A WDI file with a preamble naming its vintage, each value of the real file through {@code edit}. */
  static void wdiVintage(Path from, Path to, String lastUpdated, java.util.function.UnaryOperator<List<String>> edit)
      throws IOException {
    List<String> lines = new ArrayList<>(List.of("\"Data Source\",\"World Development Indicators\",", "",
        "\"Last Updated Date\",\"" + lastUpdated + "\",", ""));
    List<CSVRecord> rows = records(from);
    for (int i = 0; i < rows.size(); i++) {
      List<String> cells = new ArrayList<>(rows.get(i).toList());
      lines.add(String.join(",", (i == 0 ? cells : edit.apply(cells)).stream().map(v -> "\"" + v + "\"").toList()));
    }
    Files.write(to, ("\uFEFF" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void thePopulationPackageGivesEveryCountryValueOnceAndSetsAggregatesAside(@TempDir Path tmp) throws Exception {
    Path in = input(tmp);
    copyPackage(in.resolve("worldbank/population"));
    Files.copy(realGdp(), in.resolve("worldbank").resolve(GDP));
    WorldBankSource.Loaded l = load(in);

    Map<String, Double> expected = new HashMap<>();
    Set<String> aggregates = new java.util.TreeSet<>();
    for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().get().parse(Files.newBufferedReader(
        real().resolve("population/data/population.csv"))).getRecords()) {
      if (ReferenceData.standard().country(r.get("Country Code")).isPresent()) {
        expected.put(r.get("Country Code") + " " + r.get("Year"), Double.parseDouble(r.get("Value")));
      } else {
        aggregates.add(r.get("Country Code"));
      }
    }
    Map<String, Map<String, Double>> got = values(l);
    assertEquals(expected, got.get("SP.POP.TOTL"), "every country-year of the package, once, as written");
    assertEquals(gdpCells(realGdp()).size(), got.get("NY.GDP.PCAP.CD").size(), "and the GDP file beside it");
    assertTrue(aggregates.containsAll(List.of("WLD", "ARB", "EUU", "HIC", "LMY")), aggregates.toString());
    assertTrue(l.excludedAggregates().keySet().containsAll(aggregates), "the package's aggregates are set aside too");
    assertEquals("World", l.excludedAggregates().get("WLD"));
    assertEquals(List.of(), l.overlaps(), "different indicators never meet");

    SourceFile descriptor = l.files().stream().filter(f -> f.format().equals("datapackage")).findFirst().orElseThrow();
    assertEquals("Population figures for countries, regions (e.g. Asia) and the world", descriptor.details().get("title"));
    assertEquals("ODC-PDDL-1.0", descriptor.details().get("license"));
    assertEquals("2023-03-30", descriptor.details().get("version"));
    assertEquals("2023-05-04", descriptor.details().get("last_updated"));
    assertEquals("SP.POP.TOTL", descriptor.details().get("indicator_code"));
    assertEquals("World Bank, data package population", descriptor.publisher());
    SourceFile csv = l.files().stream().filter(f -> f.path().endsWith("population.csv")).findFirst().orElseThrow();
    assertEquals(17_195, csv.rowsRead());
    assertEquals("2023-03-30", csv.exportDate(), "the package's vintage");
    Map<String, Object> vintage = l.vintages().stream().filter(v -> v.get("file").toString().endsWith("population.csv"))
        .findFirst().orElseThrow();
    assertEquals("datapackage.json version", vintage.get("vintage_from"));
  }

  @Test
  void twoVintagesOfOneIndicator_theNewerWinsAndTheOldersOwnYearsAreKept(@TempDir Path tmp) throws Exception {
    Path in = input(tmp);
    Path older = in.resolve("worldbank/API_NY.GDP.PCAP.CD_DS2_en_csv_v2_2021.csv");
    Path newer = in.resolve("worldbank/API_NY.GDP.PCAP.CD_DS2_en_csv_v2_2023.csv");
    // the older vintage: other values (x 0.9) and no 2021 yet; the newer: the real file, 1960 removed
    wdiVintage(realGdp(), older, "2021-06-30", c -> {
      List<String> out = new ArrayList<>(c.subList(0, c.size() - 2));
      for (int i = 4; i < out.size(); i++) {
        out.set(i, out.get(i).isEmpty() ? "" : Double.toString(Double.parseDouble(out.get(i)) * 0.9));
      }
      out.add("");
      out.add("");
      return out;
    });
    wdiVintage(realGdp(), newer, "2023-05-10", c -> {
      List<String> out = new ArrayList<>(c);
      out.set(4, "");
      return out;
    });
    Map<String, String> newCells = gdpCells(newer);
    Map<String, String> oldCells = gdpCells(older);
    Map<String, Double> expected = new HashMap<>();
    oldCells.forEach((k, v) -> expected.put(k, Double.parseDouble(v)));
    newCells.forEach((k, v) -> expected.put(k, Double.parseDouble(v)));
    long overlap = oldCells.keySet().stream().filter(newCells::containsKey).count();
    long oldOnly = oldCells.keySet().stream().filter(k -> !newCells.containsKey(k)).count();
    assertTrue(overlap > 10_000 && oldOnly > 10, overlap + " overlapping, " + oldOnly + " only in the older file");

    WorldBankSource.Loaded l = load(in);
    assertEquals(expected, values(l).get("NY.GDP.PCAP.CD"), "the newer value wherever both give one, never both");
    assertEquals(1, l.overlaps().size(), l.overlaps().toString());
    Map<String, Object> o = l.overlaps().get(0);
    assertEquals(newer.toString(), o.get("kept"));
    assertEquals("2023-05-10", o.get("kept_vintage"));
    assertEquals(older.toString(), o.get("set_aside"));
    assertEquals("2021-06-30", o.get("set_aside_vintage"));
    assertEquals("newer vintage", o.get("rule"));
    assertEquals(overlap, o.get("country_years"));
    assertEquals(overlap, o.get("values_differ"));
    assertEquals(oldOnly, o.get("kept_from_set_aside_file"));
  }

  @Test
  void theSameDownloadTwiceIsKeptOnce(@TempDir Path tmp) throws Exception {
    Path in = input(tmp);
    Files.copy(realGdp(), in.resolve("worldbank").resolve(GDP));
    Files.copy(realGdp(), in.resolve("worldbank/API_NY.GDP.PCAP.CD_DS2_en_csv_v2_4770417 (1).csv"));
    WorldBankSource.Loaded l = load(in);
    assertEquals(gdpCells(realGdp()).size(), values(l).get("NY.GDP.PCAP.CD").size());
    assertEquals("identical values", l.overlaps().get(0).get("rule"));
    assertEquals(0L, l.overlaps().get(0).get("values_differ"));
  }

  @Test
  void twoFilesTheVintageCannotTellApartWithDifferentValuesStopTheRunNamingBoth(@TempDir Path tmp) throws Exception {
    Path in = input(tmp);
    Path a = in.resolve("worldbank/API_a.csv");
    Path b = in.resolve("worldbank/API_b.csv");
    wdiVintage(realGdp(), a, "2023-05-10", c -> c);
    wdiVintage(realGdp(), b, "2023-05-10", c -> {
      List<String> out = new ArrayList<>(c);
      if (out.get(1).equals("CHL")) {
        out.set(4 + 2015 - 1960, "1");
      }
      return out;
    });
    InputException e = assertThrows(InputException.class, () -> load(in));
    String chile2015 = gdpCells(realGdp()).get("CHL 2015");
    assertEquals(a + ": gives NY.GDP.PCAP.CD for country-years that " + b + " gives too, with different values (e.g. "
        + "CHL 2015: " + chile2015 + " against 1) and no vintage to tell which is newer (API_a.csv's Last Updated Date "
        + "is 2023-05-10; API_b.csv's Last Updated Date is 2023-05-10): keep one of the two files", e.getMessage());
  }

  @Test
  void aWideFileAndAPackageOfTheSameIndicatorMeetUnderTheSameRule(@TempDir Path tmp) throws Exception {
    Path in = input(tmp);
    copyPackage(in.resolve("worldbank/population"));
    // a WDI download of SP.POP.TOTL, newer than the package (2023-03-30): ESP 2018 revised, 2024 not yet out
    List<CSVRecord> pop = CSVFormat.RFC4180.builder().setHeader().get().parse(Files.newBufferedReader(
        real().resolve("population/data/population.csv"))).getRecords();
    StringBuilder wide = new StringBuilder("\"Last Updated Date\",\"2023-07-25\"\n\n"
        + "\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"2017\",\"2018\",\n");
    Map<String, Double> expected = new HashMap<>();
    for (CSVRecord r : pop) {
      if (ReferenceData.standard().country(r.get("Country Code")).isPresent()) {
        expected.put(r.get("Country Code") + " " + r.get("Year"), Double.parseDouble(r.get("Value")));
      }
    }
    wide.append("\"Spain\",\"ESP\",\"Population, total\",\"SP.POP.TOTL\",\"").append(pop.stream()
        .filter(r -> r.get("Country Code").equals("ESP") && r.get("Year").equals("2017")).findFirst().orElseThrow()
        .get("Value")).append("\",\"46800000\",\n");
    Files.writeString(in.resolve("worldbank/API_SP.POP.TOTL_DS2_en_csv_v2.csv"), wide);
    expected.put("ESP 2018", 46_800_000.0);

    WorldBankSource.Loaded l = load(in);
    assertEquals(expected, values(l).get("SP.POP.TOTL"));
    Map<String, Object> o = l.overlaps().get(0);
    assertTrue(o.get("kept").toString().endsWith("API_SP.POP.TOTL_DS2_en_csv_v2.csv"), o.toString());
    assertEquals("2023-03-30", o.get("set_aside_vintage"));
    assertEquals(2L, o.get("country_years"));
    assertEquals(1L, o.get("values_differ"));
    assertEquals(Set.of("Population, total"), l.observations().filter("indicator_code = 'SP.POP.TOTL'")
        .select("indicator_name").distinct().collectAsList().stream().map(r -> r.getString(0)).collect(Collectors.toSet()),
        "one name per code: the newest file's");
  }

  @Test
  void aPackageThatNamesNoIndicatorOrMissesItsDataIsAOneLineError(@TempDir Path tmp) throws Exception {
    Path in = input(tmp);
    Path pkg = in.resolve("worldbank/population");
    copyPackage(pkg);
    Path json = pkg.resolve("datapackage.json");
    String original = Files.readString(json);
    Files.writeString(json, original.replace("indicator/SP.POP.TOTL", "country"));
    InputException e = assertThrows(InputException.class, () -> load(in));
    assertEquals(json + ": names no World Bank indicator: no sources[].path like "
        + "http://data.worldbank.org/indicator/SP.POP.TOTL", e.getMessage());
    Files.writeString(json, original);
    Files.delete(pkg.resolve("data/population.csv"));
    e = assertThrows(InputException.class, () -> load(in));
    assertEquals(json + ": names the resource data/population.csv, which is not there: the package is incomplete",
        e.getMessage());
  }

  @Test
  void aPackageUnpackedStraightIntoTheFolderIsReadToo(@TempDir Path tmp) throws Exception {
    Path in = input(tmp);
    copyPackage(in.resolve("worldbank"));
    WorldBankSource.Loaded l = load(in);
    assertFalse(values(l).get("SP.POP.TOTL").isEmpty());
    assertEquals(List.of(), l.skipped(), "its data/ folder is its own");
  }
}
