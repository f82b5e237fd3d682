package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tiptrends.api.routes.TrendRoutes;
import org.tiptrends.api.snapshot.SnapshotHolder;
import org.tiptrends.core.geo.Country;
import org.tiptrends.core.geo.ReferenceData;

/**
 * {@code /api/v1/trends/{measure}} and {@code /api/v1/justice/funnel} (issue 13), against sums
 * made here: of the sample's {@code justice_by_year} country rows read with Spark, and of a small
 * hand-made {@code justice_by_year} whose ratios are worked out by hand below.
 */
class JusticeContractTest {
  static final TestApi SAMPLE = TestApi.shared();
  static final ReferenceData M49 = ReferenceData.standard();
  static final int Y = 2015;

  /** A country row of the hand-made mart: a total cell unless {@code form} says otherwise. */
  record Fact(String iso3, String measure, int year, String form, double point, double low, double high) {
    static Fact exact(String iso3, String measure, int year, double n) {
      return new Fact(iso3, measure, year, "total", n, n, n);
    }

    static Fact under5(String iso3, String measure, int year) {
      return new Fact(iso3, measure, year, "total", 2, 0, 4);
    }

    boolean suppressed() {
      return low < high;
    }
  }

  /**
   * Western Europe (FRA, DEU, BEL) and Brazil in 2015. DEU reports prosecuted but not convicted, so
   * a ratio of Europe's totals would divide FRA's and BEL's convictions by DEU's prosecutions too.
   * BEL gives only {@code <5}. BRA reports no formal contact. FRA and DEU report formal contact in
   * 2016 as well, BEL does not (the balanced panel of 2015–2016 is FRA and DEU).
   */
  static final List<Fact> FACTS = List.of(
      Fact.exact("FRA", "formal_contact", Y, 100), Fact.exact("FRA", "prosecuted", Y, 40),
      Fact.exact("FRA", "convicted", Y, 10),
      new Fact("FRA", "convicted", Y, "sexual_exploitation", 6, 6, 6),
      new Fact("FRA", "convicted", Y, "forced_labour", 4, 4, 4),
      Fact.exact("DEU", "formal_contact", Y, 200), Fact.exact("DEU", "prosecuted", Y, 80),
      Fact.under5("BEL", "formal_contact", Y), Fact.under5("BEL", "prosecuted", Y), Fact.under5("BEL", "convicted", Y),
      Fact.exact("BRA", "prosecuted", Y, 30), Fact.exact("BRA", "convicted", Y, 12),
      Fact.exact("FRA", "formal_contact", Y + 1, 110), Fact.exact("DEU", "formal_contact", Y + 1, 190),
      Fact.exact("FRA", "offences", Y, 25),
      // two African countries the sample detects victims in, in 2015: convictions per 100 victims have a denominator
      Fact.exact(African.WITH_VICTIMS.get(0), "convicted", Y, 17), Fact.exact(African.WITH_VICTIMS.get(1), "convicted", Y, 3));

  /** The first two African countries (by code) with a total of detected victims in the sample's 2015. */
  static final class African {
    static final List<String> WITH_VICTIMS = M49.countries().stream()
        .filter(c -> "002".equals(c.regionCode()))
        .map(Country::code).sorted()
        .filter(c -> MartRows.cells(c, "total", "total", "total").containsKey(Y))
        .limit(2).toList();
  }

  /** The job's justice_by_year columns. */
  static final StructType SCHEMA = new StructType().add("year", DataTypes.IntegerType)
      .add("geo_level", DataTypes.StringType).add("geo_code", DataTypes.StringType).add("geo_name", DataTypes.StringType)
      .add("measure", DataTypes.StringType).add("sex", DataTypes.StringType).add("age", DataTypes.StringType)
      .add("form", DataTypes.StringType).add("persons", DataTypes.DoubleType)
      .add("persons_low", DataTypes.DoubleType).add("persons_high", DataTypes.DoubleType)
      .add("reporting_countries", DataTypes.IntegerType).add("suppressed_only_countries", DataTypes.IntegerType);

  static Path fixtureRoot;
  static TestApi fixture;
  static Path noJusticeRoot;
  static TestApi noJustice;

  @BeforeAll
  static void publishFixtures() throws IOException {
    fixtureRoot = Files.createTempDirectory("tiptrends-justice");
    String version = "v20300102T000000Z-13d13d";
    Path dir = fixtureRoot.resolve(version);
    TestMarts.copyTree(TestMarts.versionDir(), dir);
    TestMarts.delete(dir.resolve("justice_by_year"));
    TestMarts.spark().createDataFrame(rolledUp(FACTS), SCHEMA).coalesce(1).write()
        .parquet(dir.resolve("justice_by_year").toString());
    TestMarts.publish(fixtureRoot, version);
    fixture = new TestApi(fixtureRoot, null, false);

    noJusticeRoot = Files.createTempDirectory("tiptrends-no-justice");
    String older = "v20240101T000000Z-0ld13d";
    TestMarts.copyTree(TestMarts.versionDir(), noJusticeRoot.resolve(older));
    TestMarts.delete(noJusticeRoot.resolve(older).resolve("justice_by_year")); // as published before issue 13
    TestMarts.publish(noJusticeRoot, older);
    noJustice = new TestApi(noJusticeRoot, null, false);
  }

  @AfterAll
  static void close() {
    fixture.close();
    noJustice.close();
    TestMarts.delete(fixtureRoot);
    TestMarts.delete(noJusticeRoot);
  }

