package org.tiptrends.notebooks.display;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.zip.CRC32;

/**
 * ECharts options as HTML a notebook shows inline and keeps working offline: a box and a script that
 * draws the option into it. The library itself (the {@code org.webjars.npm:echarts} jar on the class
 * path, no CDN) is embedded in the first chart of a kernel session, where it defines
 * {@code window.echarts} (also under the notebook's RequireJS); later charts wait for it. An exported
 * notebook therefore holds the library once, in its first chart.
 */
public final class EChartsHtml {
  static final String WEBJAR = "META-INF/resources/webjars/echarts/";
  private boolean libraryShown;
  private int charts;

  /** The HTML of one chart; the first of this instance also carries the library. */
  public synchronized String html(EChart chart) {
    charts++;
    String option = scriptSafe(json(chart.option()));
    String id = "tt-echart-" + charts + "-" + checksum(option);
    StringBuilder html = new StringBuilder();
    html.append("<div id=\"").append(id).append("\" class=\"tt-echart\" style=\"width:100%;max-width:960px;height:")
        .append(chart.height()).append("px\"></div>\n");
    if (!libraryShown) {
      // the UMD bundle registers with RequireJS when it sees it (classic notebook): hide it so the
      // bundle sets window.echarts, the one place every chart looks
      html.append("<script>(function(define, exports, module) {\n").append(Library.SOURCE)
          .append("\n}).call(window);</script>\n");
      libraryShown = true;
    }
    html.append("<script>(function() {\n")
        .append("  var option = ").append(option).append(";\n")
        .append("  var tries = 0;\n")
        .append("  function draw() {\n")
        .append("    var box = document.getElementById('").append(id).append("');\n")
        .append("    if (!box) return;\n")
        .append("    if (!window.echarts) {\n")
        .append("      if (++tries < 100) { setTimeout(draw, 50); return; }\n")
        .append("      box.textContent = 'The ECharts library did not load: run the notebook from its first chart.';\n")
        .append("      return;\n")
        .append("    }\n")
        .append("    window.echarts.init(box, null, {renderer: 'svg'}).setOption(option);\n")
        .append("  }\n")
        .append("  draw();\n")
        .append("})();</script>\n");
    return html.toString();
  }

  /** The version of the embedded library (from the webjar). */
  public static String libraryVersion() {
    return Library.VERSION;
  }

  private static String json(JsonNode option) {
    try {
      return EChart.JSON.writeValueAsString(option);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** JSON that cannot end the script element or open an HTML comment inside it. */
  static String scriptSafe(String json) {
    return json.replace("</", "<\\/").replace("<!--", "<\\!--")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }

  private static String checksum(String s) {
    CRC32 crc = new CRC32();
    crc.update(s.getBytes(StandardCharsets.UTF_8));
    return Long.toHexString(crc.getValue());
  }

  /** The library, read once from the webjar. */
  private static final class Library {
    static final String VERSION = version();
    static final String SOURCE = read(WEBJAR + VERSION + "/dist/echarts.min.js");

    private static String version() {
      Properties p = new Properties();
      try (InputStream in = resource("META-INF/maven/org.webjars.npm/echarts/pom.properties")) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return p.getProperty("version");
    }

    private static String read(String name) {
      try (InputStream in = resource(name)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static InputStream resource(String name) throws IOException {
      InputStream in = EChartsHtml.class.getClassLoader().getResourceAsStream(name);
      if (in == null) {
        throw new IOException(name + " not on the class path (the org.webjars.npm:echarts jar)");
      }
      return in;
    }
  }
}
