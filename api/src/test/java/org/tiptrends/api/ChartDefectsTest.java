package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.tiptrends.api.charts.TextMeasure;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 15's chart defects on the sample marts, each checked against what the chart itself plots
 * (its CSV), the API's answer or the mart rows; the PNGs are kept in {@code api/target/e2e/}.
 */
class ChartDefectsTest {
  static final String SVG = "http://www.w3.org/2000/svg";

  static void keepPng(String query) throws Exception {
    Path out = Files.createDirectories(Path.of(System.getProperty("tiptrends.artifacts", "target/e2e")));
    byte[] png = ChartsContractTest.ok("/api/v1/charts/" + query + (query.contains("?") ? "&" : "?")
        + "format=png&scale=1").body();
    Files.write(out.resolve("defects-" + query.replaceAll("[^A-Za-z0-9-]+", "_") + ".png"), png);
    Files.write(out.resolve("defects-" + query.replaceAll("[^A-Za-z0-9-]+", "_") + ".svg"),
        ChartsContractTest.ok("/api/v1/charts/" + query + (query.contains("?") ? "&" : "?") + "format=svg").body());
  }

  /** Words of a title said twice ("... economic activity, by economic sector"), small words aside. */
  static List<String> repeatedWords(String title) {
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (String w : title.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (!w.isEmpty() && !List.of("and", "of", "the", "in", "a").contains(w)) {
        seen.merge(w, 1, Integer::sum);
      }
    }
    return seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
  }

  // ---- the scatter ----

  /** Each source is named once in the footnote, and the World Bank's is there. */
  @Test
  void scatterFootnoteNamesEachSourceOnce() throws Exception {
    JsonNode option = TestApi.parse(ChartsContractTest.ok("/api/v1/charts/gdp-transregional-scatter").text());
    String footnote = option.get("title").get(1).get("text").asText();
    for (String dataset : List.of("World Development Indicators", "Global Report on Trafficking in Persons")) {
      int at = footnote.indexOf(dataset);
      assertTrue(at >= 0, dataset + " is cited: " + footnote);
      assertEquals(-1, footnote.indexOf(dataset, at + 1), dataset + " is cited once: " + footnote);
    }
    keepPng("gdp-transregional-scatter");
  }