  /** The facts as the job's roll-up would publish them: country rows and their sums to M49 areas and the world. */
  static List<Row> rolledUp(List<Fact> facts) {
    Map<List<Object>, double[]> sums = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
    for (Fact f : facts) {
      Country c = M49.country(f.iso3()).orElseThrow();
      List<String[]> geos = List.of(new String[] {"country", c.code(), c.name()},
          new String[] {"world", "WLD", "World"},
          new String[] {"region", c.regionCode(), M49.region(c.regionCode()).orElseThrow().name()},
          new String[] {"subregion", c.subregionCode(), M49.region(c.subregionCode()).orElseThrow().name()});
      for (String[] g : geos) {
        double[] s = sums.computeIfAbsent(List.of(f.year(), g[0], g[1], g[2], f.measure(), f.form()), k -> new double[5]);
        s[0] += f.point();
        s[1] += f.low();
        s[2] += f.high();
        s[3] += 1;
        s[4] += f.suppressed() ? 1 : 0;
      }
    }
    List<Row> rows = new ArrayList<>();
    sums.forEach((k, s) -> rows.add(RowFactory.create(k.get(0), k.get(1), k.get(2), k.get(3), k.get(4), "total",
        "total", k.get(5), s[0], s[1], s[2], (int) s[3], (int) s[4])));
    return rows;
  }

  // --- trends of a justice measure, on the sample marts ---

  /** year → {persons, low, high, reporting, suppressed only} summed from the sample mart's country rows. */
  static Map<Integer, double[]> sampleSums(String measure, String geo) {
    return sampleSums(measure, geo, "total");
  }

  /** The same, of the rows of one sex. */
  static Map<Integer, double[]> sampleSums(String measure, String geo, String sex) {
    Map<Integer, double[]> out = new TreeMap<>();
    for (Row r : TestMarts.mart("justice_by_year").collectAsList()) {
      if (!r.getAs("geo_level").equals("country") || !r.getAs("measure").equals(measure)
          || !r.getAs("sex").equals(sex) || !r.getAs("age").equals("total") || !r.getAs("form").equals("total")) {
        continue;
      }
      Optional<Country> c = M49.country(r.getAs("geo_code"));
      if (!geo.equals("WLD") && (c.isEmpty() || !(geo.equals(c.get().regionCode()) || geo.equals(c.get().subregionCode())
          || geo.equals(c.get().code())))) {
        continue;
      }
      double[] e = out.computeIfAbsent(((Number) r.getAs("year")).intValue(), y -> new double[5]);
      e[0] += ((Number) r.getAs("persons")).doubleValue();
      e[1] += ((Number) r.getAs("persons_low")).doubleValue();
      e[2] += ((Number) r.getAs("persons_high")).doubleValue();
      e[3] += 1;
      e[4] += ((Number) r.getAs("suppressed_only_countries")).intValue(); // 1 on a country made only of <5
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"WLD", "150", "155", "419"})
  void convictedOfTheWorldAndItsAreasIsTheSumOfTheirCountriesRows(String geo) {
    Map<Integer, double[]> expected = sampleSums("convicted", geo);
    assertFalse(expected.isEmpty(), "the sample reports persons convicted in " + geo);
    JsonNode a = SAMPLE.json("/api/v1/trends/convicted?geo=" + geo);
    assertEquals("convicted", a.get("measure").asText());
    assertEquals("persons", a.get("unit").asText());
    assertEquals(geo, a.get("geo").get("code").asText());
    assertEquals(1, a.get("series").size());
    JsonNode points = a.get("series").get(0).get("points");
    assertEquals(expected.size(), points.size(), geo);
    for (JsonNode p : points) {
      double[] e = expected.get(p.get("year").asInt());
      String what = geo + " " + p.get("year").asInt();
      assertEquals(e[0], p.get("value").asDouble(), 1e-9, what);
      assertEquals(e[1], p.get("low").asDouble(), 1e-9, what);
      assertEquals(e[2], p.get("high").asDouble(), 1e-9, what);
      assertEquals((int) e[3], p.get("reportingCountries").asInt(), what);
      assertEquals((int) e[4], p.get("suppressedOnlyCountries").asInt(), what);
    }
    assertTrue(a.get("source").get("note").asText().contains("year of conviction"));
  }

