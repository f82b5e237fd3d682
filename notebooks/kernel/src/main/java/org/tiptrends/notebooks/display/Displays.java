package org.tiptrends.notebooks.display;

import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * What a notebook shows for a value, as a MIME bundle (MIME type → content): Tablesaw tables as HTML,
 * {@link EChart}s as inline charts, {@link Markdown}, {@link Html}, {@link Displayable}s as what they
 * say; every bundle has {@code text/plain} for text-only readers. One instance per kernel session (the
 * first chart carries the ECharts library).
 */
public final class Displays {
  /** Rows of a table a notebook shows (the rest is counted). */
  public static final int MAX_ROWS = 40;
  private final EChartsHtml charts = new EChartsHtml();

  /**
   * @param text the value as text when the caller has it (JShell's), used for values with no rich form
   */
  public Map<String, String> bundle(Object value, String text) {
    Object v = value instanceof Displayable d ? d.display() : value;
    Map<String, String> b = new LinkedHashMap<>();
    if (v instanceof Table t) {
      b.put("text/plain", t.print(MAX_ROWS));
      b.put("text/html", TableHtml.html(t, MAX_ROWS));
    } else if (v instanceof EChart c) {
      b.put("text/plain", "[chart" + (c.title().isEmpty() ? "" : ": " + c.title()) + "]");
      b.put("text/html", charts.html(c));
    } else if (v instanceof Markdown m) {
      b.put("text/plain", m.text());
      b.put("text/markdown", m.text());
    } else if (v instanceof Html h) {
      b.put("text/plain", h.html().replaceAll("<[^>]*>", ""));
      b.put("text/html", h.html());
    } else {
      b.put("text/plain", text != null && value == v ? text : String.valueOf(v));
    }
    return b;
  }
}