  /** The log x axis ends near the data (no empty decade), from the CSV's smallest and largest x. */
  @Test
  void scatterXAxisFitsTheData() {
    List<CSVRecord> rows = ChartsContractTest.csv("/api/v1/charts/gdp-transregional-scatter?format=csv");
    double min = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("gdp_per_capita"))).min().orElseThrow();
    double max = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("gdp_per_capita"))).max().orElseThrow();
    JsonNode axis = TestApi.parse(ChartsContractTest.ok("/api/v1/charts/gdp-transregional-scatter").text())
        .get("xAxis");
    assertEquals("log", axis.get("type").asText());
    assertTrue(axis.has("min") && axis.has("max"), "the axis is bounded: " + axis);
    double from = axis.get("min").asDouble();
    double to = axis.get("max").asDouble();
    assertTrue(from <= min && min / from <= 2.5, "axis from " + from + ", data from " + min);
    assertTrue(to >= max && to / max <= 2.5, "axis to " + to + ", data to " + max);
  }

  /**
   * Every point whose share has bounds (from {@code <5} cells) gets a vertical bar from its low to its
   * high, in percent, at its x: as many bars as the CSV has rows with low below high, and in the SVG.
   */
  @Test
  void scatterDrawsEachPointsShareBounds() {
    List<CSVRecord> rows = ChartsContractTest.csv("/api/v1/charts/gdp-transregional-scatter?format=csv");
    Map<Double, double[]> expected = new HashMap<>();
    for (CSVRecord r : rows) {
      double low = Double.parseDouble(r.get("transregional_share_low"));
      double high = Double.parseDouble(r.get("transregional_share_high"));
      if (low < high) {
        expected.put((double) Math.round(Double.parseDouble(r.get("gdp_per_capita"))), new double[] {low, high});
      }
    }
    assertTrue(expected.size() >= 3, "the sample has shares with bounds: " + expected.size());
    JsonNode option = TestApi.parse(ChartsContractTest.ok("/api/v1/charts/gdp-transregional-scatter").text());
    JsonNode bars = null;
    for (JsonNode s : option.get("series")) {
      if (s.get("name").asText().startsWith("Bounds")) {
        bars = s;
      }
    }
    assertTrue(bars != null, "a series of bounds: " + option.get("legend"));
    int segments = 0;
    JsonNode data = bars.get("data");
    for (int i = 0; i + 1 < data.size(); i++) {
      JsonNode a = data.get(i);
      JsonNode b = data.get(i + 1);
      if (a.get(1).isNumber() && b.get(1).isNumber()) {
        double[] e = expected.get(a.get(0).asDouble());
        assertTrue(e != null && a.get(0).asDouble() == b.get(0).asDouble(), "a vertical bar at a point: " + a + b);
        assertEquals(e[0] * 100, a.get(1).asDouble(), 0.01);
        assertEquals(e[1] * 100, b.get(1).asDouble(), 0.01);
        segments++;
      }
    }
    assertEquals(expected.size(), segments, "one bar per point with bounds");
    Document svg = ChartsContractTest.svg("/api/v1/charts/gdp-transregional-scatter?format=svg");
    String colour = bars.get("lineStyle").get("color").asText();
    int moves = 0;
    NodeList paths = svg.getElementsByTagNameNS(SVG, "path");
    for (int i = 0; i < paths.getLength(); i++) {
      Element p = (Element) paths.item(i);
      // the series' path, not its legend icons (translated into the legend)
      if (colour.equalsIgnoreCase(p.getAttribute("stroke")) && p.getAttribute("transform").isEmpty()) {
        moves += p.getAttribute("d").split("M", -1).length - 1;
      }
    }
    assertEquals(expected.size(), moves, "the SVG draws the bars");
  }

  /**
   * The names drawn on the scatter do not overlap one another nor sit on another country's dot: their
   * boxes (measured in the labels' font) are clear of every other marker's centre, and most of the
   * names asked for are drawn.
   */
  @Test
  void scatterNamesAreReadable() throws Exception {
    JsonNode option = TestApi.parse(ChartsContractTest.ok("/api/v1/charts/gdp-transregional-scatter").text());
    List<String> asked = new ArrayList<>();
    for (JsonNode p : option.get("series").get(0).get("data")) {
      if (p.has("label") && p.get("label").get("show").asBoolean()) {
        asked.add(p.get("name").asText());
      }
    }
    Document svg = ChartsContractTest.svg("/api/v1/charts/gdp-transregional-scatter?format=svg");
    List<double[]> markers = new ArrayList<>();
    NodeList paths = svg.getElementsByTagNameNS(SVG, "path");
    for (int i = 0; i < paths.getLength(); i++) {
      Element p = (Element) paths.item(i);
      if (ChartsContractTest.CIRCLE.equals(p.getAttribute("d"))) {
        double[] m = matrix(p.getAttribute("transform"));
        markers.add(new double[] {m[4], m[5]});
      }
    }
    List<double[]> boxes = new ArrayList<>();
    NodeList texts = svg.getElementsByTagNameNS(SVG, "text");
    for (int i = 0; i < texts.getLength(); i++) {
      Element t = (Element) texts.item(i);
      if (!asked.contains(t.getTextContent())) {
        continue;
      }
      double[] m = matrix(t.getAttribute("transform"));
      double w = TextMeasure.width(t.getTextContent(), 9, false);
      double x = m[4] + (t.getAttribute("x").isEmpty() ? 0 : Double.parseDouble(t.getAttribute("x")));
      double y = m[5] + (t.getAttribute("y").isEmpty() ? 0 : Double.parseDouble(t.getAttribute("y")));
      String anchor = t.getAttribute("text-anchor");
      double left = anchor.equals("end") ? x - w : anchor.equals("middle") ? x - w / 2 : x;
      // dominant-baseline central: the 9 px text is centred on y
      boxes.add(new double[] {left, y - 4.5, left + w, y + 4.5});
    }
    int wanted = Math.min(25, option.get("series").get(0).get("data").size());
    assertTrue(boxes.size() >= wanted * 0.6, boxes.size() + " of " + wanted + " names drawn");
    for (int i = 0; i < boxes.size(); i++) {
      double[] b = boxes.get(i);
      for (int j = i + 1; j < boxes.size(); j++) {
        double[] o = boxes.get(j);
        assertTrue(b[2] <= o[0] || o[2] <= b[0] || b[3] <= o[1] || o[3] <= b[1], "two names overlap: "
            + java.util.Arrays.toString(b) + java.util.Arrays.toString(o));
      }
      int under = 0;
      for (double[] m : markers) {
        if (m[0] > b[0] + 1 && m[0] < b[2] - 1 && m[1] > b[1] + 1 && m[1] < b[3] - 1) {
          under++;
        }
      }
      assertEquals(0, under, "a name " + java.util.Arrays.toString(b) + " sits under " + under + " dots");
    }
  }

  /** A transform's matrix(a b c d e f), or translate(e f). */
  static double[] matrix(String transform) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(matrix|translate)\\(([^)]*)\\)").matcher(transform);
    assertTrue(m.find(), transform);
    String[] n = m.group(2).trim().split("[ ,]+");
    if (m.group(1).equals("translate")) {
      return new double[] {1, 0, 0, 1, Double.parseDouble(n[0]), n.length > 1 ? Double.parseDouble(n[1]) : 0};
    }
    double[] out = new double[6];
    for (int i = 0; i < 6; i++) {
      out[i] = Double.parseDouble(n[i]);
    }
    return out;
  }

  // ---- the sectors chart ----

  /** The y axis says what is counted (the mart's indicator) and in what unit, and the title says things once. */
  @Test
  void sectorsAxisSaysWhatIsCountedAndTheTitleDoesNotRepeatItself() throws Exception {
    Row any = TestMarts.mart("sectors").filter("geo_code = 'WLD'").first();
    String indicator = any.getAs("indicator");
    String unit = any.getAs("unit");
    JsonNode option = TestApi.parse(ChartsContractTest.ok("/api/v1/charts/sectors").text());
    String name = option.get("yAxis").get("name").asText().replace('\n', ' ');
    assertTrue(name.endsWith("(" + unit + ")"), name);
    String subject = name.substring(0, Math.max(0, name.length() - unit.length() - 3)).strip();
    assertTrue(subject.length() >= 5 && indicator.toLowerCase(Locale.ROOT).startsWith(subject.toLowerCase(Locale.ROOT)),
        "the axis names the indicator (" + indicator + "): " + name);
    String title = option.get("title").get(0).get("text").asText();
    assertEquals(List.of(), repeatedWords(title), title);
    keepPng("sectors");
  }

  // ---- the conflict chart ----

  /**
   * Each point is labelled with the number of countries behind its median, from the API's groups, and
   * its marker grows with that number; the CSV gives the same counts.
   */
  @Test
  void conflictShowsHowManyCountriesEachMedianRestsOn() throws Exception {
    JsonNode answer = api().json("/api/v1/conflict?measure=child_share");
    JsonNode option = TestApi.parse(ChartsContractTest.ok("/api/v1/charts/conflict-comparison").text());
    List<String> years = new ArrayList<>();
    option.get("xAxis").get("data").forEach(y -> years.add(y.asText()));
    Map<String, JsonNode> byYear = new HashMap<>();
    answer.get("years").forEach(y -> byYear.put(y.get("year").asText(), y));
    int labels = 0;
    for (int s = 0; s < 2; s++) {
      JsonNode data = option.get("series").get(s).get("data");
      String group = s == 0 ? "inConflict" : "notInConflict";
      for (int i = 0; i < years.size(); i++) {
        JsonNode point = data.get(i);
        JsonNode g = byYear.get(years.get(i)).get(group);
        if (g.get("median").isNull()) {
          continue;
        }
        assertTrue(point.isObject() && point.has("label"), "labelled: " + point);
        assertEquals("n = " + g.get("n").asInt(), point.get("label").get("formatter").asText());
        labels++;
      }
    }
    JsonNode last = byYear.get(years.get(years.size() - 1));
    int in = last.get("inConflict").get("n").asInt();
    int out = last.get("notInConflict").get("n").asInt();
    JsonNode inPoint = option.get("series").get(0).get("data").get(years.size() - 1);
    JsonNode outPoint = option.get("series").get(1).get("data").get(years.size() - 1);
    assertTrue(in != out, "the sample's groups differ in size");
    assertEquals(in < out, inPoint.get("symbolSize").asDouble() < outPoint.get("symbolSize").asDouble(),
        "the smaller group has the smaller marker");
    int drawn = (int) ChartsContractTest.texts(ChartsContractTest.svg("/api/v1/charts/conflict-comparison?format=svg"))
        .stream().filter(t -> t.matches("n = \\d+")).count();
    assertEquals(labels, drawn, "every label is in the SVG");
    assertTrue(option.get("title").get(0).get("subtext").asText().contains("n = "), "the subtitle explains n");
    for (CSVRecord r : ChartsContractTest.csv("/api/v1/charts/conflict-comparison?format=csv")) {
      String group = r.get("group").equals("in_conflict") ? "inConflict" : "notInConflict";
      assertEquals(byYear.get(r.get("year")).get(group).get("n").asText(), r.get("countries"));
    }
    keepPng("conflict-comparison");
  }

  /**
   * At the dashboard's size the y axis title fits the plot's height: each of its lines, measured in
   * the axis name's font, is no longer than the space between the grid's top and bottom.
   */
  @Test
  void conflictAxisTitleFitsTheChart() throws Exception {
    for (int[] size : new int[][] {{640, 460}, {960, 560}}) {
      JsonNode option = TestApi.parse(ChartsContractTest.ok("/api/v1/charts/conflict-comparison?width=" + size[0]
          + "&height=" + size[1]).text());
      JsonNode grid = option.get("grid");
      double plot = size[1] - grid.get("top").asDouble() - grid.get("bottom").asDouble();
      String name = option.get("yAxis").get("name").asText();
      String svg = ChartsContractTest.ok("/api/v1/charts/conflict-comparison?format=svg&width=" + size[0]
          + "&height=" + size[1]).text();
      for (String line : name.split("\n")) {
        double w = TextMeasure.width(line, 12, false);
        assertTrue(w <= plot, "'" + line + "' is " + Math.round(w) + " px on a plot " + Math.round(plot) + " px high");
        // and inside the chart's left edge: the rotated line's centre, as drawn, is more than half its 15 px height in
        double x = rotatedTextX(svg, line);
        assertTrue(x >= 7.5, "'" + line + "' is drawn at x " + x + ", cut by the chart's left edge");
      }
      keepPng("conflict-comparison?width=" + size[0] + "&height=" + size[1]);
    }
  }

  /** The x of the centre line of the vertical (rotated) text element reading {@code text}, as drawn. */
  static double rotatedTextX(String svg, String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<text([^>]*)>" + java.util.regex.Pattern.quote(
        text.replace("&", "&amp;")) + "</text>").matcher(svg);
    assertTrue(m.find(), "no text '" + text + "' in the SVG");
    java.util.regex.Matcher transform = java.util.regex.Pattern.compile("transform=\"([^\"]*)\"").matcher(m.group(1));
    assertTrue(transform.find(), "'" + text + "' has no transform: " + m.group(1));
    double[] t = matrix(transform.group(1));
    assertTrue(Math.abs(t[0]) < 1e-6, "'" + text + "' is not drawn rotated: " + transform.group(1));
    // a line of a wrapped title is offset by its own y, which the rotation turns into x
    java.util.regex.Matcher y = java.util.regex.Pattern.compile("\\sy=\"([-\\d.e]+)\"").matcher(m.group(1));
    return t[4] + t[2] * (y.find() ? Double.parseDouble(y.group(1)) : 0);
  }

  static TestApi api() {
    return ChartsContractTest.API;
  }
}