  /**
   * Convictions per 100,000 population: the convictions of the reporting countries that have a
   * population (the indicators mart's SP.POP.TOTL, same year) over the population of those same countries.
   */
  @ParameterizedTest
  @ValueSource(strings = {"WLD", "150"})
  void convictedPer100kDividesByThePopulationOfTheReportingCountries(String geo) {
    Map<String, Double> population = new HashMap<>();
    for (Row r : TestMarts.mart("indicators").filter("indicator_code = 'SP.POP.TOTL' and value is not null")
        .collectAsList()) {
      population.put(r.getAs("iso3") + " " + ((Number) r.getAs("year")).intValue(), ((Number) r.getAs("value")).doubleValue());
    }
    Map<Integer, double[]> expected = new TreeMap<>(); // year -> {convicted, population, reporting, without}
    for (Row r : TestMarts.mart("justice_by_year").filter("geo_level = 'country' and measure = 'convicted' and "
        + "sex = 'total' and age = 'total' and form = 'total'").collectAsList()) {
      Optional<Country> c = M49.country(r.getAs("geo_code"));
      if (!geo.equals("WLD") && (c.isEmpty() || !geo.equals(c.get().regionCode()))) {
        continue;
      }
      int year = ((Number) r.getAs("year")).intValue();
      double[] e = expected.computeIfAbsent(year, y -> new double[4]);
      Double pop = population.get(r.getAs("geo_code") + " " + year);
      if (pop == null) {
        e[3]++;
        continue;
      }
      e[0] += ((Number) r.getAs("persons")).doubleValue();
      e[1] += pop;
      e[2]++;
    }
    JsonNode a = SAMPLE.json("/api/v1/trends/convicted?per=100k&geo=" + geo);
    assertEquals("convicted", a.get("measure").asText());
    assertTrue(a.get("note").asText().startsWith("Persons convicted per 100,000"), a.get("note").asText());
    int checked = 0;
    for (JsonNode p : a.get("series").get(0).get("points")) {
      double[] e = expected.get(p.get("year").asInt());
      String what = geo + " " + p.get("year").asInt();
      assertEquals(1e5 * e[0] / e[1], p.get("value").asDouble(), 1e-9 * (1 + p.get("value").asDouble()), what);
      assertEquals(e[1], p.get("population").asDouble(), 1e-6, what);
      assertEquals((int) e[2], p.get("reportingCountries").asInt(), what);
      assertEquals((int) e[3], p.get("countriesWithoutPopulation").asInt(), what);
      checked++;
    }
    assertEquals(expected.values().stream().filter(e -> e[2] > 0).count(), checked, geo);
    HttpResponse<String> csv = SAMPLE.get("/api/v1/trends/convicted?per=100k&geo=" + geo + "&format=csv");
    assertTrue(csv.body().startsWith("geo,year,convicted_per_100k,low,high,convicted,"), csv.body());
  }

  @Test
  void aMeasureTheVersionDoesNotHaveIs409() throws IOException {
    // a version whose justice_by_year holds persons convicted only
    Path root = Files.createTempDirectory("tiptrends-convicted-only");
    String version = "v20300105T000000Z-c0c0c0";
    Path dir = root.resolve(version);
    TestMarts.copyTree(TestMarts.versionDir(), dir);
    TestMarts.delete(dir.resolve("justice_by_year"));
    TestMarts.spark().createDataFrame(rolledUp(FACTS.stream().filter(f -> f.measure().equals("convicted")).toList()),
        SCHEMA).coalesce(1).write().parquet(dir.resolve("justice_by_year").toString());
    TestMarts.publish(root, version);
    try (TestApi convictedOnly = new TestApi(root, null, false)) {
      assertEquals(200, convictedOnly.get("/api/v1/trends/convicted").statusCode());
      HttpResponse<String> r = convictedOnly.get("/api/v1/trends/prosecuted");
      assertEquals(409, r.statusCode(), r.body());
      assertTrue(r.body().contains("persons prosecuted"), r.body());
    } finally {
      TestMarts.delete(root);
    }
  }


  @ParameterizedTest
  @ValueSource(strings = {"arrests", "Victims", "justice"})
  void anUnknownMeasureIs400ListingTheMeasures(String measure) {
    HttpResponse<String> r = SAMPLE.get("/api/v1/trends/" + measure);
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    JsonNode p = TestApi.parse(r.body());
    assertEquals("measure", p.get("parameter").asText());
    List<String> allowed = new ArrayList<>();
    p.get("allowed").forEach(v -> allowed.add(v.asText()));
    assertEquals(List.of("victims", "formal_contact", "prosecuted", "convicted", "offences"), allowed);
  }

  @Test
  void aBreakdownJusticeMeasuresDoNotHaveIs400() {
    HttpResponse<String> r = SAMPLE.get("/api/v1/trends/convicted?by=demographic");
    assertEquals(400, r.statusCode(), r.body());
    assertEquals("by", TestApi.parse(r.body()).get("parameter").asText());
  }

  /**
   * Persons convicted by sex, on the sample: the world's female and male series are the sums of the
   * sample mart's country rows of that sex (age and form total), point, bounds and countries.
   */
  @Test
  void convictedBySexSumsTheCountryRowsOfEachSex() {
    JsonNode a = SAMPLE.json("/api/v1/trends/convicted?by=sex");
    Map<String, JsonNode> bySex = new HashMap<>();
    a.get("series").forEach(series -> bySex.put(series.get("key").asText(), series));
    assertTrue(bySex.containsKey("female") && bySex.containsKey("male"), bySex.keySet().toString());
    for (String sex : List.of("female", "male")) {
      Map<Integer, double[]> expected = sampleSums("convicted", "WLD", sex);
      JsonNode points = bySex.get(sex).get("points");
      assertEquals(expected.size(), points.size(), sex);
      for (JsonNode p : points) {
        double[] e = expected.get(p.get("year").asInt());
        assertPoint(p, p.get("year").asInt(), e[0], e[1], e[2], (int) e[3], (int) e[4]);
      }
    }
    // the chart draws that answer
    HttpResponse<String> csv = drawn(SAMPLE, "/api/v1/charts/justice-trend?by=sex&format=csv");
    assertEquals(200, csv.statusCode(), csv.body());
    List<List<String>> rows = csvRows(csv.body());
    int female = 0;
    for (List<String> row : rows.subList(1, rows.size())) {
      female += row.get(rows.get(0).indexOf("key")).equals("female") ? 1 : 0;
    }
    assertEquals(bySex.get("female").get("points").size(), female);
    JsonNode option = TestApi.parse(drawn(SAMPLE, "/api/v1/charts/justice-trend?by=sex&measure=prosecuted").body());
    assertTrue(option.at("/title/0/text").asText().startsWith("Persons prosecuted by sex, World"), option.at("/title").toString());
    assertEquals(400, SAMPLE.get("/api/v1/charts/justice-trend?measure=prosecuted").statusCode(),
        "measure without by=sex is refused, not ignored");
  }

