package org.tiptrends.api.charts;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text widths in the charts' font, measured with the JDK's font metrics: ECharts lays out titles,
 * legends and labels with these widths on the server (it has no browser canvas there), Batik draws
 * the PNG with the same font, and the frame uses them to know how many lines a text wraps to.
 */
public final class TextMeasure {
  /** The font charts name first; Debian ships it with every JDK (fonts-dejavu-core). */
  public static final String FAMILY = "DejaVu Sans";
  private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)px");
  private static final Map<String, Font> FONTS = new ConcurrentHashMap<>();

  private TextMeasure() {}

  /** The width in pixels of {@code text} in a CSS font such as {@code "bold 17px DejaVu Sans, sans-serif"}. */
  public static double width(String text, String cssFont) {
    String css = cssFont == null ? "12px" : cssFont;
    Matcher m = SIZE.matcher(css);
    float size = m.find() ? Float.parseFloat(m.group(1)) : 12f;
    String lower = css.toLowerCase(Locale.ROOT);
    boolean bold = lower.contains("bold") || lower.matches(".*\\b[6-9]00\\b.*");
    return width(text, size, bold);
  }

  public static double width(String text, float size, boolean bold) {
    Font font = FONTS.computeIfAbsent((bold ? "b" : "n") + size,
        k -> new Font(FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(size));
    return font.getStringBounds(text, CONTEXT).getWidth();
  }

  /** How many lines {@code text} takes when wrapped at spaces to {@code maxWidth} (paragraphs at "\n"). */
  public static int lines(String text, float size, boolean bold, double maxWidth) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    int lines = 0;
    for (String paragraph : text.split("\n", -1)) {
      lines++;
      double line = 0;
      double space = width(" ", size, bold);
      for (String word : paragraph.split(" ")) {
        double w = width(word, size, bold);
        if (line > 0 && line + space + w > maxWidth) {
          lines++;
          line = w;
        } else {
          line += (line > 0 ? space : 0) + w;
        }
      }
    }
    return lines;
  }
}
