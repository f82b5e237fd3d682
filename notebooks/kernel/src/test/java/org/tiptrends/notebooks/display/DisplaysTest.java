package org.tiptrends.notebooks.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** What a notebook shows for tables, charts and text. */
class DisplaysTest {
  static Table table(int rows) {
    Table t = Table.create("Victims <by sex> · mart v1 · run r1", StringColumn.create("key"),
        IntColumn.create("year"), DoubleColumn.create("value"));
    for (int i = 0; i < rows; i++) {
      t.stringColumn("key").append(i == 0 ? "a&b" : "k" + i);
      t.intColumn("year").append(2000 + i);
      if (i == 1) {
        t.doubleColumn("value").appendMissing();
      } else {
        t.doubleColumn("value").append(1282.0 + i * 0.25);
      }
    }
    return t;
  }

  @Test
  void aTableIsHtmlWithItsCaptionEscapedNumbersAndMissingCells() {
    Map<String, String> b = new Displays().bundle(table(3), null);
    String html = b.get("text/html");
    assertTrue(html.contains("<caption style=\"caption-side:top;text-align:left\">Victims &lt;by sex&gt; &middot; mart v1 &middot; run r1</caption>"), html);
    assertTrue(html.contains("<th>key</th><th>year</th><th>value</th>"), html);
    assertTrue(html.contains("<td>a&amp;b</td><td style=\"text-align:right\">2000</td><td style=\"text-align:right\">1,282</td>"), html);
    assertTrue(html.contains("<td style=\"text-align:right\">&mdash;</td>"), "a missing value is a dash, not zero: " + html);
    assertTrue(html.contains("1,282.5"), html);
    assertTrue(b.get("text/plain").contains("Victims <by sex>"), "text readers get the table too");
  }

  @Test
  void aLongTableSaysHowManyRowsItLeftOut() {
    String html = TableHtml.html(table(50), 40);
    assertEquals(40, html.split("<tr>", -1).length - 2, "40 body rows and the header row");
    assertTrue(html.contains("10 more rows (50 in all) not shown"), html);
  }

  @Test
  void numbersReadAsTheyShould() {
    assertEquals("1,282", Numbers.format(1282));
    assertEquals("0.4321", Numbers.format(0.43214));
    assertEquals("12,345.7", Numbers.format(12345.67));
    assertEquals("3.20e-05", Numbers.format(0.000032));
    assertEquals("—", Numbers.format(Double.NaN));
    assertEquals("2 [0, 4]", Numbers.interval(2, 0, 4));
    assertEquals("4.500 [3, 7]", Numbers.interval(4.5, 3, 7));
    assertEquals("1,282", Numbers.interval(1282, 1282, 1282));
  }

  @Test
  void theFirstChartCarriesTheLibraryAndEveryChartDrawsItsOption() {
    Displays displays = new Displays();
    EChart chart = EChart.of("{\"title\": {\"text\": \"Trend\"}, \"series\": [{\"type\": \"line\", \"data\": [1, 2]}]}");
    Map<String, String> first = displays.bundle(chart, null);
    Map<String, String> second = displays.bundle(chart.height(300), null);
    assertEquals("[chart: Trend]", first.get("text/plain"));
    assertTrue(first.get("text/html").length() > 500_000, "echarts.min.js is embedded in the first chart");
    assertTrue(first.get("text/html").contains("}).call(window);</script>"));
    assertTrue(second.get("text/html").length() < 5_000, "later charts use window.echarts");
    assertTrue(second.get("text/html").contains("height:300px"));
    for (Map<String, String> b : java.util.List.of(first, second)) {
      String html = b.get("text/html");
      assertTrue(html.contains("var option = {\"title\":{\"text\":\"Trend\"},\"series\":[{\"type\":\"line\",\"data\":[1,2]}]};"), html.substring(Math.max(0, html.length() - 1500)));
      assertTrue(html.contains("window.echarts.init(box, null, {renderer: 'svg'}).setOption(option)"));
      assertFalse(html.contains("<script src") || html.contains("<link"), "nothing to fetch: works offline");
    }
    assertNotEquals(id(first.get("text/html")), id(second.get("text/html")), "each chart its own box");
    assertTrue(EChartsHtml.libraryVersion().matches("\\d+\\.\\d+\\.\\d+"), EChartsHtml.libraryVersion());
  }

  @Test
  void anOptionCannotCloseTheScriptThatDrawsIt() {
    String html = new EChartsHtml().html(EChart.of("{\"title\": {\"text\": \"</script><script>alert(1)</script>\"}}"));
    String drawing = html.substring(html.lastIndexOf("var option"));
    assertFalse(drawing.contains("</script><script>"), drawing);
    assertTrue(drawing.contains("<\\/script><script>alert(1)<\\/script>"), drawing);
  }

  @Test
  void anOptionIsAJsonObject() {
    assertThrows(IllegalArgumentException.class, () -> EChart.of("[1, 2]"));
    assertThrows(IllegalArgumentException.class, () -> EChart.of("{not json"));
    assertEquals("x", EChart.of(Map.of("title", Map.of("text", "x"))).title(), "any object Jackson writes");
  }

  @Test
  void markdownHtmlAndPlainValues() {
    Displays d = new Displays();
    assertEquals(Map.of("text/plain", "**r** = 0.5", "text/markdown", "**r** = 0.5"), d.bundle(new Markdown("**r** = 0.5"), null));
    assertEquals("bold", d.bundle(new Html("<b>bold</b>"), null).get("text/plain"));
    assertEquals(Map.of("text/plain", "\"quoted by JShell\""), d.bundle("quoted by JShell", "\"quoted by JShell\""));
    Displayable shown = () -> new Markdown("as it says");
    assertEquals("as it says", d.bundle(shown, "ignored").get("text/markdown"));
  }

  private static String id(String html) {
    Matcher m = Pattern.compile("id=\"(tt-echart-[^\"]+)\"").matcher(html);
    assertTrue(m.find(), html);
    return m.group(1);
  }
}