  // --- /api/v1/trends/victims through the measure route ---

  /**
   * An app with only {@code /api/v1/trends/{measure}} must answer {@code victims} byte for byte as
   * one with only the existing {@code /api/v1/trends/victims} route.
   */
  @Test
  void victimsThroughTheMeasureRouteIsTheVictimsRoute() throws Exception {
    // two holders: answers are memoised per holder, so neither app can be served the other's bytes
    SnapshotHolder victimsHolder = new SnapshotHolder(TestMarts.root());
    SnapshotHolder measuresHolder = new SnapshotHolder(TestMarts.root());
    victimsHolder.reload();
    measuresHolder.reload();
    Javalin victimsOnly = ApiApp.create(List.of(new TrendRoutes(victimsHolder)::registerVictims)).start("127.0.0.1", 0);
    Javalin measuresOnly = ApiApp.create(List.of(new TrendRoutes(measuresHolder)::registerMeasures))
        .start("127.0.0.1", 0);
    try {
      HttpClient client = HttpClient.newHttpClient();
      int checked = 0;
      for (String q : List.of("", "?geo=150&by=sex", "?geo=FRA&by=form&format=csv", "?balanced=true&from=2014&to=2018",
          "?per=100k&geo=150", "?by=nonsense")) {
        HttpResponse<String> expected = get(client, victimsOnly, "/api/v1/trends/victims" + q);
        HttpResponse<String> got = get(client, measuresOnly, "/api/v1/trends/victims" + q);
        assertEquals(expected.statusCode(), got.statusCode(), q);
        assertEquals(expected.body(), got.body(), q);
        assertEquals(expected.headers().firstValue("Content-Type"), got.headers().firstValue("Content-Type"), q);
        checked += expected.statusCode() == 200 ? 1 : 0;
      }
      assertEquals(5, checked);
      HttpResponse<String> justice = get(client, victimsOnly, "/api/v1/trends/convicted");
      assertEquals(404, justice.statusCode(), "the victims-only app really lacks the measure route");
    } finally {
      victimsOnly.stop();
      measuresOnly.stop();
      victimsHolder.close();
      measuresHolder.close();
    }
  }

