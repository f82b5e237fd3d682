package org.tiptrends.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.jobs.sources.ucdp.PublishedGleditschWard;

/**
 * End to end on the real exports in ../shared/realdata (skipped where absent, failed where required:
 * {@link Prerequisites}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealDataRunTest {
  Path marts;

  NightlyRun.Result result;
  JsonNode report;
  List<Map<String, String>> raw;

  @BeforeAll
  void runOnRealData(@TempDir Path dir) throws Exception {
    marts = dir;
    Path xlsx = Prerequisites.realDataFile("unodc/data_glotip.xlsx");
    result = new NightlyRun(TestSupport.spark(), m -> {}).run(Prerequisites.realData(), marts);
    report = new ObjectMapper().readTree(result.versionDir().resolve("run.json").toFile());
    raw = IndependentGlotip.rows(xlsx);
  }

  /** Tests read the inputs; none may change them (POI, for one, can write a workbook back on close). */
  @org.junit.jupiter.api.AfterAll
  void inputsAreUnchanged() {
    IndependentGlotip.assertInputsUnchanged(report);
  }

  Dataset<Row> mart(String name) {
    return TestSupport.spark().read().parquet(result.versionDir().resolve(name).toString());
  }

  /**
   * The run's own account of citizenship resolution: its share meets the gate's target and the
   * unresolved labels it lists carry the victims their cells hold (counted here from the raw cells),
   * biggest first. The share is the job's figure about itself; how well labels are read is measured
   * against hand labels (CitizenshipSampleScoreTest, CitizenshipSampleDrawTest).
   */
  @Test
  void theRunReportsItsResolvedShareAndTheVictimsOfEachUnresolvedLabel() {
    double share = report.get("citizenship").get("resolved_share").asDouble();
    assertTrue(share >= TestSupport.README_RESOLVED_TARGET, "resolved share " + share);
    Map<String, Double> victimsByLabel = new java.util.HashMap<>();
    for (Map<String, String> r : raw) {
      if (IndependentGlotip.victims(r, "by citizenship") && IndependentGlotip.isCountry(r)) {
        victimsByLabel.merge(r.get("Category"), IndependentGlotip.value(r.get("txtVALUE"))[2], Double::sum);
      }
    }
    JsonNode unresolved = report.get("citizenship").get("unresolved_labels");
    assertTrue(unresolved.size() > 0);
    double previous = Double.MAX_VALUE;
    for (JsonNode u : unresolved) {
      double victims = u.get("victims").asDouble();
      assertEquals(victimsByLabel.get(u.get("label").asText()), victims, 1e-9, u.toString());
      assertTrue(victims <= previous, "biggest first: " + u);
      previous = victims;
    }
  }

  /**
   * The M49 table, which the job sums regions with and the generator writes the bundled sample's
   * Region column from, against UNODC's own Region and Subregion columns: every country of the real
   * export sits where UNODC puts it.
   */
  @Test
  void everyCountryOfTheExportIsInTheRegionAndSubregionUnodcGives() {
    Map<String, String> unodc = new java.util.TreeMap<>();
    for (Map<String, String> r : raw) {
      if (IndependentGlotip.isCountry(r)) {
        String code = r.get("Iso3_code").isBlank()
            ? ReferenceData.standard().countryByName(r.get("Country")).orElseThrow().code()
            : r.get("Iso3_code");
        unodc.put(code, r.get("Region") + " / " + r.get("Subregion"));
      }
    }
    List<String> differ = new java.util.ArrayList<>();
    unodc.forEach((code, place) -> {
      String table = ReferenceData.standard().country(code)
          .map(c -> c.regionName() + " / " + c.subregionName()).orElse("missing");
      if (!table.equals(place)) {
        differ.add(code + ": UNODC " + place + ", table " + table);
      }
    });
    assertTrue(unodc.size() >= 200, unodc.size() + " countries");
    assertEquals(List.of(), differ);
  }

  @Test
  void everyAggregateCodeOfTheExportIsListedAndInNoSum() {
    Set<String> aggregates = new HashSet<>();
    for (Map<String, String> r : raw) {
      if (!IndependentGlotip.isCountry(r)) {
        aggregates.add(r.get("Iso3_code"));
      }
    }
    Set<String> listed = new HashSet<>();
    report.get("excluded_non_country_codes").forEach(n -> listed.add(n.get("code").asText()));
    assertEquals(aggregates, listed);
    Set<String> countryCodes = new HashSet<>(mart("victims_by_year").filter(col("geo_level").equalTo("country"))
        .select("geo_code").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    countryCodes.retainAll(aggregates);
    assertEquals(Set.of(), countryCodes);
  }

  /**
   * Every row of {@code victims_by_year} (world, regions, sub-regions, countries; every sex, age and
   * form) against the same cells summed here from the workbook's rows under the published rule
   * ({@code <5} is [0, 4], point 2), with both coverage counts; no row missing, none extra.
   */
  @Test
  void everyVictimsFigureEqualsAnIndependentSumOfTheWorkbookCells() {
    Map<IndependentGlotip.Key, IndependentGlotip.Sum> expected = IndependentGlotip.victimCells(raw);
    Set<String> countries = new HashSet<>();
    expected.keySet().forEach(k -> countries.add(k.geo()));
    List<Row> rows = mart("victims_by_year").collectAsList();
    Set<IndependentGlotip.Key> seen = new HashSet<>();
    for (Row r : rows) {
      IndependentGlotip.Key key = new IndependentGlotip.Key(r.getAs("geo_level"), geo(r, countries),
          r.<Integer>getAs("year"), r.getAs("sex"), r.getAs("age"), r.getAs("form"));
      IndependentGlotip.Sum e = expected.get(key);
      assertTrue(e != null, "a mart row the workbook does not have: " + key);
      assertTrue(seen.add(key), "two mart rows for " + key);
      assertEquals(e.point, r.<Double>getAs("victims"), 1e-6, key + " point");
      assertEquals(e.low, r.<Double>getAs("victims_low"), 1e-6, key + " low");
      assertEquals(e.high, r.<Double>getAs("victims_high"), 1e-6, key + " high");
      assertEquals(e.reporting.size(), r.<Integer>getAs("reporting_countries"), key + " reporting countries");
      assertEquals(e.suppressedOnly.size(), r.<Integer>getAs("suppressed_only_countries"),
          key + " suppressed-only countries");
    }
    assertEquals(expected.keySet(), seen, "every cell of the workbook is a mart row");
  }

  /**
   * Every {@code justice_by_year} figure of every measure (formal contact, prosecuted, convicted,
   * offences), at every level and year, equals an independent sum of the workbook's Total and
   * by-form cells of that Indicator (point, bounds, coverage), and each measure has world, region
   * and country rows in several years.
   */
  @Test
  void everyJusticeFigureEqualsAnIndependentSumOfTheWorkbookCells() {
    Dataset<Row> justice = mart("justice_by_year");
    for (String measure : IndependentGlotip.JUSTICE_INDICATORS.keySet()) {
      Map<IndependentGlotip.Key, IndependentGlotip.Sum> expected = IndependentGlotip.justiceCells(raw, measure);
      assertFalse(expected.isEmpty(), "the workbook has " + measure + " cells");
      Set<String> countries = new HashSet<>();
      expected.keySet().forEach(k -> countries.add(k.geo()));
      List<Row> rows = justice.filter(col("measure").equalTo(measure)).collectAsList();
      Set<IndependentGlotip.Key> seen = new HashSet<>();
      for (Row r : rows) {
        IndependentGlotip.Key key = new IndependentGlotip.Key(r.getAs("geo_level"), geo(r, countries),
            r.<Integer>getAs("year"), r.getAs("sex"), r.getAs("age"), r.getAs("form"));
        IndependentGlotip.Sum e = expected.get(key);
        assertTrue(e != null, measure + ": a mart row the workbook does not have: " + key);
        assertTrue(seen.add(key), measure + ": two mart rows for " + key);
        assertEquals(e.point, r.<Double>getAs("persons"), 1e-6, measure + " " + key + " point");
        assertEquals(e.low, r.<Double>getAs("persons_low"), 1e-6, measure + " " + key + " low");
        assertEquals(e.high, r.<Double>getAs("persons_high"), 1e-6, measure + " " + key + " high");
        assertEquals(e.reporting.size(), r.<Integer>getAs("reporting_countries"), measure + " " + key + " reporting");
        assertEquals(e.suppressedOnly.size(), r.<Integer>getAs("suppressed_only_countries"),
            measure + " " + key + " suppressed-only");
      }
      assertEquals(expected.keySet(), seen, measure + ": every cell of the workbook is a mart row");
      for (String level : List.of("world", "region", "country")) {
        long years = rows.stream().filter(r -> r.getAs("geo_level").equals(level))
            .map(r -> r.<Integer>getAs("year")).distinct().count();
        assertTrue(years >= 3, measure + " " + level + " rows in only " + years + " years");
      }
    }
  }

  /**
   * The panel's justice columns and convictions per 100 detected victims, for every country-year of
   * the panel, from the workbook's Total cells summed here: the measure's point and bounds, null
   * where the country reported none; the ratio point over point, lowest with convictions low and
   * victims high, highest the other way round, and null where victims may be 0 (only {@code <5}).
   */
  @Test
  void thePanelsJusticeColumnsAndConvictionRatioEqualTheWorkbookCells() {
    Map<IndependentGlotip.Key, IndependentGlotip.Sum> victims = IndependentGlotip.victimCells(raw);
    Map<String, Map<IndependentGlotip.Key, IndependentGlotip.Sum>> justice = new java.util.TreeMap<>();
    for (String measure : IndependentGlotip.JUSTICE_INDICATORS.keySet()) {
      justice.put(measure, IndependentGlotip.justiceCells(raw, measure));
    }
    int ratios = 0;
    int withoutRatioForSuppressedVictims = 0;
    Set<String> ratioYears = new java.util.TreeSet<>();
    for (Row r : mart("country_year_panel").collectAsList()) {
      IndependentGlotip.Key key = new IndependentGlotip.Key("country", r.getAs("iso3"), r.<Integer>getAs("year"),
          "total", "total", "total");
      for (var m : justice.entrySet()) {
        IndependentGlotip.Sum e = m.getValue().get(key);
        String what = m.getKey() + " " + key;
        if (e == null) {
          assertTrue(r.isNullAt(r.fieldIndex(m.getKey())), what + ": the workbook has no such cell");
          continue;
        }
        assertEquals(e.point, r.<Double>getAs(m.getKey()), 1e-6, what);
        assertEquals(e.low, r.<Double>getAs(m.getKey() + "_low"), 1e-6, what + " low");
        assertEquals(e.high, r.<Double>getAs(m.getKey() + "_high"), 1e-6, what + " high");
      }
      IndependentGlotip.Sum c = justice.get("convicted").get(key);
      IndependentGlotip.Sum v = victims.get(key);
      Double ratio = r.getAs("convictions_per_100_victims");
      if (c == null || v == null || v.low == 0) {
        assertEquals(null, ratio, key + ": no ratio without convictions, victims, or with victims possibly 0");
        assertTrue(r.isNullAt(r.fieldIndex("convictions_per_100_victims_low")), key.toString());
        assertTrue(r.isNullAt(r.fieldIndex("convictions_per_100_victims_high")), key.toString());
        if (c != null && v != null) {
          withoutRatioForSuppressedVictims++;
        }
        continue;
      }
      ratios++;
      ratioYears.add(Integer.toString(key.year()));
      assertEquals(100 * c.point / v.point, ratio, 1e-9, key + " ratio");
      assertEquals(100 * c.low / v.high, r.<Double>getAs("convictions_per_100_victims_low"), 1e-9, key + " ratio low");
      assertEquals(100 * c.high / v.low, r.<Double>getAs("convictions_per_100_victims_high"), 1e-9, key + " ratio high");
    }
    assertTrue(ratios >= 100, "convictions per 100 victims for only " + ratios + " country-years");
    assertTrue(ratioYears.size() >= 5, "ratios in years " + ratioYears);
    System.out.println("country_year_panel: " + ratios + " conviction ratios; " + withoutRatioForSuppressedVictims
        + " country-years with convictions but victims only <5 (no ratio)");
  }

  /**
   * Issue 13: {@code convicted_by_citizenship} against the workbook's "Persons convicted" by
   * citizenship cells summed here: every convicting country-year and every year's world total
   * (point and {@code <5} bounds), and, where every label of a country-year is a country name of
   * the workbook's own Country column or "Nationals", every citizenship's persons and flow type.
   */
  @Test
  void convictedByCitizenshipEqualsAnIndependentSumOfTheWorkbookCells() {
    IndependentGlotip.Breakdown expected = IndependentGlotip.breakdown(raw, "Persons convicted", "by citizenship",
        Set.of("TOTAL"));
    assertEquals(612, expected.rows, "the export's convicted-by-citizenship rows (all of countries)");
    Dataset<Row> mart = mart("convicted_by_citizenship");
    PlacePairAssertions.assertBreakdown(expected, mart, "convicting", "citizenship", "persons", 100);
    PlacePairAssertions.assertConserved(report, "convicted_by_citizenship", "persons", expected);
    // figures stated outright, read off the workbook: Thailand 2019 convicted 266 Thai nationals, and
    // Belgium 2019 convicted 32 of its own nationals and 16 Romanians (another sub-region of Europe)
    assertCell(mart, "convicting", "citizenship", "persons", 2019, "THA", "THA", "domestic", 266, 266);
    assertCell(mart, "convicting", "citizenship", "persons", 2019, "BEL", "BEL", "domestic", 32, 32);
    assertCell(mart, "convicting", "citizenship", "persons", 2019, "BEL", "ROU", "regional", 16, 16);
    // Austria 2020: every citizenship <5, so each is 0 to 4 persons, never an exact count
    assertCell(mart, "convicting", "citizenship", "persons", 2020, "AUT", "NGA", "transregional", 0, 4);
  }

  /**
   * Issue 13: {@code repatriation_flows} against the workbook's "Detected trafficking victims" by
   * country of repatriation cells summed here, as for convicted persons; the totals "Abroad" and
   * "TOTAL POR AÑO" are no country of repatriation and count nowhere.
   */
  @Test
  void repatriationFlowsEqualAnIndependentSumOfTheWorkbookCells() {
    IndependentGlotip.Breakdown expected = IndependentGlotip.breakdown(raw, "Detected trafficking victims",
        "by country of repatriation", Set.of("Abroad", "TOTAL POR AÑO"));
    // 1,830 rows, one of them the aggregate Aruba/Curacao (no Region), which no mart counts
    assertEquals(1829, expected.rows, "the export's by-country-of-repatriation rows of countries");
    assertTrue(expected.totals[0] > 1000, "the totals left out hold victims: " + expected.totals[0]);
    Dataset<Row> mart = mart("repatriation_flows");
    PlacePairAssertions.assertBreakdown(expected, mart, "reporting", "repatriation", "victims", 100);
    PlacePairAssertions.assertConserved(report, "repatriation_flows", "victims", expected);
    // China 2016 reported 455 victims with Myanmar as country of repatriation; Nigeria 2018, 101 with
    // Libya (its own nationals brought back from Libya: the direction the README explains)
    assertCell(mart, "reporting", "repatriation", "victims", 2016, "CHN", "MMR", "regional", 455, 455);
    assertCell(mart, "reporting", "repatriation", "victims", 2018, "NGA", "LBY", "regional", 101, 101);
    assertCell(mart, "reporting", "repatriation", "victims", 2016, "GBR", "SVK", "regional", 59, 59);
    assertEquals(0, mart.filter(col("repatriation_code").isin("Abroad", "ABROAD", "TOTAL")).count());
  }

  /** No convicted or repatriated row is a TOTAL label, and every row's place is a level of the flows' own. */
  @Test
  void noTotalCitizenshipOrRepatriationRowCountsAsANationality() {
    for (String[] m : new String[][] {{"convicted_by_citizenship", "citizenship"}, {"repatriation_flows", "repatriation"}}) {
      Dataset<Row> mart = mart(m[0]);
      assertEquals(0, mart.filter(col(m[1] + "_code").isNull().or(col(m[1] + "_code").rlike("(?i)total|abroad"))).count(), m[0]);
      assertEquals(Set.of(), new HashSet<>(mart.select(m[1] + "_level").distinct()
          .as(org.apache.spark.sql.Encoders.STRING()).collectAsList()).stream()
          .filter(l -> !Set.of("country", "subregion", "region", "foreign_unspecified", "unknown").contains(l))
          .collect(java.util.stream.Collectors.toSet()), m[0]);
      // a country-level code is an M49 country the export itself lists (the resolver invents none)
      Set<String> codes = new HashSet<>(mart.filter(col(m[1] + "_level").equalTo("country")).select(m[1] + "_code")
          .distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
      codes.removeIf(c -> ReferenceData.standard().country(c).isPresent());
      assertEquals(Set.of(), codes, m[0]);
    }
    // the staged TOTAL-like rows were excluded, and the report counts them
    assertTrue(report.get("staged_rows").get("excluded_not_origin").asLong() > 323, report.get("staged_rows").toString());
  }

  /** One mart row, its bounds and flow type; the point is the bounds' for exact cells, 2 per {@code <5} cell else. */
  private void assertCell(Dataset<Row> mart, String reporting, String place, String count, int year, String iso3,
      String code, String flowType, double low, double high) {
    List<Row> rows = mart.filter(col("year").equalTo(year).and(col(reporting + "_iso3").equalTo(iso3))
        .and(col(place + "_code").equalTo(code))).collectAsList();
    assertEquals(1, rows.size(), year + " " + iso3 + " " + code);
    Row r = rows.get(0);
    assertEquals(List.<Object>of(low, high, flowType), List.<Object>of(r.<Double>getAs(count + "_low"),
        r.<Double>getAs(count + "_high"), r.<String>getAs("flow_type")), year + " " + iso3 + " " + code);
    if (low == high) {
      assertEquals(low, r.<Double>getAs(count), 1e-9);
    }
  }

  /**
   * The mart row's place as the workbook names it: regions and sub-regions by name, countries by
   * code, or by name where the export has no code (Sark, M680 in the reference table).
   */
  private static String geo(Row r, Set<String> workbookCountries) {
    String level = r.getAs("geo_level");
    if (level.equals("region") || level.equals("subregion")) {
      return r.getAs("geo_name");
    }
    String code = r.getAs("geo_code");
    return level.equals("country") && !workbookCountries.contains(code) ? "name:" + r.getAs("geo_name") : code;
  }

  /**
   * The figures issue 12 starts from, computed here from the workbook and then found in the mart: in
   * 2018, 178 countries gave a sexual-exploitation count, 98 of them only {@code <5}; 126 gave a
   * total; 56 gave no total and nothing but {@code <5} in every by-form row (any sex, any age).
   */
  @Test
  void theIssuesFiguresFor2018HoldInTheWorkbookAndTheMart() {
    Map<IndependentGlotip.Key, IndependentGlotip.Sum> cells = IndependentGlotip.victimCells(raw);
    IndependentGlotip.Sum sexual = cells.get(new IndependentGlotip.Key("world", "WLD", 2018, "total", "total",
        "sexual_exploitation"));
    IndependentGlotip.Sum total = cells.get(new IndependentGlotip.Key("world", "WLD", 2018, "total", "total", "total"));
    assertEquals(178, sexual.reporting.size());
    assertEquals(98, sexual.suppressedOnly.size());
    assertEquals(126, total.reporting.size());
    Set<String> onlySuppressedForms = new java.util.TreeSet<>();
    Set<String> anyExactForm = new HashSet<>();
    for (Map.Entry<IndependentGlotip.Key, IndependentGlotip.Sum> e : cells.entrySet()) {
      IndependentGlotip.Key k = e.getKey();
      if (k.level().equals("country") && k.year() == 2018 && !k.form().equals("total")) {
        (e.getValue().suppressedOnly.isEmpty() ? anyExactForm : onlySuppressedForms).add(k.geo());
      }
    }
    onlySuppressedForms.removeAll(anyExactForm);
    onlySuppressedForms.removeAll(total.reporting);
    assertEquals(56, onlySuppressedForms.size(), onlySuppressedForms.toString());

    Row published = mart("victims_by_year").filter(col("geo_code").equalTo("WLD").and(col("year").equalTo(2018))
        .and(col("sex").equalTo("total")).and(col("age").equalTo("total"))
        .and(col("form").equalTo("sexual_exploitation"))).first();
    assertEquals(178, published.<Integer>getAs("reporting_countries"));
    assertEquals(98, published.<Integer>getAs("suppressed_only_countries"));
  }

  /**
   * The panel's detected victims and its female, child and forced-labour shares, country-year by
   * country-year, against the workbook's cells with the bounds found by trying every possible count
   * of each suppressed cell (a share of an empty whole left out).
   */
  @Test
  void panelFiguresAndShareBoundsEqualAnIndependentComputation() {
    Map<IndependentGlotip.Key, IndependentGlotip.Sum> cells = IndependentGlotip.victimCells(raw);
    int checked = 0;
    int allSuppressedWholes = 0;
    Set<String> countries = new HashSet<>();
    cells.keySet().forEach(k -> countries.add(k.geo()));
    for (Row r : mart("country_year_panel").collectAsList()) {
      String iso3 = countries.contains(r.<String>getAs("iso3")) ? r.getAs("iso3") : "name:" + r.getAs("country_name");
      int year = r.<Integer>getAs("year");
      java.util.function.Function<String[], double[]> cell = k -> {
        IndependentGlotip.Sum c = cells.get(new IndependentGlotip.Key("country", iso3, year, k[0], k[1], k[2]));
        return c == null ? null : new double[] {c.low, c.high, c.point};
      };
      double[] total = cell.apply(new String[] {"total", "total", "total"});
      assertBounded(r, "detected_victims", total, iso3 + " " + year);
      double[] female = cell.apply(new String[] {"female", "total", "total"});
      double[] male = cell.apply(new String[] {"male", "total", "total"});
      double[] otherSex = cell.apply(new String[] {"other", "total", "total"});
      double[] child = cell.apply(new String[] {"total", "child", "total"});
      double[] adult = cell.apply(new String[] {"total", "adult", "total"});
      double[] forced = cell.apply(new String[] {"total", "total", "forced_labour"});
      double[] sexual = cell.apply(new String[] {"total", "total", "sexual_exploitation"});
      double[] otherForm = cell.apply(new String[] {"total", "total", "other"});
      double[] femaleShare = female == null || male == null ? null : IndependentGlotip.share(female, plus(male, otherSex));
      double[] childShare = child == null || adult == null ? null : IndependentGlotip.share(child, adult);
      double[] forcedShare = forced == null || sexual == null ? null
          : IndependentGlotip.share(forced, plus(sexual, otherForm));
      assertBounded(r, "female_share", femaleShare, iso3 + " " + year);
      assertBounded(r, "child_share", childShare, iso3 + " " + year);
      assertBounded(r, "forced_labour_share", forcedShare, iso3 + " " + year);
      if (femaleShare != null && female[0] + male[0] + (otherSex == null ? 0 : otherSex[0]) == 0) {
        allSuppressedWholes++;
        assertEquals(0.0, r.<Double>getAs("female_share_low"), 1e-12, "a whole of <5 cells only: from 0");
        assertEquals(1.0, r.<Double>getAs("female_share_high"), 1e-12, "... to 1");
      }
      checked++;
    }
    assertTrue(checked > 1500, checked + " panel rows");
    assertTrue(allSuppressedWholes > 0, "the export has country-years whose sexes are all <5");
  }

  private static double[] plus(double[] a, double[] b) {
    return b == null ? a : new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
  }

  /** {@code measure}, {@code measure_low} and {@code measure_high} equal {low, high, point}, or are all null. */
  private static void assertBounded(Row r, String measure, double[] expected, String what) {
    String w = what + " " + measure;
    if (expected == null) {
      assertTrue(r.isNullAt(r.fieldIndex(measure)), w + " should be null, is " + r.getAs(measure));
      return;
    }
    assertEquals(expected[2], r.<Double>getAs(measure), 1e-9, w);
    assertEquals(expected[0], r.<Double>getAs(measure + "_low"), 1e-9, w + " low");
    assertEquals(expected[1], r.<Double>getAs(measure + "_high"), 1e-9, w + " high");
  }

  /** Each flow share's bounds, tried over every possible count of the destination-year's suppressed flows. */
  @Test
  void flowShareBoundsAreTheExtremesOverEveryPossibleCount() {
    Map<String, Map<String, double[]>> byDestinationYear = new java.util.HashMap<>();
    for (Row r : mart("flows").collectAsList()) {
      double[] v = byDestinationYear.computeIfAbsent(r.<Integer>getAs("year") + " " + r.getAs("destination_iso3"),
          k -> new java.util.HashMap<>()).computeIfAbsent(r.getAs("flow_type"), k -> new double[3]);
      v[0] += r.<Double>getAs("victims_low");
      v[1] += r.<Double>getAs("victims_high");
      v[2] += r.<Double>getAs("victims");
    }
    List<String> known = List.of("domestic", "subregional", "regional", "transregional");
    int checked = 0;
    for (Row r : mart("flow_shares").collectAsList()) {
      Map<String, double[]> types = byDestinationYear.get(r.<Integer>getAs("year") + " " + r.getAs("destination_iso3"));
      for (String t : known) {
        double[] part = types.getOrDefault(t, new double[3]);
        double[] rest = new double[3];
        for (String o : known) {
          if (!o.equals(t)) {
            rest = plus(rest, types.getOrDefault(o, new double[3]));
          }
        }
        assertBounded(r, t + "_share", IndependentGlotip.share(part, rest), r.getAs("destination_iso3") + " " + r.getAs("year"));
        checked++;
      }
    }
    assertTrue(checked > 3000, checked + " shares");
  }

  @Test
  void noCitizenshipVictimIsLostAndNoTotalRowIsAnOrigin() {
    Map<Integer, Double> expected = new java.util.TreeMap<>();
    double totalRows = 0;
    for (Map<String, String> r : raw) {
      if (IndependentGlotip.victims(r, "by citizenship") && IndependentGlotip.isCountry(r)) {
        double v = IndependentGlotip.value(r.get("txtVALUE"))[2];
        if (r.get("Category").equals("TOTAL")) {
          totalRows += v;
        } else {
          expected.merge(Integer.parseInt(r.get("Year")), v, Double::sum);
        }
      }
    }
    assertTrue(totalRows > 0, "the export has a TOTAL citizenship row");
    for (Row r : mart("flows").groupBy("year").agg(sum("victims")).collectAsList()) {
      assertEquals(expected.get(r.getInt(0)), r.getDouble(1), 1e-6, "year " + r.getInt(0));
    }
    assertEquals(expected.size(), mart("flows").select("year").distinct().count());
    assertFalse(mart("flows").filter(col("origin_code").equalTo("TOTAL")).count() > 0);
  }

  @Test
  void runReportDescribesTheInput() {
    JsonNode in = report.get("inputs").get(0);
    assertEquals(46_556, in.get("rows_read").asLong());
    assertEquals("2023-05-30", in.get("export_date").asText());
    assertEquals("30/05/2023", in.get("export_date_as_published").asText());
    assertEquals(0, report.get("quarantine").get("rows").asLong(), "the real export has no malformed value");
    assertTrue(report.get("merged_duplicate_keys").asLong() > 0, "the export lists sub-categories under one key");
    for (JsonNode input : report.get("inputs")) {
      assertFalse(input.get("generated").asBoolean(true), "a real export is not generated sample data: " + input);
    }
  }

  @Test
  void thePanelJoinsGdpForAtLeast100CountriesWithDetectedVictimsIn2018() {
    long joined = mart("country_year_panel").filter(col("year").equalTo(2018)
        .and(col("detected_victims").isNotNull()).and(col("gdp_per_capita").isNotNull())).count();
    assertTrue(joined >= 100, joined + " countries");
    assertEquals(0, mart("country_year_panel").groupBy("year", "iso3").count().filter(col("count").gt(1)).count(),
        "one row per country-year");
  }

  /** The population data package (issue 14): read as the package says, countries only, and in the panel. */
  @Test
  void thePopulationPackageGivesEveryCountryYearOnceAndThePanelItsPopulation() throws Exception {
    Map<String, Double> expected = new java.util.HashMap<>();
    try (var in = java.nio.file.Files.newBufferedReader(Prerequisites.realDataFile("worldbank/population/data/population.csv"));
        var p = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().get().parse(in)) {
      for (var r : p) {
        if (org.tiptrends.core.geo.ReferenceData.standard().country(r.get("Country Code")).isPresent()) {
          expected.put(r.get("Country Code") + " " + r.get("Year"), Double.parseDouble(r.get("Value")));
        }
      }
    }
    Map<String, Double> published = new java.util.HashMap<>();
    for (Row r : mart("indicators").filter(col("indicator_code").equalTo("SP.POP.TOTL")).collectAsList()) {
      published.put(r.<String>getAs("iso3") + " " + r.<Integer>getAs("year"), r.<Double>getAs("value"));
    }
    assertEquals(expected, published);
    long joined = 0;
    for (Row r : mart("country_year_panel").filter(col("population").isNotNull()).collectAsList()) {
      assertEquals(expected.get(r.<String>getAs("iso3") + " " + r.<Integer>getAs("year")), r.<Double>getAs("population"));
      joined += r.<Integer>getAs("year") == 2018 && r.getAs("detected_victims") != null ? 1 : 0;
    }
    assertTrue(joined >= 100, joined + " countries with victims and population in 2018");
    JsonNode descriptor = null;
    for (JsonNode in : report.get("inputs")) {
      if (in.get("path").asText().endsWith("population/datapackage.json")) {
        descriptor = in;
      }
    }
    assertEquals(List.of("ODC-PDDL-1.0", "2023-03-30", "SP.POP.TOTL"), List.of(descriptor.get("license").asText(),
        descriptor.get("version").asText(), descriptor.get("indicator_code").asText()), descriptor.toString());
    assertEquals(0, report.at("/worldbank/overlaps").size(), "GDP and population never meet");
    assertEquals(0, report.get("skipped_inputs").size(), "the population/ folder is read, not skipped");
  }

  @Test
  void indicatorsHoldGdpPerCapitaFrom2003To2021() {
    for (int year = 2003; year <= 2021; year++) {
      assertTrue(mart("indicators").filter(col("year").equalTo(year)
          .and(col("indicator_code").equalTo("NY.GDP.PCAP.CD"))).count() > 150, "GDP in " + year);
    }
  }

  @Test
  void sectorsHoldTheIloTable() {
    Dataset<Row> sectors = mart("sectors");
    assertEquals(Set.of("total", "male", "female"), distinct(sectors, "sex"));
    assertEquals(Set.of("5-17", "5-11", "12-14", "15-17"), distinct(sectors, "age_band"));
    assertEquals(Set.of("total", "agriculture", "industry", "services", "not_classified"), distinct(sectors, "sector"));
    assertEquals(Set.of("thousands"), distinct(sectors, "unit"));
    assertTrue(distinct(sectors, "geo_level").containsAll(Set.of("world", "ilo_region", "country")));
  }

  /**
   * The conflict mart against the UCDP/PRIO file read here with Commons CSV: for the countries of
   * the Gleditsch–Ward codes written by hand from the published list ({@link PublishedGleditschWard},
   * not the job's table), the number of distinct conflicts whose {@code gwno_loc} names the country
   * and the highest intensity, every year the file covers; and every M49 country has a row for every
   * such year (no conflict is 0, not a missing row).
   */
  @Test
  void conflictEqualsAnIndependentCountOfTheUcdpFile() throws Exception {
    Map<String, String> gwToIso3 = new java.util.HashMap<>();
    PublishedGleditschWard.CODES.forEach((code, iso3) -> gwToIso3.put(code.toString(), iso3));
    Set<String> countries = Set.copyOf(gwToIso3.values());
    Map<String, Set<String>> conflicts = new java.util.HashMap<>();
    Map<String, Integer> intensity = new java.util.HashMap<>();
    Set<Integer> years = new java.util.TreeSet<>();
    java.nio.file.Path csv = Prerequisites.realDataFile("ucdp/ucdp-prio-acd-211.csv");
    try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(java.nio.file.Files.newBufferedReader(csv))) {
      for (var record : parser) {
        int year = Integer.parseInt(record.get("year"));
        years.add(year);
        for (String gw : record.get("gwno_loc").split(",")) {
          String iso3 = gwToIso3.get(gw.strip());
          if (iso3 != null) {
            String key = iso3 + " " + year;
            conflicts.computeIfAbsent(key, k -> new HashSet<>()).add(record.get("conflict_id"));
            intensity.merge(key, Integer.parseInt(record.get("intensity_level")), Math::max);
          }
        }
      }
    }
    assertEquals(1946, years.iterator().next());
    Dataset<Row> conflict = mart("conflict");
    assertEquals(Set.copyOf(years), new HashSet<>(conflict.select("year").distinct()
        .as(org.apache.spark.sql.Encoders.INT()).collectAsList()), "the years the file covers");
    assertEquals(0, conflict.groupBy("iso3").count().filter(col("count").notEqual(years.size())).count(),
        "every country has a row for every covered year");
    Map<String, Row> published = new java.util.HashMap<>();
    for (Row r : conflict.filter(col("iso3").isin(countries.toArray())).collectAsList()) {
      published.put(r.getAs("iso3") + " " + r.getAs("year"), r);
    }
    assertEquals(countries.size() * years.size(), published.size());
    int inConflict = 0;
    for (var e : published.entrySet()) {
      int expected = conflicts.getOrDefault(e.getKey(), Set.of()).size();
      assertEquals(expected, e.getValue().<Integer>getAs("conflict_count"), e.getKey());
      assertEquals(intensity.getOrDefault(e.getKey(), 0), e.getValue().<Integer>getAs("max_intensity"), e.getKey());
      inConflict += expected > 0 ? 1 : 0;
    }
    // gwno_loc is the government party's country: the United States is "in conflict" for its war with al-Qaida
    assertTrue(published.get("USA 2010").<Integer>getAs("conflict_count") > 0);
    assertEquals(0, published.get("SWE 2010").<Integer>getAs("conflict_count"));
    assertTrue(inConflict > 1000, inConflict + " country-years in conflict among the listed countries");
    assertFalse(report.get("warnings").toString().contains("ucdp"), report.get("warnings").toString());
  }

  /**
   * Issue 14: every row of {@code rates_by_year} (world, regions, sub-regions, countries, every year)
   * and the panel's {@code victims_per_100k} against rates computed here from the workbook's total
   * cells and the population CSV: an aggregate divides the counts of the reporting countries that
   * have a population by the population of those same countries, bounds from the cells' bounds; the
   * others are counted as without population.
   */
  @Test
  void ratesPer100kEqualAnIndependentComputationFromTheWorkbookAndThePopulationFile() throws Exception {
    Map<String, Double> population = new java.util.HashMap<>();
    try (var in = java.nio.file.Files.newBufferedReader(Prerequisites.realDataFile("worldbank/population/data/population.csv"));
        var p = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().get().parse(in)) {
      for (var r : p) {
        if (!r.get("Value").isBlank()) {
          population.put(r.get("Country Code") + " " + r.get("Year"), Double.parseDouble(r.get("Value")));
        }
      }
    }
    Map<String, String[]> places = new java.util.HashMap<>();
    for (Map<String, String> r : raw) {
      if (IndependentGlotip.isCountry(r)) {
        String code = r.get("Iso3_code").isBlank() ? "name:" + r.get("Country") : r.get("Iso3_code");
        places.put(code, new String[] {r.get("Region"), r.get("Subregion")});
      }
    }
    // measure|level|geo|year -> {count, low, high, population, reporting, suppressedOnly, withoutPopulation}
    Map<String, double[]> expected = new java.util.HashMap<>();
    Map<String, Map<IndependentGlotip.Key, IndependentGlotip.Sum>> cellsByMeasure = new java.util.TreeMap<>();
    cellsByMeasure.put("detected_victims", IndependentGlotip.victimCells(raw));
    for (String measure : IndependentGlotip.JUSTICE_INDICATORS.keySet()) {
      cellsByMeasure.put(measure, IndependentGlotip.justiceCells(raw, measure));
    }
    cellsByMeasure.forEach((measure, cells) -> cells.forEach((k, cell) -> {
      if (!k.level().equals("country") || !k.sex().equals("total") || !k.age().equals("total")
          || !k.form().equals("total")) {
        return;
      }
      Double pop = population.get(k.geo() + " " + k.year());
      String[] place = places.get(k.geo());
      for (String area : List.of("country|" + k.geo(), "world|WLD", "region|" + place[0], "subregion|" + place[1])) {
        double[] e = expected.computeIfAbsent(measure + "|" + area + "|" + k.year(), x -> new double[7]);
        if (pop == null) {
          e[6]++;
        } else {
          e[0] += cell.point;
          e[1] += cell.low;
          e[2] += cell.high;
          e[3] += pop;
          e[4]++;
          e[5] += cell.suppressedOnly.isEmpty() ? 0 : 1;
        }
      }
    }));
    Set<String> countries = new HashSet<>();
    places.keySet().forEach(countries::add);
    Set<String> seen = new HashSet<>();
    int withoutPopulation = 0;
    for (Row r : mart("rates_by_year").collectAsList()) {
      String key = r.getAs("measure") + "|" + r.getAs("geo_level") + "|" + geo(r, countries) + "|" + r.<Integer>getAs("year");
      double[] e = expected.get(key);
      assertTrue(e != null, "a rates row the workbook does not have: " + key);
      assertTrue(seen.add(key), "two rows for " + key);
      assertEquals((int) e[4], r.<Integer>getAs("reporting_countries"), key + " reporting");
      assertEquals((int) e[5], r.<Integer>getAs("suppressed_only_countries"), key + " suppressed only");
      assertEquals((int) e[6], r.<Integer>getAs("countries_without_population"), key + " without population");
      withoutPopulation += e[6] > 0 && e[4] > 0 && !r.<String>getAs("geo_level").equals("country") ? 1 : 0;
      if (e[4] == 0) {
        assertTrue(r.isNullAt(r.fieldIndex("rate_per_100k")), key + ": no population, no rate");
        continue;
      }
      assertEquals(e[3], r.<Double>getAs("population"), 1e-6, key + " population");
      assertEquals(e[0], r.<Double>getAs("count"), 1e-9, key + " count");
      assertEquals(1e5 * e[0] / e[3], r.<Double>getAs("rate_per_100k"), 1e-9 * (1 + 1e5 * e[0] / e[3]), key);
      assertEquals(1e5 * e[1] / e[3], r.<Double>getAs("rate_per_100k_low"), 1e-9 * (1 + 1e5 * e[1] / e[3]), key);
      assertEquals(1e5 * e[2] / e[3], r.<Double>getAs("rate_per_100k_high"), 1e-9 * (1 + 1e5 * e[2] / e[3]), key);
    }
    assertEquals(expected.keySet(), seen, "every geography-year with a total is a rates row");
    assertTrue(withoutPopulation > 0, "some aggregate leaves out a country without population (e.g. Taiwan)");
    // a few figures stated outright, to read: the world in 2018
    double[] world2018 = expected.get("detected_victims|world|WLD|2018");
    assertTrue(world2018[4] >= 100 && world2018[3] > 3e9, java.util.Arrays.toString(world2018));
    int panel = 0;
    for (Row r : mart("country_year_panel").filter(col("victims_per_100k").isNotNull()).collectAsList()) {
      String code = countries.contains(r.<String>getAs("iso3")) ? r.getAs("iso3") : "name:" + r.getAs("country_name");
      double[] e = expected.get("detected_victims|country|" + code + "|" + r.<Integer>getAs("year"));
      double rate = 1e5 * e[0] / e[3];
      assertEquals(rate, r.<Double>getAs("victims_per_100k"), 1e-9 * (1 + rate), code);
      assertEquals(1e5 * e[1] / e[3], r.<Double>getAs("victims_per_100k_low"), 1e-9 * (1 + rate), code);
      assertEquals(1e5 * e[2] / e[3], r.<Double>getAs("victims_per_100k_high"), 1e-9 * (1 + rate), code);
      panel++;
    }
    assertTrue(panel > 1000, panel + " panel rows with a rate");
  }

  static Set<String> distinct(Dataset<Row> d, String column) {
    return new HashSet<>(d.select(column).distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
  }
}
