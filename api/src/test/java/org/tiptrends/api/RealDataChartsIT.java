package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tiptrends.jobs.NightlyRun;
import org.tiptrends.jobs.Prerequisites;

/**
 * Every chart of the catalogue in every format on marts built from the real exports in
 * {@code ../shared/realdata} (skipped where that folder is absent, failed where it is required: see
 * {@link Prerequisites}), and the scatter showing the
 * Global Report's finding: richer destination countries detect larger shares of victims from other
 * regions.
 */
class RealDataChartsIT {
  static Path marts;
  static TestApi api;

  @BeforeAll
  static void build() throws IOException {
    Path real = Prerequisites.realData();
    marts = Files.createTempDirectory("tiptrends-real-marts");
    new NightlyRun(TestMarts.spark(), m -> {}).run(real, marts);
    api = new TestApi(marts, null, false);
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
    if (marts != null) {
      TestMarts.delete(marts);
    }
  }

  static HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.uri(pathAndQuery))
        .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void everyChartAnswersInEveryFormat() throws Exception {
    for (String id : ChartsContractTest.CHARTS) {
      for (String format : new String[] {"echarts", "csv", "svg", "png"}) {
        HttpResponse<byte[]> r = get("/api/v1/charts/" + id + "?format=" + format);
        assertEquals(200, r.statusCode(), id + " " + format + ": " + new String(r.body()));
        assertTrue(r.body().length > 200, id + " " + format + " is empty");
      }
    }
  }

  @Test
  void catalogueOffersEveryChartOnTheRealExports() {
    JsonNode catalogue = api.json("/api/v1/charts");
    assertEquals(ChartsContractTest.CHARTS.size(), catalogue.get("charts").size());
    for (JsonNode c : catalogue.get("charts")) {
      assertTrue(c.get("available").asBoolean(), c.toString());
    }
  }

  /**
   * The real UCDP/PRIO release gives the conflict comparison data: each year's groups hold every panel
   * country with the measure, split by the conflict mart read here with Spark, not through the API.
   */
  @Test
  void conflictComparisonSplitsThePanelByTheConflictMart() {
    var spark = TestMarts.spark();
    Path version = marts.resolve(api.json("/api/v1/meta").get("version").asText());
    var panel = spark.read().parquet(version.resolve("country_year_panel").toString());
    var conflict = spark.read().parquet(version.resolve("conflict").toString());
    JsonNode answer = api.json("/api/v1/conflict?measure=child_share&from=2018&to=2018");
    JsonNode y2018 = answer.get("years").get(0);
    assertEquals(2018, y2018.get("year").asInt());
    var joined = panel.filter("year = 2018 AND child_share IS NOT NULL AND NOT (child_share_low = 0 AND child_share_high = 1)")
        .join(conflict.filter("year = 2018"), "iso3");
    long inConflict = joined.filter("max_intensity > 0").count();
    long notInConflict = joined.filter("max_intensity = 0").count();
    assertTrue(inConflict >= 5, inConflict + " countries in conflict with a child share in 2018");
    assertEquals(inConflict, y2018.get("inConflict").get("n").asLong());
    assertEquals(notInConflict, y2018.get("notInConflict").get("n").asLong());
  }

  /**
   * On the real export: the trend starts in the first year with a world total (2007; forms start
   * earlier), cites UNODC's export and never calls it generated, and its coverage bars split the
   * reporting countries as the mart's country rows do, read here with Spark.
   */
  @Test
  void trendChartsStartAtTheFirstReportCiteTheExportAndSplitCoverage() throws Exception {
    var spark = TestMarts.spark();
    Path version = marts.resolve(api.json("/api/v1/meta").get("version").asText());
    var victims = spark.read().parquet(version.resolve("victims_by_year").toString());
    var totals = victims.filter("geo_code = 'WLD' AND sex = 'total' AND age = 'total' AND form = 'total'");
    int firstTotal = totals.agg(org.apache.spark.sql.functions.min("year")).first().getInt(0);
    JsonNode trend = TestApi.parse(new String(get("/api/v1/charts/victims-trend").body()));
    assertEquals(String.valueOf(firstTotal), trend.get("xAxis").get("data").get(0).asText(), "no year before the first total");
    assertTrue(firstTotal > api.json("/api/v1/meta").get("years").get("from").asInt(), "the marts start earlier");
    String footnote = trend.get("title").get(1).get("text").asText();
    assertTrue(footnote.startsWith("Source: UNODC, Global Report on Trafficking in Persons (GLOTIP) data (export of "
        + "2023-05-30)."), footnote);
    assertTrue(!footnote.contains("generated"), footnote);
    assertTrue(!api.json("/api/v1/meta").get("generated").asBoolean(), "real exports are not generated sample data");
    java.util.Map<Integer, int[]> expected = new java.util.HashMap<>();
    for (var r : totals.collectAsList()) {
      expected.put(r.<Integer>getAs("year"), new int[] {r.<Integer>getAs("reporting_countries"),
          r.<Integer>getAs("suppressed_only_countries")});
    }
    assertBars(trend, expected, "victims-trend");

    // forms: the countries behind the three lines, from the country rows
    java.util.Map<Integer, java.util.Map<String, Boolean>> forms = new java.util.HashMap<>();
    for (var r : victims.filter("geo_level = 'country' AND sex = 'total' AND age = 'total' AND form <> 'total'")
        .collectAsList()) {
      forms.computeIfAbsent(r.<Integer>getAs("year"), y -> new java.util.HashMap<>()).merge(r.getAs("geo_code"),
          r.<Integer>getAs("suppressed_only_countries") == 1, Boolean::logicalAnd);
    }
    java.util.Map<Integer, int[]> formCoverage = new java.util.HashMap<>();
    forms.forEach((year, countries) -> formCoverage.put(year, new int[] {countries.size(),
        (int) countries.values().stream().filter(b -> b).count()}));
    JsonNode formsTrend = TestApi.parse(new String(get("/api/v1/charts/forms-trend").body()));
    assertBars(formsTrend, formCoverage, "forms-trend");
    assertTrue(formCoverage.get(2018)[1] > 50, "in 2018 many countries gave only <5 for every form");

    // the PNGs a report author would download, kept to be looked at
    Path out = Files.createDirectories(Path.of(System.getProperty("tiptrends.artifacts", "target/e2e")));
    for (String q : List.of("victims-trend", "forms-trend", "victims-trend?geo=FRA", "victims-trend?balanced=true&from=2010&to=2020",
        "demographic-shares?balanced=true&from=2010&to=2020", "sectors", "conflict-comparison", "gdp-transregional-scatter")) {
      HttpResponse<byte[]> png = get("/api/v1/charts/" + q + (q.contains("?") ? "&" : "?") + "format=png&scale=1");
      assertEquals(200, png.statusCode(), q);
      Files.write(out.resolve("real-" + q.replaceAll("[^A-Za-z0-9-]+", "_") + ".png"), png.body());
    }
  }

  /** The stacked bars of a trend chart: exact counts and only-{@code <5} countries, year by year. */
  private static void assertBars(JsonNode option, java.util.Map<Integer, int[]> expected, String what) {
    JsonNode exact = null;
    JsonNode suppressed = null;
    for (JsonNode s : option.get("series")) {
      if (s.get("name").asText().equals("Countries giving an exact count")) {
        exact = s.get("data");
      } else if (s.get("name").asText().startsWith("Countries giving only <5")) {
        suppressed = s.get("data");
      }
    }
    JsonNode years = option.get("xAxis").get("data");
    for (int i = 0; i < years.size(); i++) {
      int[] e = expected.get(years.get(i).asInt());
      if (e == null) {
        assertTrue(exact.get(i).isNull(), what + " " + years.get(i));
        continue;
      }
      assertEquals(e[0] - e[1], exact.get(i).asInt(), what + " exact " + years.get(i));
      assertEquals(e[1], suppressed.get(i).asInt(), what + " only <5 " + years.get(i));
    }
  }

  @Test
  void conflictViewsSayWhatInConflictMeans() throws Exception {
    JsonNode answer = api.json("/api/v1/conflict?measure=child_share");
    assertTrue(answer.get("caveats").toString().contains("gwno_loc"), answer.get("caveats").toString());
    JsonNode option = TestApi.parse(new String(get("/api/v1/charts/conflict-comparison").body()));
    String footnote = option.get("title").get(1).get("text").asText();
    assertTrue(footnote.contains("gwno_loc") && footnote.contains("al-Qaida"), footnote);
  }

  @Test
  void scatterShowsThePositiveRelationWithItsStatistics() throws Exception {
    JsonNode corr = api.json("/api/v1/correlations/gdp-transregional");
    assertTrue(corr.get("n").asInt() >= 100, "countries: " + corr.get("n"));
    assertTrue(corr.get("r").asDouble() > 0.5, "Spearman r " + corr.get("r"));
    assertTrue(corr.get("pValue").asDouble() < 1e-6, "p " + corr.get("pValue"));
    String svg = new String(get("/api/v1/charts/gdp-transregional-scatter?format=svg").body());
    String statistic = String.format(Locale.ROOT, "Spearman r = %.2f (95%% CI %.2f to %.2f)", corr.get("r").asDouble(),
        corr.get("ci95").get(0).asDouble(), corr.get("ci95").get(1).asDouble());
    assertTrue(svg.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").contains(statistic.split(" \\(")[0]), statistic);
    JsonNode option = TestApi.parse(new String(get("/api/v1/charts/gdp-transregional-scatter").body()));
    assertTrue(option.get("title").get(0).get("subtext").asText().startsWith(statistic),
        option.get("title").get(0).get("subtext").asText());
    assertTrue(option.get("aria").get("label").get("description").asText()
        .contains("higher GDP per capita detect larger shares of victims from other regions"));
    // the least-squares line rises from the poorest to the richest country
    JsonNode ols = option.get("series").get(1).get("data");
    assertTrue(ols.get(1).get(1).asDouble() > ols.get(0).get(1).asDouble(), ols.toString());
  }

  /**
   * Issue 15: the scatter cites the World Bank once, for the GDP file it plots, with that file's export
   * date where the run report (meta's sources) has one and the file's name where it states none,
   * never another World Bank file's date (the population package's) as if it were the GDP file's.
   */
  @Test
  void scatterCitesTheGdpFileOnceWithItsOwnExportDate() throws Exception {
    JsonNode gdp = null;
    List<String> otherDates = new java.util.ArrayList<>();
    for (JsonNode s : api.json("/api/v1/meta").get("sources")) {
      if (!s.path("source").asText().equals("worldbank")) {
        continue;
      }
      if (s.path("file").asText().contains("NY.GDP.PCAP.CD")) {
        gdp = s;
      } else if (s.hasNonNull("exportDate")) {
        otherDates.add(s.get("exportDate").asText());
      }
    }
    assertTrue(gdp != null, "the run read a GDP per capita file");
    JsonNode option = TestApi.parse(new String(get("/api/v1/charts/gdp-transregional-scatter").body(),
        java.nio.charset.StandardCharsets.UTF_8));
    String footnote = option.get("title").get(1).get("text").asText();
    for (String name : List.of("World Bank", "World Development Indicators")) {
      assertEquals(1, footnote.split(java.util.regex.Pattern.quote(name), -1).length - 1, name + " once: " + footnote);
    }
    if (gdp.hasNonNull("exportDate")) {
      assertTrue(footnote.contains(gdp.get("exportDate").asText()), footnote);
    } else {
      assertTrue(footnote.contains(gdp.get("file").asText()) && footnote.contains("no export date"), footnote);
      for (String d : otherDates) {
        assertTrue(!footnote.contains(d), d + " is another file's date: " + footnote);
      }
    }
  }

  /**
   * Issue 14: the map of 2018 rates per 100,000 on the real exports colours exactly the countries that
   * have, in the workbook, a 2018 total of detected victims and, in the population CSV, a 2018
   * population (found here from those files, not from the job), and draws every other shape as No
   * data, in the option, the SVG and the PNG.
   */
  @Test
  void theMapOf2018RatesDrawsEveryCountryWithDataAndTheRestAsNoData() throws Exception {
    java.util.Set<String> population = new java.util.HashSet<>();
    try (var in = Files.newBufferedReader(Prerequisites.realDataFile("worldbank/population/data/population.csv"));
        var p = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().get().parse(in)) {
      for (var r : p) {
        if (r.get("Year").equals("2018") && !r.get("Value").isBlank()) {
          population.add(r.get("Country Code"));
        }
      }
    }
    java.util.Set<String> withData = new java.util.TreeSet<>();
    org.tiptrends.jobs.IndependentGlotip.victimCells(org.tiptrends.jobs.IndependentGlotip.rows(
        Prerequisites.realDataFile("unodc/data_glotip.xlsx"))).keySet().forEach(k -> {
          if (k.level().equals("country") && k.year() == 2018 && k.sex().equals("total") && k.age().equals("total")
              && k.form().equals("total") && population.contains(k.geo())) {
            withData.add(k.geo());
          }
        });
    assertTrue(withData.size() >= 100, withData.size() + " countries with a 2018 rate");
    JsonNode option = TestApi.parse(new String(get("/api/v1/charts/map?year=2018").body(),
        java.nio.charset.StandardCharsets.UTF_8));
    java.util.Set<String> shapes = MapChartTest.shapes();
    java.util.Map<String, Integer> perColour = new java.util.TreeMap<>();
    int coloured = 0;
    for (JsonNode r : option.get("geo").get("regions")) {
      String iso3 = r.get("name").asText();
      String colour = r.get("itemStyle").get("areaColor").asText();
      if (withData.contains(iso3)) {
        assertTrue(MapChartTest.BLUES.contains(colour), iso3 + " has a 2018 rate but is drawn " + colour);
        coloured++;
      } else {
        assertEquals(MapChartTest.GREY, colour, iso3 + ": No data");
      }
      perColour.merge(colour, 1, Integer::sum);
    }
    java.util.Set<String> onMap = new java.util.TreeSet<>(withData);
    onMap.retainAll(shapes);
    assertEquals(onMap.size(), coloured);
    // the countries with a rate the shapes lack are listed in the CSV, not lost
    String csv = new String(get("/api/v1/charts/map?year=2018&format=csv").body(), java.nio.charset.StandardCharsets.UTF_8);
    for (String iso3 : withData) {
      assertTrue(csv.contains("\n" + iso3 + ","), iso3 + " is in the CSV");
      if (!shapes.contains(iso3)) {
        assertTrue(csv.contains("\n" + iso3 + ",") && csv.lines().anyMatch(l -> l.startsWith(iso3 + ",") && l.contains(",false,")),
            iso3 + " is listed as not on the map");
      }
    }
    javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    org.w3c.dom.Document svg = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(
        get("/api/v1/charts/map?year=2018&format=svg").body()));
    for (java.util.Map.Entry<String, Integer> e : perColour.entrySet()) {
      int drawn = ChartsContractTest.count(svg, "path", "fill", e.getKey());
      assertTrue(drawn >= e.getValue() && drawn <= e.getValue() + 2, e.getKey() + ": " + drawn + " paths for "
          + e.getValue() + " shapes");
    }
    java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
        get("/api/v1/charts/map?year=2018&format=png&scale=1").body()));
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int x = 0; x < png.getWidth(); x++) {
      for (int y = 0; y < png.getHeight(); y++) {
        colours.add(png.getRGB(x, y) & 0xffffff);
      }
    }
    assertTrue(colours.contains(0xd9d9d9), "No data grey is drawn in the PNG");
    for (String blue : perColour.keySet()) {
      if (!blue.equals(MapChartTest.GREY)) {
        assertTrue(colours.contains(Integer.parseInt(blue.substring(1), 16)), blue + " is drawn in the PNG");
      }
    }
  }
}
