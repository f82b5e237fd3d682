package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The chart catalogue against the marts: every chart answers in every format, the option draws the
 * marts' numbers (computed here from the rows Spark reads, not taken from the API), the CSV is the
 * plotted data, and the SVG is a document with the title, axis names, legend, one marker per point
 * and the source footnote (SVG regression tests on the fixed sample snapshot).
 */
class ChartsContractTest {
  static final TestApi API = TestApi.shared();
  static final List<String> CHARTS = List.of("victims-trend", "demographic-shares", "forms-trend", "justice-trend",
      "justice-funnel", "justice-ratio-by-region", "convicted-citizenship", "repatriation-sankey", "flows-sankey",
      "gdp-transregional-scatter", "sectors", "conflict-comparison", "map");
  /** The path ECharts draws a circle marker with (scaled by a transform). */
  static final String CIRCLE = "M1 0A1 1 0 1 1 1 -0.1A1 1 0 0 1 1 0";

  record Answer(int status, String contentType, String disposition, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** GET with a long timeout: the first SVG of a JVM loads ECharts into GraalJS. */
  static Answer get(String pathAndQuery) {
    HttpRequest request = HttpRequest.newBuilder(API.uri(pathAndQuery)).timeout(Duration.ofSeconds(120)).GET().build();
    try {
      HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(request,
          HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
          r.headers().firstValue("Content-Disposition").orElse(""), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Answer ok(String pathAndQuery) {
    Answer a = get(pathAndQuery);
    assertEquals(200, a.status(), () -> pathAndQuery + ": " + a.text());
    return a;
  }

  static Document svg(String pathAndQuery) {
    Answer a = ok(pathAndQuery);
    assertTrue(a.contentType().startsWith("image/svg+xml"), a.contentType());
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(new InputSource(new StringReader(a.text())));
    } catch (Exception e) {
      throw new AssertionError(pathAndQuery + " is not a well-formed SVG document: " + e.getMessage(), e);
    }
  }

  static List<String> texts(Document svg) {
    List<String> out = new ArrayList<>();
    NodeList nodes = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  static String allText(Document svg) {
    return String.join(" ", texts(svg));
  }

  static int count(Document svg, String element, String attribute, String value) {
    NodeList nodes = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", element);
    int n = 0;
    for (int i = 0; i < nodes.getLength(); i++) {
      if (value.equals(((Element) nodes.item(i)).getAttribute(attribute))) {
        n++;
      }
    }
    return n;
  }

  static List<CSVRecord> csv(String pathAndQuery) {
    Answer a = ok(pathAndQuery);
    assertTrue(a.contentType().startsWith("text/csv"), a.contentType());
    try {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new StringReader(a.text())).getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void catalogueListsEveryChartWithItsParametersAndFormats() {
    JsonNode c = API.json("/api/v1/charts");
    List<String> ids = new ArrayList<>();
    c.get("charts").forEach(e -> {
      ids.add(e.get("id").asText());
      assertEquals(List.of("echarts", "csv", "svg", "png"), TestApi.JSON.convertValue(e.get("formats"), List.class));
      assertTrue(e.get("description").asText().length() > 20, e.toString());
      assertTrue(e.get("available").asBoolean(), "the sample has every source: " + e);
    });
    assertEquals(CHARTS, ids);
  }

  @ParameterizedTest
  @ValueSource(strings = {"victims-trend", "demographic-shares", "forms-trend", "justice-trend", "justice-funnel",
      "justice-ratio-by-region", "convicted-citizenship", "repatriation-sankey", "flows-sankey",
      "gdp-transregional-scatter", "sectors", "conflict-comparison", "map"})
  void everyChartAnswersInAllFourFormatsWithTitleSourceAndVersion(String id) throws IOException {
    JsonNode option = TestApi.parse(ok("/api/v1/charts/" + id).text());
    String title = option.get("title").get(0).get("text").asText();
    String footnote = option.get("title").get(1).get("text").asText();
    assertTrue(title.length() > 10, title);
    assertTrue(footnote.contains("Source: ") && footnote.contains(TestMarts.version()), footnote);
    assertTrue(option.get("aria").get("label").get("description").asText().startsWith(title), option.get("aria").toString());

    Document svg = svg("/api/v1/charts/" + id + "?format=svg");
    Element root = svg.getDocumentElement();
    assertEquals("svg", root.getLocalName());
    assertEquals("960", root.getAttribute("width"));
    assertEquals("560", root.getAttribute("height"));
    assertEquals(title, svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent());
    assertEquals(title, root.getAttribute("aria-label"));
    String text = allText(svg);
    assertTrue(text.contains(title.substring(0, 20)), text);
    // the footnote wraps over lines; its pieces are in the document
    assertTrue(text.contains("Source: "), text);
    assertTrue(text.contains(TestMarts.version().substring(0, 10)), text);

    Answer png = ok("/api/v1/charts/" + id + "?format=png&width=640&height=400&scale=2");
    assertEquals("image/png", png.contentType());
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png.body(), 4));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
    assertEquals(1280, image.getWidth());
    assertEquals(800, image.getHeight());
    assertTrue(png.disposition().contains(".png"), png.disposition());

    List<CSVRecord> rows = csv("/api/v1/charts/" + id + "?format=csv");
    assertTrue(!rows.isEmpty(), id + " plotted no data");

    // drawn from the generated sample, a chart says so where it names its source, in every format
    String generated = "generated sample data, not official statistics";
    assertTrue(footnote.contains(generated) && !footnote.contains("export of"), footnote);
    assertTrue(text.replaceAll("\\s+", " ").contains("generated sample data"), "the SVG prints it");
    assertTrue(rows.stream().allMatch(r -> r.get("source").contains(generated)), id + ": every CSV row cites it");
    if (!id.equals("sectors")) {
      assertTrue(footnote.contains("A suppressed cell (<5) counts as 0 to 4 victims, point 2: the export holds no "
          + "value 0-4 at all, so <5 includes zero."), footnote);
    }
  }

  @Test
  void victimsTrendDrawsTheMartsCellsWithBoundsAndReportingCountries() {
    String q = "/api/v1/charts/victims-trend?by=sex&geo=WLD";
    JsonNode option = TestApi.parse(ok(q).text());
    Map<Integer, Row> female = MartRows.cells("WLD", "female", "total", "total");
    Map<Integer, Row> total = MartRows.cells("WLD", "total", "total", "total");
    List<String> years = new ArrayList<>();
    option.get("xAxis").get("data").forEach(y -> years.add(y.asText()));
    assertEquals(String.valueOf(new TreeMap<>(total).firstKey()), years.get(0));
    assertEquals(String.valueOf(new TreeMap<>(total).lastKey()), years.get(years.size() - 1));

    Map<String, List<JsonNode>> byName = new HashMap<>();
    option.get("series").forEach(s -> byName.computeIfAbsent(s.get("name").asText(), k -> new ArrayList<>()).add(s));
    // bars, stacked: the countries behind the lines with an exact count, and those with only <5 cells
    JsonNode exact = byName.get("Countries giving an exact count").get(0);
    JsonNode onlySuppressed = byName.get("Countries giving only <5 cells (0–4 each)").get(0);
    assertEquals("coverage", exact.get("stack").asText());
    assertEquals("coverage", onlySuppressed.get("stack").asText());
    Map<Integer, JsonNode> coverage = new HashMap<>();
    API.json("/api/v1/trends/victims?by=sex&geo=WLD").get("coverage").forEach(c -> coverage.put(c.get("year").asInt(), c));
    List<JsonNode> femaleSeries = byName.get("Female");
    assertEquals(3, femaleSeries.size(), "a line and a band of two stacked series");
    JsonNode line = femaleSeries.get(0);
    JsonNode low = femaleSeries.get(1);
    JsonNode range = femaleSeries.get(2);
    for (int i = 0; i < years.size(); i++) {
      int year = Integer.parseInt(years.get(i));
      JsonNode c = coverage.get(year);
      assertEquals(c.get("reportingCountries").asInt() - c.get("suppressedOnlyCountries").asInt(),
          exact.get("data").get(i).asInt(), "bars " + year);
      assertEquals(c.get("suppressedOnlyCountries").asInt(), onlySuppressed.get("data").get(i).asInt(), "bars " + year);
      Row f = female.get(year);
      if (f == null) {
        assertTrue(line.get("data").get(i).isNull(), "no point where no country reported, " + year);
        continue;
      }
      assertEquals(MartRows.d(f, "victims"), line.get("data").get(i).asDouble(), 0.01, "point " + year);
      assertEquals(MartRows.d(f, "victims_low"), low.get("data").get(i).asDouble(), 0.01, "low " + year);
      assertEquals(MartRows.d(f, "victims_high") - MartRows.d(f, "victims_low"), range.get("data").get(i).asDouble(),
          0.01, "band height " + year);
    }

    Document svg = svg(q + "&format=svg");
    List<String> texts = texts(svg);
    for (String expected : List.of("Year", "Detected victims", "Reporting countries", "Female", "Male",
        "Countries giving an exact count")) {
      assertTrue(texts.contains(expected), expected + " not drawn in " + texts);
    }
    for (String y : years) {
      assertTrue(texts.contains(y), "year label " + y);
    }
    long points = 0;
    for (String key : List.of("Female", "Male", "Other", "Unknown")) {
      if (byName.containsKey(key)) {
        points += java.util.stream.StreamSupport.stream(byName.get(key).get(0).get("data").spliterator(), false)
            .filter(v -> !v.isNull()).count();
      }
    }
    assertEquals(points, count(svg, "path", "d", CIRCLE), "one marker per point of every line");
    assertTrue(allText(svg).contains("(<5)"), "the suppressed-cell note survives XML escaping");

    List<CSVRecord> rows = csv(q + "&format=csv");
    long femaleRows = rows.stream().filter(r -> r.get("series").equals("female")).count();
    assertEquals(female.keySet().stream().filter(y -> years.contains(String.valueOf(y))).count(), femaleRows);
    for (CSVRecord r : rows) {
      if (r.get("series").equals("female")) {
        Row f = female.get(Integer.parseInt(r.get("year")));
        assertEquals(MartRows.d(f, "victims_low"), Double.parseDouble(r.get("low")), 1e-9);
        assertEquals(MartRows.d(f, "victims_high"), Double.parseDouble(r.get("high")), 1e-9);
      }
    }
  }

  @Test
  void demographicSharesAreEachGroupOverTheFourKnownGroups() {
    List<CSVRecord> rows = csv("/api/v1/charts/demographic-shares?format=csv");
    Map<Integer, Row> women = MartRows.cells("WLD", "female", "adult", "total");
    Map<Integer, Row> men = MartRows.cells("WLD", "male", "adult", "total");
    Map<Integer, Row> girls = MartRows.cells("WLD", "female", "child", "total");
    Map<Integer, Row> boys = MartRows.cells("WLD", "male", "child", "total");
    int checked = 0;
    for (CSVRecord r : rows) {
      if (!r.get("series").equals("women")) {
        continue;
      }
      int year = Integer.parseInt(r.get("year"));
      double w = point(women.get(year));
      double sum = w + point(men.get(year)) + point(girls.get(year)) + point(boys.get(year));
      assertEquals(w / sum, Double.parseDouble(r.get("share")), 1e-9, "women's share " + year);
      assertTrue(Double.parseDouble(r.get("share_low")) <= Double.parseDouble(r.get("share")));
      assertTrue(Double.parseDouble(r.get("share")) <= Double.parseDouble(r.get("share_high")));
      checked++;
    }
    assertTrue(checked >= 5, "years checked: " + checked);
  }

  private static double point(Row r) {
    return r == null ? 0 : MartRows.d(r, "victims");
  }

  @Test
  void sankeyDefaultsToTheLargestDestinationAndCarriesEveryVictimOfItsYear() {
    int latest = MartRows.flows().stream().mapToInt(r -> MartRows.i(r, "year")).max().orElseThrow();
    Map<String, Double> byDestination = new TreeMap<>();
    for (Row r : MartRows.flows()) {
      if (MartRows.i(r, "year") == latest) {
        byDestination.merge(MartRows.s(r, "destination_iso3"), MartRows.d(r, "victims"), Double::sum);
      }
    }
    String largest = byDestination.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    List<CSVRecord> rows = csv("/api/v1/charts/flows-sankey?format=csv");
    assertTrue(rows.stream().allMatch(r -> r.get("destination").equals(largest) && r.get("year").equals("" + latest)),
        "default destination " + largest + " in " + latest);
    long martRows = MartRows.flows().stream()
        .filter(r -> MartRows.i(r, "year") == latest && MartRows.s(r, "destination_iso3").equals(largest)
            && MartRows.d(r, "victims") > 0).count();
    assertEquals(martRows, rows.size());

    JsonNode option = TestApi.parse(ok("/api/v1/charts/flows-sankey").text());
    double intoDestination = 0;
    for (JsonNode link : option.get("series").get(0).get("links")) {
      if (link.get("target").asText().startsWith("Detected in ")) {
        intoDestination += link.get("value").asDouble();
      }
    }
    assertEquals(byDestination.get(largest), intoDestination, 0.5, "all victims reach the destination node");
  }

  /**
   * Issue 15: the Sankey's nodes carry their numbers (a printed chart has no tooltip): each origin
   * and destination node is labelled with the sum of the mart's flows it draws, with the bounds
   * wherever that sum rests on a <5 cell, never a suppressed sum as if exact.
   */
  @Test
  void sankeyNodesAreLabelledWithTheirVictimsAndBounds() {
    // a destination-year with a flow from a <5 cell, so that a node's bounds must be drawn
    Row suppressed = MartRows.flows().stream()
        .filter(r -> MartRows.d(r, "victims_low") != MartRows.d(r, "victims_high")).findFirst().orElseThrow();
    String destination = "/api/v1/charts/flows-sankey?top=40&destination=" + MartRows.s(suppressed, "destination_iso3")
        + "&year=" + MartRows.i(suppressed, "year");
    Map<String, double[]> byNode = new TreeMap<>();
    boolean anySuppressed = false;
    for (CSVRecord r : csv(destination + "&format=csv")) {
      double[] v = {Double.parseDouble(r.get("value")), Double.parseDouble(r.get("low")), Double.parseDouble(r.get("high"))};
      anySuppressed |= v[1] != v[2];
      for (String node : List.of(r.get("origin_node"), r.get("destination_node"))) {
        double[] sum = byNode.computeIfAbsent(node, k -> new double[3]);
        for (int i = 0; i < 3; i++) {
          sum[i] += v[i];
        }
      }
    }
    assertTrue(byNode.size() > 2, byNode.keySet().toString());
    Map<String, String> labels = new TreeMap<>();
    TestApi.parse(ok(destination).text()).at("/series/0/nodes")
        .forEach(n -> labels.put(n.get("name").asText(), n.at("/label/formatter").asText()));
    byNode.forEach((node, v) -> {
      String expected = org.tiptrends.api.charts.ChartFrame.bounded(v[0], v[1], v[2]);
      assertEquals(node + " " + expected, labels.get(node), node);
      if (v[1] != v[2]) {
        assertTrue(expected.contains("–"), node + ": a sum resting on <5 cells shows its bounds: " + expected);
      }
    });
    // the drawing prints them
    String svg = allText(svg(destination + "&format=svg"));
    labels.values().forEach(label -> assertTrue(svg.contains(label), label + " in the SVG"));
    assertTrue(anySuppressed, "the drawn flows include the <5 cell, whose bounds are drawn");
  }

  @Test
  void scatterShowsTheCorrelationEndpointsPointsAndStatistics() {
    JsonNode corr = API.json("/api/v1/correlations/gdp-transregional");
    JsonNode option = TestApi.parse(ok("/api/v1/charts/gdp-transregional-scatter").text());
    String subtitle = option.get("title").get(0).get("subtext").asText();
    assertTrue(subtitle.contains(String.format(java.util.Locale.ROOT, "r = %.2f", corr.get("r").asDouble())), subtitle);
    assertTrue(subtitle.contains("n = " + corr.get("n").asInt() + " countries"), subtitle);
    assertEquals("log", option.get("xAxis").get("type").asText());
    String description = option.get("aria").get("label").get("description").asText();
    boolean significant = corr.get("pValue").asDouble() < 0.05;
    assertEquals(significant, !description.contains("No relation distinguishable from chance"), description);
    List<String> named = java.util.stream.StreamSupport.stream(option.get("series").get(0).get("data").spliterator(), false)
        .filter(pt -> pt.has("label") && pt.get("label").get("show").asBoolean()).map(pt -> pt.get("name").asText())
        .toList();
    // issue 15: up to 25 names, of countries among the 60 with most victims, only where they fit
    List<String> most = java.util.stream.StreamSupport.stream(corr.get("points").spliterator(), false)
        .sorted(java.util.Comparator.comparingDouble((JsonNode p) -> -p.get("victims").asDouble())
            .thenComparing(p -> p.get("iso3").asText()))
        .limit(60).map(p -> p.get("name").asText()).toList();
    assertTrue(named.size() <= 25 && named.size() >= Math.min(15, corr.get("n").asInt()), named.toString());
    assertTrue(most.containsAll(named), "the countries named are among those with most victims: " + named);
    JsonNode points = option.get("series").get(0).get("data");
    assertEquals(corr.get("n").asInt(), points.size());
    // the least-squares line: y = intercept + slope·log10(x), at both ends, in percent
    JsonNode ols = option.get("series").get(1).get("data");
    double slope = corr.get("fit").get("slope").asDouble();
    double intercept = corr.get("fit").get("intercept").asDouble();
    for (JsonNode end : ols) {
      assertEquals((intercept + slope * Math.log10(end.get(0).asDouble())) * 100, end.get(1).asDouble(), 0.05);
    }
    Document svg = svg("/api/v1/charts/gdp-transregional-scatter?format=svg");
    assertEquals(corr.get("n").asInt(), count(svg, "path", "d", CIRCLE), "one marker per country");
    String text = allText(svg);
    assertTrue(text.contains("GDP per capita (current US$, log scale)"), text);
  }

  /**
   * The latest year, total sex, world; the total sector left out, and the 5-17 band too, beside the
   * 5-11, 12-14 and 15-17 bands it holds (it would count the same children twice): its figures are
   * in the subtitle, and {@code age=5-17} draws it alone.
   */
  @Test
  void sectorsChartIsTheLatestYearOfTheTotalSexForTheWorldWithoutTheTotalSectorOrTheBandOfAllAges() {
    List<Row> mart = TestMarts.mart("sectors").collectAsList();
    int latest = mart.stream().filter(r -> "WLD".equals(r.getAs("geo_code")) && "total".equalsIgnoreCase(r.getAs("sex")))
        .mapToInt(r -> r.<Integer>getAs("year")).max().orElseThrow();
    java.util.function.Predicate<Row> drawn = r -> "WLD".equals(r.getAs("geo_code"))
        && "total".equalsIgnoreCase(r.getAs("sex")) && r.<Integer>getAs("year") == latest && r.getAs("value") != null
        && !"total".equalsIgnoreCase(r.getAs("sector"));
    long expected = mart.stream().filter(drawn).filter(r -> !"5-17".equals(r.getAs("age_band"))).count();
    List<CSVRecord> rows = csv("/api/v1/charts/sectors?format=csv");
    assertEquals(expected, rows.size());
    assertTrue(rows.stream().allMatch(r -> r.get("year").equals("" + latest)));
    assertEquals(java.util.Set.of("5-11", "12-14", "15-17"),
        rows.stream().map(r -> r.get("age_band")).collect(java.util.stream.Collectors.toSet()));
    JsonNode option = TestApi.parse(ok("/api/v1/charts/sectors").text());
    List<String> legend = new ArrayList<>();
    option.get("legend").get("data").forEach(n -> legend.add(n.asText()));
    assertEquals(List.of("Age 5-11", "Age 12-14", "Age 15-17"), legend);
    double all = mart.stream().filter(r -> "WLD".equals(r.getAs("geo_code")) && "total".equalsIgnoreCase(r.getAs("sex"))
        && r.<Integer>getAs("year") == latest && "5-17".equals(r.getAs("age_band"))
        && "total".equalsIgnoreCase(r.getAs("sector"))).mapToDouble(r -> r.<Double>getAs("value")).findFirst().orElseThrow();
    String subtitle = option.get("title").get(0).get("subtext").asText();
    assertTrue(subtitle.contains("ages 5-17 in all: " + org.tiptrends.api.charts.ChartFrame.count(all)), subtitle);
    // the band alone, on request
    List<CSVRecord> band = csv("/api/v1/charts/sectors?age=5-17&format=csv");
    assertEquals(mart.stream().filter(drawn).filter(r -> "5-17".equals(r.getAs("age_band"))).count(), band.size());
  }

  @Test
  void refusesWhatItCannotDrawWithAProblemNamingTheParameter() {
    assertEquals(404, get("/api/v1/charts/pie-of-everything").status());
    Answer format = get("/api/v1/charts/victims-trend?format=gif");
    assertEquals(400, format.status());
    assertTrue(format.text().contains("\"parameter\":\"format\""), format.text());
    Answer width = get("/api/v1/charts/victims-trend?width=10");
    assertEquals(400, width.status());
    assertTrue(width.text().contains("\"parameter\":\"width\""), width.text());
    Answer foreign = get("/api/v1/charts/sectors?by=sex");
    assertEquals(400, foreign.status(), "a parameter of another chart");
    assertTrue(foreign.text().contains("\"parameter\":\"by\""), foreign.text());
  }

  @Test
  void chartsAreCachedByMartVersionLikeTheData() {
    HttpResponse<String> first = API.get("/api/v1/charts/forms-trend");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = API.get("/api/v1/charts/forms-trend", "If-None-Match", etag);
    assertEquals(304, again.statusCode());
  }

  @Test
  void dashboardPageServesOfflineAssets() {
    Answer page = ok("/");
    assertTrue(page.contentType().startsWith("text/html"), page.contentType());
    String html = page.text();
    assertTrue(html.contains("src=\"/assets/echarts.min.js\"") && html.contains("src=\"/assets/dashboard.js\""), html);
    assertTrue(!html.contains("http://") && !html.contains("https://"), "no external resources");
    assertEquals(html, ok("/?geo=FRA&by=sex&stale=1").text(), "a shared view opens the page");
    Answer echarts = ok("/assets/echarts.min.js");
    Matcher version = Pattern.compile("version\\s*=\\s*\"(5\\.[0-9.]+)\"|\"5\\.3\\.1\"").matcher(echarts.text());
    assertTrue(version.find(), "ECharts 5 bundle");
    assertTrue(ok("/assets/dashboard.js").text().contains("/api/v1/charts/"));
  }
}
