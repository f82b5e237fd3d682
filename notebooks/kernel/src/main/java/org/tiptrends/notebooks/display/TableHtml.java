package org.tiptrends.notebooks.display;

import org.apache.commons.text.StringEscapeUtils;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as an HTML table: its name as the caption (the facade puts the source and mart
 * version there), numbers formatted by {@link Numbers} and right-aligned, a missing cell as
 * {@code —}, and at most {@code maxRows} rows with a line saying how many more there are.
 */
public final class TableHtml {
  private TableHtml() {}

  public static String html(Table t, int maxRows) {
    StringBuilder h = new StringBuilder("<table class=\"tt-table\">\n");
    if (t.name() != null && !t.name().isBlank()) {
      h.append("<caption style=\"caption-side:top;text-align:left\">").append(escape(t.name())).append("</caption>\n");
    }
    h.append("<thead><tr>");
    for (Column<?> c : t.columns()) {
      h.append("<th>").append(escape(c.name())).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    int rows = Math.min(maxRows, t.rowCount());
    for (int r = 0; r < rows; r++) {
      h.append("<tr>");
      for (Column<?> c : t.columns()) {
        boolean numeric = c instanceof NumericColumn<?>;
        h.append(numeric ? "<td style=\"text-align:right\">" : "<td>").append(escape(cell(c, r))).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
    if (t.rowCount() > rows) {
      h.append("<p><em>").append(Numbers.format(t.rowCount() - rows)).append(" more rows (")
          .append(Numbers.format(t.rowCount())).append(" in all) not shown</em></p>\n");
    }
    return h.toString();
  }

  /** The text of one cell: numbers by {@link Numbers} (whole-number columns as they are), others as Tablesaw writes them. */
  static String cell(Column<?> c, int row) {
    if (c.isMissing(row)) {
      return "—";
    }
    if (c instanceof NumericColumn<?> n) {
      double v = n.getDouble(row);
      return n.type().name().equals("DOUBLE") || n.type().name().equals("FLOAT") ? Numbers.format(v) : c.getString(row);
    }
    return c.getString(row);
  }

  /** HTML-escaped text (Commons Text, as everywhere a text becomes HTML here). */
  public static String escape(String s) {
    return StringEscapeUtils.escapeHtml4(s);
  }
}