  private static HttpResponse<String> get(HttpClient client, Javalin app, String target) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + target)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theVictimsRouteOfTheFullAppIsUnchangedByTheMeasureRoute() {
    HttpResponse<String> viaApp = SAMPLE.get("/api/v1/trends/victims?geo=150&by=age");
    assertEquals(200, viaApp.statusCode());
    assertFalse(TestApi.parse(viaApp.body()).has("measure"), "the victims answer keeps its shape");
  }

  // --- trends on the hand-made mart ---

  @Test
  void balancedSumsOnlyTheCountriesReportingTheMeasureEveryYear() {
    JsonNode all = fixture.json("/api/v1/trends/formal_contact?geo=150&from=2015&to=2016");
    JsonNode pts = all.get("series").get(0).get("points");
    assertEquals(2, pts.size());
    assertPoint(pts.get(0), 2015, 302, 300, 304, 3, 1); // FRA + DEU + BEL (<5)
    assertPoint(pts.get(1), 2016, 300, 300, 300, 2, 0);
    assertFalse(all.has("countries") || all.has("panel"), "as for victims, listed for balanced series only");
    JsonNode balanced = fixture.json("/api/v1/trends/formal_contact?geo=150&from=2015&to=2016&balanced=true");
    JsonNode bpts = balanced.get("series").get(0).get("points");
    assertPoint(bpts.get(0), 2015, 300, 300, 300, 2, 0); // BEL did not report in 2016
    assertEquals(2, balanced.get("panel").get("size").asInt());
    assertEquals(3, balanced.get("panel").get("reportedInAnyYear").asInt());
    assertTrue(balanced.get("panel").get("definition").asText().contains("persons brought into formal contact"));
    List<String> countries = balanced.get("countries").findValuesAsText("code");
    assertEquals(List.of("FRA", "DEU").stream().sorted().toList(), countries.stream().sorted().toList());
  }

  @Test
  void byFormGivesTheFormsTheMartHasAndCsvIsTheSameTable() {
    JsonNode a = fixture.json("/api/v1/trends/convicted?geo=FRA&by=form");
    Map<String, Double> got = new HashMap<>();
    a.get("series").forEach(s -> got.put(s.get("key").asText(), s.get("points").get(0).get("value").asDouble()));
    assertEquals(Map.of("sexual_exploitation", 6.0, "forced_labour", 4.0), got);
    HttpResponse<String> csv = fixture.get("/api/v1/trends/convicted?geo=FRA&by=form&format=csv");
    assertEquals(200, csv.statusCode());
    List<String> lines = csv.body().lines().toList();
    assertEquals(3, lines.size(), csv.body());
    assertTrue(lines.get(0).startsWith("geo,by,key,year,value,low,high,reporting_countries"), lines.get(0));
    assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("convicted-FRA-form"),
        csv.headers().toString());
    JsonNode offences = fixture.json("/api/v1/trends/offences?geo=FRA");
    assertEquals("offences", offences.get("unit").asText());
    assertEquals(25.0, offences.get("series").get(0).get("points").get(0).get("value").asDouble());
  }

  // --- the funnel ---

  @Test
  void ratiosOfEuropeSumOnlyTheCountriesReportingBothSteps() {
    JsonNode a = fixture.json("/api/v1/justice/funnel?geo=150&year=2015");
    assertEquals("150", a.get("geo").get("code").asText());
    assertEquals(2015, a.get("year").asInt());
    JsonNode steps = a.get("steps");
    assertEquals("formal_contact", steps.get(0).get("measure").asText());
    assertCount(steps.get(0).get("persons"), 302, 300, 304, 3, 1);
    assertCount(steps.get(1).get("persons"), 122, 120, 124, 3, 1);
    assertCount(steps.get(2).get("persons"), 12, 10, 14, 2, 1);

    // prosecuted / formal contact: FRA, DEU, BEL report both
    JsonNode pf = ratio(a, "prosecuted", "formal_contact");
    assertEquals(3, pf.get("countries").asInt());
    assertBounded(pf.get("ratio"), 122.0 / 302, 120.0 / 304, 124.0 / 300);
    // convicted / prosecuted: DEU reports no convictions, so only FRA and BEL
    JsonNode cp = ratio(a, "convicted", "prosecuted");
    assertEquals(2, cp.get("countries").asInt());
    assertBounded(cp.get("denominatorSum"), 42, 40, 44);
    assertBounded(cp.get("ratio"), 12.0 / 42, 10.0 / 44, 14.0 / 40);
    assertNotEquals(12.0 / 122, cp.get("ratio").get("value").asDouble(), 1e-6, "not Europe's totals divided");
    assertFalse(cp.get("denominatorMayBeZero").asBoolean());
  }

  /**
   * Persons convicted and detected victims in 2015 summed over the fixture countries of {@code geo}
   * that have both (victims from the sample mart): {convicted point, low, high, victims point, low,
   * high, countries}.
   */
  static double[] convictedAndVictims(String geo) {
    double[] sums = new double[7];
    for (Fact f : FACTS) {
      Country c = M49.country(f.iso3()).orElseThrow();
      if (!f.measure().equals("convicted") || !f.form().equals("total") || f.year() != Y
          || !(geo.equals("WLD") || geo.equals(c.regionCode()) || geo.equals(c.code()))) {
        continue;
      }
      Row v = MartRows.cells(f.iso3(), "total", "total", "total").get(Y);
      if (v == null) {
        continue;
      }
      double[] add = {f.point(), f.low(), f.high(), MartRows.d(v, "victims"), MartRows.d(v, "victims_low"),
          MartRows.d(v, "victims_high"), 1};
      for (int i = 0; i < add.length; i++) {
        sums[i] += add[i];
      }
    }
    return sums;
  }

  @Test
  void convictedPer100VictimsDividesBySameCountriesDetectedVictims() {
    assertEquals(2, African.WITH_VICTIMS.size(), "the sample detects victims in two African countries in " + Y);
    for (String geo : List.of("WLD", "150", "002", African.WITH_VICTIMS.get(1))) {
      JsonNode a = fixture.json("/api/v1/justice/funnel?geo=" + geo + "&year=2015");
      double[] e = convictedAndVictims(geo);
      int both = (int) e[6];
      JsonNode r = ratio(a, "convicted", "detected_victims");
      assertTrue(geo.equals("150") || both > 0, geo + ": the sample has victims of a fixture country in 2015");
      assertEquals(100, r.get("per").asInt());
      assertEquals(both, r.get("countries").asInt(), geo);
      if (both == 0) {
        assertTrue(r.get("ratio").isNull(), geo);
        continue;
      }
      assertBounded(r.get("denominatorSum"), e[3], e[4], e[5]);
      if (e[4] == 0) {
        assertTrue(r.get("ratio").isNull(), geo);
        assertTrue(r.get("denominatorMayBeZero").asBoolean(), geo);
      } else {
        assertBounded(r.get("ratio"), 100 * e[0] / e[3], 100 * e[1] / e[5], 100 * e[2] / e[4]);
      }
      JsonNode detected = a.get("detectedVictims");
      Row total = MartRows.cells(geo, "total", "total", "total").get(Y);
      assertEquals(total == null, detected.isNull(), geo);
      if (total != null) {
        assertEquals(MartRows.d(total, "victims"), detected.get("value").asDouble(), 1e-9, geo);
        assertEquals(MartRows.i(total, "reporting_countries"), detected.get("reportingCountries").asInt(), geo);
      }
    }
  }

  /**
   * The chart of convictions per 100 detected victims by region: one row for the world and each of
   * the five M49 regions, each the ratio over its own fixture countries with victims (worked out
   * above), a region without such countries a row with no ratio; the SVG labels each place.
   */
  @Test
  void convictionsPer100VictimsByRegionChartIsEachPlacesOwnRatio() {
    HttpResponse<String> r = drawn(fixture, "/api/v1/charts/justice-ratio-by-region?year=2015&format=csv");
    assertEquals(200, r.statusCode(), r.body());
    List<List<String>> rows = csvRows(r.body());
    List<String> header = rows.get(0);
    List<String> places = rows.subList(1, rows.size()).stream().map(row -> row.get(0)).toList();
    assertEquals(List.of("WLD", "002", "009", "019", "142", "150"), places);
    for (List<String> row : rows.subList(1, rows.size())) {
      String geo = row.get(0);
      double[] e = convictedAndVictims(geo);
      assertEquals((int) e[6], Integer.parseInt(row.get(header.indexOf("countries_reporting_both"))), geo);
      String value = row.get(header.indexOf("convicted_per_100_detected_victims"));
      if (e[6] == 0 || e[4] == 0) {
        assertEquals("", value, geo + ": no ratio without a denominator that is surely not 0");
        continue;
      }
      assertEquals(100 * e[0] / e[3], Double.parseDouble(value), 1e-9, geo);
      assertEquals(100 * e[1] / e[5], Double.parseDouble(row.get(header.indexOf("low"))), 1e-9, geo);
      assertEquals(100 * e[2] / e[4], Double.parseDouble(row.get(header.indexOf("high"))), 1e-9, geo);
    }
    String svg = svgText(drawn(fixture, "/api/v1/charts/justice-ratio-by-region?year=2015&format=svg").body());
    assertTrue(svg.contains("Persons convicted per 100 detected victims, by region, 2015"), svg);
    assertTrue(svg.contains("Europe") && svg.contains("no country reported both"), svg);
    assertTrue(svg.contains("a conviction ratio compares different people in different years"), svg);
  }

  @Test
  void aDenominatorThatMayBeZeroGivesNoRatioAndSaysSo() {
    JsonNode a = fixture.json("/api/v1/justice/funnel?geo=BEL&year=2015");
    JsonNode cp = ratio(a, "convicted", "prosecuted");
    assertEquals(1, cp.get("countries").asInt());
    assertTrue(cp.get("ratio").isNull(), cp.toString());
    assertTrue(cp.get("denominatorMayBeZero").asBoolean());
    assertBounded(cp.get("denominatorSum"), 2, 0, 4);
    assertTrue(cp.get("note").asText().contains("may be 0"), cp.toString());
  }

  @Test
  void aCountryWithoutTheStepHasNoneAndNoRatio() {
    JsonNode a = fixture.json("/api/v1/justice/funnel?geo=BRA&year=2015");
    assertTrue(a.get("steps").get(0).get("persons").isNull(), "BRA reports no formal contact");
    JsonNode pf = ratio(a, "prosecuted", "formal_contact");
    assertEquals(0, pf.get("countries").asInt());
    assertTrue(pf.get("ratio").isNull());
    assertBounded(ratio(a, "convicted", "prosecuted").get("ratio"), 12.0 / 30, 12.0 / 30, 12.0 / 30);
    HttpResponse<String> csv = fixture.get("/api/v1/justice/funnel?geo=BRA&year=2015&format=csv");
    assertEquals(200, csv.statusCode());
    List<String> lines = csv.body().lines().toList();
    assertEquals(1 + 4 + 3, lines.size(), csv.body());
    assertTrue(lines.get(1).startsWith("BRA,2015,formal_contact,,,,0,0,,"), csv.body());
    assertTrue(lines.get(6).startsWith("BRA,2015,convicted_per_prosecuted,0.4,0.4,0.4,,,1,"), csv.body());
  }

  @Test
  void theFunnelDefaultsToTheWorldInTheMartsLastYear() {
    JsonNode a = fixture.json("/api/v1/justice/funnel");
    assertEquals("WLD", a.get("geo").get("code").asText());
    assertEquals(2016, a.get("year").asInt());
    assertCount(a.get("steps").get(0).get("persons"), 300, 300, 300, 2, 0);
    HttpResponse<String> bad = fixture.get("/api/v1/justice/funnel?year=1990");
    assertEquals(400, bad.statusCode(), bad.body());
    assertEquals("year", TestApi.parse(bad.body()).get("parameter").asText());
  }

  @Test
  void theFunnelHasTheHttpSemanticsOfEveryDataRoute() {
    HttpResponse<String> first = fixture.get("/api/v1/justice/funnel?geo=150&year=2015");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, fixture.get("/api/v1/justice/funnel?geo=150&year=2015", "If-None-Match", etag).statusCode());
    HttpResponse<String> head = fixture.send(HttpRequest.newBuilder(fixture.uri("/api/v1/trends/prosecuted"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(200, head.statusCode());
    assertEquals("", head.body());
    HttpResponse<String> post = fixture.send(HttpRequest.newBuilder(fixture.uri("/api/v1/justice/funnel"))
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(405, post.statusCode(), post.body());
  }

  // --- a version without justice_by_year ---

  @Test
  void aVersionWithoutTheJusticeMartLoadsAndItsRoutesAre409() {
    assertEquals(200, noJustice.get("/api/v1/trends/victims").statusCode(), "the version still loads");
    for (String target : List.of("/api/v1/trends/convicted", "/api/v1/justice/funnel?geo=FRA")) {
      HttpResponse<String> r = noJustice.get(target);
      assertEquals(409, r.statusCode(), target + ": " + r.body());
      JsonNode p = TestApi.parse(r.body());
      assertTrue(p.get("type").asText().endsWith("missing-data"), r.body());
      assertTrue(p.get("detail").asText().contains("justice_by_year"), r.body());
    }
  }

  // --- the charts (justice-trend, justice-funnel) draw these answers ---

  @Test
  void justiceTrendChartCsvIsEachMeasuresTrendAnswer() {
    List<List<String>> chart = csvRows(drawn(fixture, "/api/v1/charts/justice-trend?geo=150&format=csv").body());
    assertEquals(List.of("measure", "unit", "geo", "by", "key", "year", "value", "low", "high", "reporting_countries",
        "suppressed_only_countries", "balanced", "source"), chart.get(0));
    int checked = 0;
    for (String measure : List.of("formal_contact", "prosecuted", "convicted", "offences")) {
      List<List<String>> api = csvRows(fixture.get("/api/v1/trends/" + measure + "?geo=150&format=csv").body());
      List<List<String>> expected = api.subList(1, api.size()).stream().map(r -> r.subList(0, r.size() - 1)).toList();
      List<List<String>> drawn = chart.subList(1, chart.size()).stream().filter(r -> r.get(0).equals(measure))
          .map(r -> r.subList(2, r.size() - 1)).toList();
      assertEquals(expected, drawn, measure);
      checked += drawn.size();
    }
    assertEquals(chart.size() - 1, checked, "no other rows");
    // and against the facts: Europe's convictions in 2015 are FRA's 10 and BEL's <5
    List<String> convicted2015 = chart.stream().filter(r -> r.get(0).equals("convicted") && r.get(5).equals("2015"))
        .findFirst().orElseThrow();
    assertEquals(List.of("12", "10", "14", "2", "1"), convicted2015.subList(6, 11));
    assertEquals("persons", convicted2015.get(1));
    assertEquals("offences", chart.stream().filter(r -> r.get(0).equals("offences")).findFirst().orElseThrow().get(1));
  }

  @Test
  void justiceTrendChartDrawsALineAndBandPerMeasureWithTheCaveat() {
    JsonNode option = TestApi.parse(drawn(fixture, "/api/v1/charts/justice-trend?geo=150").body());
    Map<String, Integer> perName = new HashMap<>();
    option.get("series").forEach(s -> perName.merge(s.get("name").asText(), 1, Integer::sum));
    assertEquals(Map.of("Persons brought into formal contact", 3, "Persons prosecuted", 3, "Persons convicted", 3,
        "Offences of trafficking in persons", 3, "Countries reporting persons brought into formal contact", 1,
        "Countries reporting persons prosecuted", 1, "Countries reporting persons convicted", 1,
        "Countries reporting offences of trafficking in persons", 1), perName,
        "a line and a band of two series per measure, and the countries behind it for the tooltip");
    // the tooltip's countries are the endpoint's reporting countries: Europe's convictions in 2015 rest on FRA and BEL
    JsonNode years = option.get("xAxis").get("data");
    for (JsonNode s : option.get("series")) {
      if (s.get("name").asText().equals("Countries reporting persons convicted")) {
        for (int i = 0; i < years.size(); i++) {
          if (years.get(i).asText().equals("2015")) {
            assertEquals(2, s.get("data").get(i).asInt());
          }
        }
      }
    }
    HttpResponse<String> svg = drawn(fixture, "/api/v1/charts/justice-trend?geo=150&format=svg");
    assertEquals(200, svg.statusCode(), svg.body());
    String text = svgText(svg.body());
    assertTrue(text.contains("Criminal-justice response to trafficking in persons, Europe"), text);
    assertTrue(text.contains("persons convicted are counted in the year of conviction, not of the offence"), text);
  }

  /**
   * At the dashboard's width the four measures' legend wraps onto a second line (ECharts decides);
   * the plot, and the y-axis name above it, start below the legend's last line instead of under it.
   */
  @Test
  void aLegendThatWrapsLeavesTheAxisNameBelowIt() {
    String svg = drawn(fixture, "/api/v1/charts/justice-trend?geo=150&format=svg&width=640&height=460").body();
    List<Double> legend = new ArrayList<>();
    for (String name : List.of("Persons brought into formal contact", "Persons prosecuted", "Persons convicted",
        "Offences of trafficking in persons")) {
      legend.add(textY(svg, name));
    }
    double lastLegendLine = legend.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertTrue(lastLegendLine > legend.get(0) + 10, "the legend wraps at 640 px: " + legend);
    double axisName = textY(svg, "Persons (offences for the offences line)");
    assertTrue(axisName > lastLegendLine + 12, "the axis name (y " + axisName + ") is below the legend's last line (y "
        + lastLegendLine + ")");
  }

  /** The y of the text element that reads {@code text} exactly, as ECharts' SVG places it. */
  static double textY(String svg, String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<text([^>]*)>" + java.util.regex.Pattern.quote(
        text.replace("&", "&amp;")) + "</text>").matcher(svg);
    assertTrue(m.find(), "no text '" + text + "' in the SVG");
    String attributes = m.group(1);
    java.util.regex.Matcher translate = java.util.regex.Pattern.compile(
        "transform=\"(?:translate\\(([-\\d.]+)[ ,]+([-\\d.]+)\\)|matrix\\((?:[-\\d.]+[ ,]+){5}([-\\d.]+)\\))")
        .matcher(attributes);
    double y = 0;
    if (translate.find()) {
      y += Double.parseDouble(translate.group(2) != null ? translate.group(2) : translate.group(3));
    }
    java.util.regex.Matcher own = java.util.regex.Pattern.compile("\\sy=\"([-\\d.]+)\"").matcher(attributes);
    if (own.find()) {
      y += Double.parseDouble(own.group(1));
    }
    return y;
  }

  @Test
  void justiceFunnelChartCsvIsTheFunnelAnswerAndItsSvgLabelsTheRatios() {
    String q = "geo=150&year=2015";
    assertEquals(csvRows(fixture.get("/api/v1/justice/funnel?" + q + "&format=csv").body()),
        csvRows(drawn(fixture, "/api/v1/charts/justice-funnel?" + q + "&format=csv").body()));
    JsonNode a = fixture.json("/api/v1/justice/funnel?" + q);
    HttpResponse<String> svg = drawn(fixture, "/api/v1/charts/justice-funnel?" + q + "&format=svg");
    assertEquals(200, svg.statusCode(), svg.body());
    assertTrue(svg.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
    String text = svgText(svg.body());
    assertTrue(text.contains("From formal contact to conviction, Europe, 2015"), text);
    assertTrue(text.contains("a conviction ratio compares different people in different years"), text);
    // the ratios of the answer, per 100, with the countries reporting both: 12 / 42 over FRA and BEL
    JsonNode cp = ratio(a, "convicted", "prosecuted");
    String perHundred = String.format(java.util.Locale.ROOT, "%.1f", 100 * cp.get("ratio").get("value").asDouble());
    assertEquals("28.6", perHundred);
    assertTrue(text.contains(perHundred + " ("), text);
    assertTrue(text.contains("per 100 prosecuted (2 countries)"), text);
    assertTrue(text.contains("per 100 in formal contact (3 countries)"), text);
    // the bars are the steps' persons, the boxes their bounds
    JsonNode option = TestApi.parse(drawn(fixture, "/api/v1/charts/justice-funnel?" + q).body());
    JsonNode bars = option.get("series").get(0).get("data");
    JsonNode boxes = option.get("series").get(1).get("data");
    for (int i = 0; i < 3; i++) {
      JsonNode persons = a.get("steps").get(i).get("persons");
      assertEquals(persons.get("value").asDouble(), bars.get(i).asDouble(), 1e-9);
      assertEquals(persons.get("low").asDouble(), boxes.get(i).get(0).asDouble(), 1e-9);
      assertEquals(persons.get("high").asDouble(), boxes.get(i).get(4).asDouble(), 1e-9);
    }
  }

  @Test
  void theFunnelChartOfACountryWithoutAStepSaysSo() {
    HttpResponse<String> r = drawn(fixture, "/api/v1/charts/justice-funnel?geo=BRA&year=2015&format=svg");
    assertEquals(200, r.statusCode(), r.body());
    String text = svgText(r.body());
    assertTrue(text.contains("no country reported"), "BRA has no formal contact: " + text);
    assertTrue(text.contains("no ratio (no country reported both)"), text);
  }

  @Test
  void withoutTheJusticeMartTheJusticeChartsAre409AndListedUnavailable() {
    for (String id : List.of("justice-trend", "justice-funnel", "justice-ratio-by-region")) {
      HttpResponse<String> r = drawn(noJustice, "/api/v1/charts/" + id + "?format=svg");
      assertEquals(409, r.statusCode(), id + ": " + r.body());
      assertTrue(TestApi.parse(r.body()).get("detail").asText().contains("justice_by_year"), r.body());
    }
    Map<String, JsonNode> listed = new HashMap<>();
    noJustice.json("/api/v1/charts").get("charts").forEach(c -> listed.put(c.get("id").asText(), c));
    assertFalse(listed.get("justice-trend").get("available").asBoolean());
    assertFalse(listed.get("justice-funnel").get("available").asBoolean());
    assertFalse(listed.get("justice-ratio-by-region").get("available").asBoolean());
    assertTrue(listed.get("victims-trend").get("available").asBoolean());
  }

  /** GET with a long timeout: the first chart of a JVM loads ECharts into GraalJS. */
  static HttpResponse<String> drawn(TestApi api, String target) {
    return api.send(HttpRequest.newBuilder(api.uri(target)).timeout(java.time.Duration.ofSeconds(120)).GET().build());
  }

  /** A CSV answer as rows of cells, header first. */
  static List<List<String>> csvRows(String body) {
    try {
      List<List<String>> out = new ArrayList<>();
      org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(body))
          .forEach(r -> out.add(r.toList()));
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The text of an SVG's text elements, one space between them (a wrapped footnote reads as one line). */
  static String svgText(String svg) {
    try {
      javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      org.w3c.dom.Document doc = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(svg)));
      return ChartsContractTest.allText(doc).replaceAll("\\s+", " ");
    } catch (Exception e) {
      throw new AssertionError("not an SVG document: " + e.getMessage(), e);
    }
  }


  static JsonNode ratio(JsonNode funnel, String numerator, String denominator) {
    for (JsonNode r : funnel.get("ratios")) {
      if (r.get("numerator").asText().equals(numerator) && r.get("denominator").asText().equals(denominator)) {
        return r;
      }
    }
    throw new AssertionError("no ratio " + numerator + "/" + denominator + " in " + funnel.get("ratios"));
  }

  static void assertPoint(JsonNode p, int year, double value, double low, double high, int reporting, int suppressed) {
    assertEquals(year, p.get("year").asInt(), p.toString());
    assertCount(p, value, low, high, reporting, suppressed);
  }

  static void assertCount(JsonNode c, double value, double low, double high, int reporting, int suppressed) {
    assertBounded(c, value, low, high);
    assertEquals(reporting, c.get("reportingCountries").asInt(), c.toString());
    assertEquals(suppressed, c.get("suppressedOnlyCountries").asInt(), c.toString());
  }

  static void assertBounded(JsonNode b, double value, double low, double high) {
    assertEquals(value, b.get("value").asDouble(), 1e-9, b.toString());
    assertEquals(low, b.get("low").asDouble(), 1e-9, b.toString());
    assertEquals(high, b.get("high").asDouble(), 1e-9, b.toString());
  }
}
