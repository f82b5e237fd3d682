package org.tiptrends.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.jobs.publish.MartStore;
import org.tiptrends.jobs.quality.GateSettings;
import org.tiptrends.jobs.sources.InputException;
import org.tiptrends.jobs.sources.ucdp.PublishedGleditschWard;

/** End to end on the bundled sample: contract, figures against an independent reading, publishing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NightlyRunTest {
  /** The sources a test with GLOTIP files alone allows missing. */
  static final java.util.Set<String> OTHER_SOURCES = java.util.Set.of("worldbank", "ilo", "ucdp");

  Path marts;

  NightlyRun.Result result;
  JsonNode report;

  @BeforeAll
  void runOnTheBundledSample(@TempDir Path dir) throws Exception {
    marts = dir;
    result = new NightlyRun(TestSupport.spark(), m -> {}).run(TestSupport.bundledSample(), marts);
    report = new ObjectMapper().readTree(result.versionDir().resolve("run.json").toFile());
  }

  /** Tests read the inputs; none may change them (POI, for one, can write a workbook back on close). */
  @org.junit.jupiter.api.AfterAll
  void inputsAreUnchanged() {
    IndependentGlotip.assertInputsUnchanged(report);
  }

  Dataset<Row> mart(String name) {
    return TestSupport.spark().read().parquet(result.versionDir().resolve(name).toString());
  }

  @Test
  void currentNamesTheCompleteVersion() throws Exception {
    assertEquals(result.version() + "\n", Files.readString(marts.resolve("CURRENT")));
    for (String m : List.of("victims_by_year", "flows", "flow_shares", "indicators", "sectors", "conflict",
        "country_year_panel", "justice_by_year", "convicted_by_citizenship", "repatriation_flows", "quarantine",
        "run.json")) {
      assertTrue(Files.exists(result.versionDir().resolve(m)), m);
    }
  }

  @Test
  void martsKeepTheirContract() {
    assertColumns(mart("victims_by_year").schema(), Map.of("year", DataTypes.IntegerType,
        "geo_level", DataTypes.StringType, "geo_code", DataTypes.StringType, "geo_name", DataTypes.StringType,
        "sex", DataTypes.StringType, "age", DataTypes.StringType, "form", DataTypes.StringType,
        "victims", DataTypes.DoubleType, "victims_low", DataTypes.DoubleType,
        "victims_high", DataTypes.DoubleType));
    assertColumns(mart("victims_by_year").schema(), Map.of("reporting_countries", DataTypes.IntegerType));
    assertColumns(mart("flows").schema(), Map.of("year", DataTypes.IntegerType,
        "destination_iso3", DataTypes.StringType, "origin_code", DataTypes.StringType,
        "origin_level", DataTypes.StringType, "flow_type", DataTypes.StringType,
        "victims", DataTypes.DoubleType, "victims_low", DataTypes.DoubleType, "victims_high", DataTypes.DoubleType));
    assertColumns(mart("flow_shares").schema(), Map.of("year", DataTypes.IntegerType,
        "destination_iso3", DataTypes.StringType, "known_origin_victims", DataTypes.DoubleType,
        "domestic_share", DataTypes.DoubleType, "subregional_share", DataTypes.DoubleType,
        "regional_share", DataTypes.DoubleType, "transregional_share", DataTypes.DoubleType));
    Set<String> levels = new HashSet<>(mart("victims_by_year").select("geo_level").distinct()
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    assertEquals(Set.of("world", "region", "subregion", "country"), levels);
    Set<String> types = new HashSet<>(mart("flows").select("flow_type").distinct()
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    assertTrue(Set.of("domestic", "subregional", "regional", "transregional", "foreign_unspecified", "unknown")
        .containsAll(types), types.toString());
    assertTrue(types.containsAll(Set.of("domestic", "subregional", "regional", "transregional")), types.toString());
  }

  static void assertColumns(StructType schema, Map<String, org.apache.spark.sql.types.DataType> expected) {
    expected.forEach((name, type) -> {
      assertTrue(List.of(schema.fieldNames()).contains(name), "missing column " + name);
      assertEquals(type, schema.apply(name).dataType(), name);
    });
  }

  /**
   * The sums, independently. Which region a country belongs to is the sample's Region column, which
   * the generator wrote from {@code datasets/reference/m49_countries.csv}, the table the job sums
   * with: that table is checked against UNODC's own Region and Subregion columns by RealDataRunTest.
   */
  @Test
  void worldAndRegionTotalsEqualAnIndependentSumOverCountries() throws Exception {
    // 2010 comes from the xlsx file, 2016 from the csv file of the sample
    for (int year : new int[] {2010, 2016}) {
      for (String region : new String[] {null, "Europe", "Africa"}) {
        double[] expected = new double[3];
        Set<String> reporting = new HashSet<>();
        for (Path file : sampleFiles()) {
          for (Map<String, String> r : IndependentGlotip.rows(file)) {
            double[] v = IndependentGlotip.value(r.get("txtVALUE"));
            if (IndependentGlotip.victims(r, "Total") && IndependentGlotip.isCountry(r) && v != null
                && r.get("Year").equals(Integer.toString(year)) && r.get("Sex").equals("Total")
                && r.get("Age").equals("Total") && (region == null || r.get("Region").equals(region))) {
              for (int i = 0; i < 3; i++) {
                expected[i] += v[i];
              }
              reporting.add(r.get("Iso3_code"));
            }
          }
        }
        Row got = mart("victims_by_year").filter(col("year").equalTo(year)
                .and(col("geo_level").equalTo(region == null ? "world" : "region"))
                .and(col("geo_name").equalTo(region == null ? "World" : region))
                .and(col("sex").equalTo("total")).and(col("age").equalTo("total")).and(col("form").equalTo("total")))
            .collectAsList().get(0);
        String what = year + " " + (region == null ? "world" : region);
        assertTrue(expected[2] > 0, what);
        assertEquals(expected[0], got.<Double>getAs("victims_low"), 1e-9, what + " low");
        assertEquals(expected[1], got.<Double>getAs("victims_high"), 1e-9, what + " high");
        assertEquals(expected[2], got.<Double>getAs("victims"), 1e-9, what + " point");
        assertEquals(reporting.size(), got.<Integer>getAs("reporting_countries"), what + " reporting countries");
      }
    }
  }

  @Test
  void flowSharesAreConsistentWithFlows() {
    Map<String, Double> knownFromFlows = new java.util.HashMap<>();
    for (Row r : mart("flows").filter(col("flow_type").isin("domestic", "subregional", "regional", "transregional"))
        .groupBy("year", "destination_iso3").sum("victims").collectAsList()) {
      knownFromFlows.put(r.getInt(0) + "/" + r.getString(1), r.getDouble(2));
    }
    List<Row> shares = mart("flow_shares").collectAsList();
    assertFalse(shares.isEmpty());
    for (Row r : shares) {
      String key = r.<Integer>getAs("year") + "/" + r.getAs("destination_iso3");
      double known = r.getAs("known_origin_victims");
      assertEquals(knownFromFlows.getOrDefault(key, 0.0), known, 1e-9, key);
      if (known > 0) {
        double sum = 0;
        for (String t : List.of("domestic", "subregional", "regional", "transregional")) {
          double p = r.getAs(t + "_share");
          double lo = r.getAs(t + "_share_low");
          double hi = r.getAs(t + "_share_high");
          assertTrue(0 <= lo && lo <= p && p <= hi && hi <= 1, key + " " + t + " bounds");
          sum += p;
        }
        assertEquals(1.0, sum, 1e-9, key);
      }
    }
  }

  @Test
  void runReportListsInputsQuarantineExclusionsAndChecks() {
    assertEquals(List.of("unodc", "unodc", "worldbank", "worldbank", "ilo", "ilo", "ucdp"),
        report.get("inputs").findValuesAsText("source"));
    for (JsonNode in : report.get("inputs")) {
      assertEquals(64, in.get("sha256").asText().length());
      assertTrue(in.get("rows_read").asLong() > (in.get("source").asText().equals("unodc") ? 1000 : 50), in.toString());
    }
    assertTrue(report.get("quarantine").get("rows").asLong() > 0, "the sample holds a few malformed values");
    assertTrue(report.get("excluded_non_country_codes").size() > 0);
    // the gate's target as README states it; how well labels resolve is measured against hand labels
    // (CitizenshipSampleScoreTest), not by this, the job's own figure about its own sample
    double share = report.get("citizenship").get("resolved_share").asDouble();
    assertTrue(share >= TestSupport.README_RESOLVED_TARGET, "resolved share " + share);
    assertEquals("pass", check("citizenship_resolution").get("status").asText(), "the gate says what the share says");
    assertTrue(report.get("citizenship").get("unresolved_labels").size() > 0);
    for (JsonNode c : report.get("checks")) {
      assertFalse(c.get("status").asText().equals("fail"), c.toString());
      if (c.get("name").asText().equals("required_columns")) {
        assertTrue(c.get("detail").asText().contains("every mart has the columns of its contract"), c.toString());
      }
    }
    long quarantineRows = mart("quarantine").count();
    assertEquals(report.get("quarantine").get("rows").asLong(), quarantineRows);
  }

  @Test
  void aFailedRunLeavesCurrentAndTheLiveVersionUntouched(@TempDir Path badInput) throws Exception {
    Files.createDirectories(badInput.resolve("unodc"));
    Files.write(badInput.resolve("unodc/truncated.xlsx"), new byte[] {'P', 'K', 3, 4, 1});
    String before = Files.readString(marts.resolve("CURRENT"));
    // only a GLOTIP folder: the other sources are allowed missing, so the bad workbook is what fails
    InputException e = assertThrows(InputException.class, () -> new NightlyRun(TestSupport.spark(), m -> {},
        GateSettings.defaults(), OTHER_SOURCES).run(badInput, marts));
    assertTrue(e.getMessage().contains("truncated.xlsx"), e.getMessage());
    assertEquals(before, Files.readString(marts.resolve("CURRENT")));
    try (Stream<Path> s = Files.list(marts)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".building-")), "build dir removed");
    }
    assertEquals(List.of(result.version()), new MartStore(marts).versions());
    List<JsonNode> history = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(marts.resolve("runs.jsonl"))) {
      history.add(new ObjectMapper().readTree(line));
    }
    JsonNode published = history.stream().filter(h -> h.get("status").asText().equals("published")).findFirst().orElseThrow();
    assertEquals(result.version(), published.get("version").asText());
    JsonNode failed = history.get(history.size() - 1);
    assertEquals("failed", failed.get("status").asText());
    assertTrue(failed.get("error").asText().contains("truncated.xlsx"), failed.toString());
  }

  @Test
  void panelSharesEqualAnIndependentComputationFromTheRawFile() throws Exception {
    // female share of Total-dimension victims among known sex (female, male, other), 2016, from the csv
    Map<String, double[]> bySex = new java.util.HashMap<>(); // iso3 -> female, male, other (points)
    for (Path file : sampleFiles()) {
      for (Map<String, String> r : IndependentGlotip.rows(file)) {
        double[] v = IndependentGlotip.value(r.getOrDefault("txtVALUE", ""));
        if (v == null || !IndependentGlotip.victims(r, "Total") || !IndependentGlotip.isCountry(r)
            || !r.get("Year").equals("2016") || !r.get("Age").equals("Total")) {
          continue;
        }
        int idx = List.of("Female", "Male", "Other").indexOf(r.get("Sex"));
        if (idx >= 0) {
          bySex.computeIfAbsent(r.get("Iso3_code"), k -> new double[4])[idx] += v[2];
          bySex.get(r.get("Iso3_code"))[3] += idx < 2 ? 1 << idx : 0; // presence bits for female, male
        }
      }
    }
    int compared = 0;
    for (Row p : mart("country_year_panel").filter(col("year").equalTo(2016)).collectAsList()) {
      double[] s = bySex.get(p.<String>getAs("iso3"));
      if (s == null || s[3] < 3) {
        assertTrue(p.isNullAt(p.fieldIndex("female_share")), "no share without both female and male");
        continue;
      }
      assertEquals(s[0] / (s[0] + s[1] + s[2]), p.<Double>getAs("female_share"), 1e-9, p.<String>getAs("iso3"));
      assertTrue(p.<Double>getAs("female_share_low") <= p.<Double>getAs("female_share"));
      compared++;
    }
    assertTrue(compared > 20, compared + " countries compared");
  }

  @Test
  void everyMartIsPopulatedFromTheBundledSample() {
    for (String m : List.of("victims_by_year", "flows", "flow_shares", "indicators", "sectors", "conflict",
        "country_year_panel", "justice_by_year", "convicted_by_citizenship", "repatriation_flows")) {
      assertTrue(mart(m).count() > 0, m);
    }
    assertColumns(mart("sectors").schema(), Map.of("year", DataTypes.IntegerType, "geo_level", DataTypes.StringType,
        "geo_code", DataTypes.StringType, "geo_name", DataTypes.StringType, "indicator", DataTypes.StringType,
        "sex", DataTypes.StringType, "age_band", DataTypes.StringType, "sector", DataTypes.StringType,
        "value", DataTypes.DoubleType, "unit", DataTypes.StringType));
    assertColumns(mart("conflict").schema(), Map.of("year", DataTypes.IntegerType, "iso3", DataTypes.StringType,
        "conflict_count", DataTypes.IntegerType, "max_intensity", DataTypes.IntegerType,
        "conflict_types", DataTypes.StringType));
    assertColumns(mart("country_year_panel").schema(), Map.of("in_conflict", DataTypes.BooleanType,
        "conflict_max_intensity", DataTypes.IntegerType, "gdp_per_capita", DataTypes.DoubleType,
        "transregional_share", DataTypes.DoubleType, "region_code", DataTypes.StringType));
    assertTrue(mart("country_year_panel").filter(col("in_conflict")).count() > 0, "some panel rows in conflict");
    assertTrue(mart("country_year_panel").filter(col("gdp_per_capita").isNotNull()).count() > 100);
  }

  /**
   * Issue 13: the bundled sample feeds convicted_by_citizenship and repatriation_flows, with their
   * contract's columns and types, and each equals an independent sum of the sample's cells (both
   * files): per reporting country-year, per year, and each cell whose labels are all country names
   * or "Nationals"; the sample's TOTAL and "Abroad" rows count nowhere, and the run passes its gates.
   */
  @Test
  void theSampleFeedsConvictedByCitizenshipAndRepatriation() throws Exception {
    List<Map<String, String>> raw = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.list(TestSupport.bundledSample().resolve("unodc"))) {
      for (Path f : files.sorted().toList()) {
        raw.addAll(IndependentGlotip.rows(f));
      }
    }
    for (String[] m : new String[][] {
        {"convicted_by_citizenship", "convicting", "citizenship", "persons", "Persons convicted", "by citizenship", "TOTAL"},
        {"repatriation_flows", "reporting", "repatriation", "victims", "Detected trafficking victims",
            "by country of repatriation", "Abroad"}}) {
      assertColumns(mart(m[0]).schema(), Map.of("year", DataTypes.IntegerType, m[1] + "_iso3", DataTypes.StringType,
          m[1] + "_name", DataTypes.StringType, m[1] + "_subregion_code", DataTypes.StringType,
          m[1] + "_region_code", DataTypes.StringType, m[2] + "_code", DataTypes.StringType,
          m[2] + "_level", DataTypes.StringType, "flow_type", DataTypes.StringType, m[3], DataTypes.DoubleType,
          m[3] + "_high", DataTypes.DoubleType));
      IndependentGlotip.Breakdown expected = IndependentGlotip.breakdown(raw, m[4], m[5], Set.of(m[6]));
      assertTrue(expected.totals[2] > 0, m[0] + ": the sample has " + m[6] + " rows to leave out");
      PlacePairAssertions.assertBreakdown(expected, mart(m[0]), m[1], m[2], m[3], 30);
      PlacePairAssertions.assertConserved(report, m[0], m[3], expected);
      assertEquals(report.get("outputs").get(m[0]).asLong(), mart(m[0]).count(), m[0]);
      // domestic and foreign both occur, as the views of the nationality of convicted persons need
      assertTrue(mart(m[0]).filter(col("flow_type").equalTo("domestic")).count() > 0, m[0]);
      assertTrue(mart(m[0]).filter(col("flow_type").isin("subregional", "regional", "transregional")).count() > 0,
          m[0]);
    }
    for (JsonNode check : report.get("checks")) {
      assertFalse(check.get("status").asText().equals("fail"), check.toString());
    }
  }

  /**
   * Conflicts located in each state, per year, straight from the CSV. The sample's codes were written
   * by the generator from {@code datasets/reference/gleditsch_ward.csv}, the table the job maps them
   * back with, so the count uses the codes of the published list written down by hand
   * ({@link PublishedGleditschWard}; the table is checked against it and the real release by
   * {@code GleditschWardTableTest}): every country of that list, every year, 0 where none.
   */
  @Test
  void conflictCountsEqualAnIndependentReadingOfTheUcdpFile() throws Exception {
    Map<String, Set<String>> expected = new java.util.HashMap<>();
    long locations = 0;
    Path file;
    try (Stream<Path> s = Files.list(TestSupport.bundledSample().resolve("ucdp"))) {
      file = s.findFirst().orElseThrow();
    }
    try (var in = Files.newBufferedReader(file);
        var p = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      for (var r : p) {
        for (String code : r.get("gwno_loc").split(",")) {
          locations++;
          String iso3 = PublishedGleditschWard.CODES.get(Integer.parseInt(code.strip()));
          if (iso3 != null) {
            expected.computeIfAbsent(r.get("year") + "/" + iso3, k -> new HashSet<>()).add(r.get("conflict_id"));
          }
        }
      }
    }
    Set<String> listed = Set.copyOf(PublishedGleditschWard.CODES.values());
    int compared = 0;
    for (Row r : mart("conflict").filter(col("iso3").isin(listed.toArray())).collectAsList()) {
      String key = r.<Integer>getAs("year") + "/" + r.getAs("iso3");
      assertEquals(expected.getOrDefault(key, Set.of()).size(), r.<Integer>getAs("conflict_count"), key);
      compared += expected.containsKey(key) ? 1 : 0;
    }
    assertEquals(expected.size(), compared, "every country-year in conflict has its row");
    assertTrue(compared > 50, compared + " country-years in conflict among the listed countries");
    // and none lost or doubled elsewhere: each (conflict, year, location) of the file is one count
    // (no conflict of the sample names two codes of one country)
    assertEquals(locations, mart("conflict").agg(org.apache.spark.sql.functions.sum("conflict_count")).first().getLong(0));
  }

  @Test
  void aCollapsingRowCountFailsItsGateUnlessAllowed(@TempDir Path smallInput, @TempDir Path ownMarts)
      throws Exception {
    // a marts root of its own whose live version is the sample's
    Path live = ownMarts.resolve(result.version());
    try (Stream<Path> files = Files.walk(result.versionDir())) {
      for (Path f : files.toList()) {
        Files.copy(f, live.resolve(result.versionDir().relativize(f).toString()));
      }
    }
    Files.writeString(ownMarts.resolve("CURRENT"), result.version() + "\n");
    java.nio.file.Files.createDirectories(smallInput.resolve("unodc"));
    try (var w = java.nio.file.Files.newBufferedWriter(smallInput.resolve("unodc/tiny.csv"));
        var p = new org.apache.commons.csv.CSVPrinter(w, org.apache.commons.csv.CSVFormat.RFC4180)) {
      p.printRecord(org.tiptrends.jobs.generate.GlotipGenerator.HEADER);
      new org.tiptrends.jobs.generate.GlotipGenerator(1, 2019, 2019, 0).generate(300, line -> {
        try {
          p.printRecord(line);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    // a GLOTIP file alone: the other sources are allowed missing
    NightlyRun.ChecksFailedException e = assertThrows(NightlyRun.ChecksFailedException.class,
        () -> new NightlyRun(TestSupport.spark(), m -> {}, GateSettings.defaults(), OTHER_SOURCES).run(smallInput, ownMarts));
    assertTrue(e.getMessage().contains("row_counts_vs_live"), e.getMessage());
    assertEquals(result.version() + "\n", Files.readString(ownMarts.resolve("CURRENT")));

    var allowed = new org.tiptrends.jobs.quality.GateSettings(0.9, 0.05, 0.5, true, 0.05);
    NightlyRun.Result r = new NightlyRun(TestSupport.spark(), m -> {}, allowed, OTHER_SOURCES).run(smallInput, ownMarts);
    JsonNode gate = null;
    for (JsonNode c : new ObjectMapper().readTree(r.versionDir().resolve("run.json").toFile()).get("checks")) {
      if (c.get("name").asText().equals("row_counts_vs_live")) {
        gate = c;
      }
    }
    assertEquals("warn", gate.get("status").asText(), gate.toString());
    assertEquals(r.version() + "\n", Files.readString(ownMarts.resolve("CURRENT")));
  }

  JsonNode check(String name) {
    for (JsonNode c : report.get("checks")) {
      if (c.get("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no check " + name + " in " + report.get("checks"));
  }

  static List<Path> sampleFiles() throws Exception {
    try (Stream<Path> s = Files.list(TestSupport.bundledSample().resolve("unodc"))) {
      return s.sorted().toList();
    }
  }
}
