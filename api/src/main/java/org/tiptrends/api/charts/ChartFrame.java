package org.tiptrends.api.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.icepear.echarts.Option;
import org.icepear.echarts.components.grid.Grid;
import org.icepear.echarts.components.legend.Legend;
import org.icepear.echarts.components.text.Label;
import org.icepear.echarts.components.title.Title;
import org.icepear.echarts.components.tooltip.Tooltip;
import org.tiptrends.api.queries.SourceNote;

/**
 * The frame every chart shares, one place for the look of a published chart: size, palette, title
 * and subtitle at the top, the source footnote at the bottom (part of the option, so the SVG, the
 * PNG and the dashboard all print it), legend and plot area between, and the accessible description.
 */
public final class ChartFrame {
  public static final int DEFAULT_WIDTH = 960;
  public static final int DEFAULT_HEIGHT = 560;
  /** Okabe–Ito: distinguishable with the common colour-vision deficiencies, and in greyscale print. */
  static final String[] PALETTE = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
      "#F0E442", "#000000"};
  static final String TEXT = "#222222";
  static final String MUTED = "#555555";
  static final String FONT = TextMeasure.FAMILY + ", Verdana, sans-serif";
  private static final int MARGIN = 16;
  private static final int TITLE_SIZE = 17;
  private static final int SUBTITLE_SIZE = 12;
  private static final int FOOTNOTE_SIZE = 10;

  private final int width;
  private final ChartTexts texts;
  private final int headerHeight;
  private final int footerHeight;
  /** Lines the legend takes (set by {@link #legend}; one until then). */
  private int legendLines = 1;
  /** The height one more line of legend takes: ECharts' 14 px symbol and its 10 px gap. */
  static final int LEGEND_LINE = 24;

  private ChartFrame(int width, ChartTexts texts) {
    this.width = width;
    this.texts = texts;
    double textWidth = width - 2 * MARGIN;
    this.headerHeight = MARGIN + TextMeasure.lines(texts.title(), TITLE_SIZE, true, textWidth) * (TITLE_SIZE + 6)
        + 6 + TextMeasure.lines(texts.subtitle(), SUBTITLE_SIZE, false, textWidth) * (SUBTITLE_SIZE + 4) + 10;
    this.footerHeight = TextMeasure.lines(texts.footnote(), FOOTNOTE_SIZE, false, textWidth) * (FOOTNOTE_SIZE + 4)
        + MARGIN;
  }

  /** The frame of a chart {@code width} pixels wide (the height only stretches the plot area). */
  public static ChartFrame of(int width, ChartTexts texts) {
    return new ChartFrame(width, texts);
  }

  /** The base option: palette, texts, accessible description, no animation (a chart to publish). */
  public Option option() {
    Option option = new Option();
    option.setBackgroundColor("#ffffff");
    option.setColor(PALETTE);
    option.setAnimation(false);
    option.setTextStyle(Map.of("fontFamily", FONT, "color", TEXT));
    option.setAria(Map.of("enabled", true, "label", Map.of("description",
        texts.title() + ". " + texts.description())));
    Title title = new Title()
        .setText(texts.title())
        .setSubtext(texts.subtitle())
        .setLeft(MARGIN)
        .setTop(MARGIN)
        .setItemGap(8)
        .setTextStyle(new Label().setFontSize(TITLE_SIZE).setFontWeight("bold").setColor(TEXT)
            .setWidth(width - 2 * MARGIN).setOverflow("break").setLineHeight(TITLE_SIZE + 6))
        .setSubtextStyle(new Label().setFontSize(SUBTITLE_SIZE).setColor(MUTED)
            .setWidth(width - 2 * MARGIN).setOverflow("break").setLineHeight(SUBTITLE_SIZE + 4));
    Title footnote = new Title()
        .setText(texts.footnote())
        .setLeft(MARGIN)
        .setBottom(MARGIN / 2)
        .setTextStyle(new Label().setFontSize(FOOTNOTE_SIZE).setFontWeight("normal").setColor(MUTED)
            .setWidth(width - 2 * MARGIN).setOverflow("break").setLineHeight(FOOTNOTE_SIZE + 4));
    option.setTitle(new Title[] {title, footnote});
    option.setTooltip(new Tooltip().setTrigger("axis"));
    return option;
  }

  /** The plot area, between the legend (when there is one) and the footnote, axis labels inside. */
  public Grid grid(boolean legend, boolean rightAxis) {
    return new Grid()
        .setLeft(MARGIN + 8)
        .setRight(MARGIN + (rightAxis ? 8 : 24))
        .setTop(plotTop(legend))
        .setBottom(footerHeight + 30)
        .setContainLabel(true);
  }

  /** The height between the grid's top and bottom: the most a vertical axis title may span. */
  public double plotHeight(int height, boolean legend) {
    return height - plotTop(legend) - (footerHeight + 30);
  }

  /** Where the plot starts: below the header and, when there is one, every line of the legend. */
  private int plotTop(boolean legend) {
    return headerHeight + (legend ? 34 + LEGEND_LINE * (legendLines - 1) : 8) + 16;
  }

  /**
   * An axis title wrapped at spaces into lines no longer than {@code length} pixels in the axis
   * name's font (ECharts' 12 px), so that it never runs past the plot it names.
   */
  public static String axisName(String text, double length) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String next = line.length() == 0 ? word : line + " " + word;
      if (line.length() > 0 && TextMeasure.width(next, 12, false) > length) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(next);
      }
    }
    lines.add(line.toString());
    return String.join("\n", lines);
  }

  /** The area a chart without axes (a Sankey diagram) may fill. */
  public int[] box(boolean legend) {
    int top = headerHeight + (legend ? 34 + LEGEND_LINE * (legendLines - 1) : 8);
    return new int[] {top, footerHeight + 8};
  }

  /**
   * The legend under the header. ECharts wraps a legend wider than the chart onto more lines; the
   * lines are counted here (the same widths ECharts lays out: symbol, gap, text, item gap) so that
   * the plot area, asked for after the legend, starts below the last one.
   */
  public Legend legend(List<String> names) {
    legendLines = legendLines(names, width - 2 * MARGIN);
    return new Legend()
        .setData(names.toArray(String[]::new))
        .setTop(headerHeight)
        .setLeft(MARGIN)
        .setTextStyle(new Label().setFontSize(12).setColor(TEXT));
  }

  /**
   * How many lines ECharts' horizontal legend takes for {@code names} in {@code available} pixels:
   * each item a 25 px symbol, 5 px, its 12 px text, and 10 px to the next; an item that does not
   * fit starts a line.
   */
  static int legendLines(List<String> names, double available) {
    int lines = 1;
    double x = 0;
    for (String name : names) {
      double item = 25 + 5 + TextMeasure.width(name, 12, false);
      if (x > 0 && x + item > available) {
        lines++;
        x = 0;
      }
      x += item + 10;
    }
    return lines;
  }

  /**
   * The texts of a chart, with its footnote ({@link #footnote}) and its sources in one line (for
   * the CSV).
   */
  public static ChartTexts texts(String title, String subtitle, String description, List<SourceNote> sources,
      String martVersion, String... caveats) {
    return new ChartTexts(title, subtitle, description, footnote(sources, martVersion, caveats),
        String.join("; ", sources.stream().map(SourceNote::citation).toList()));
  }

  /**
   * "Source: ... Detections, not prevalence. ... tip-trends marts v...": who published the data
   * (or that it is generated sample data, not official statistics), which export, which mart
   * version, what the numbers are.
   */
  public static String footnote(List<SourceNote> sources, String martVersion, String... caveats) {
    List<String> parts = new ArrayList<>();
    for (SourceNote s : sources) {
      parts.add("Source: " + s.citation() + ".");
    }
    parts.addAll(List.of(caveats));
    parts.add("Drawn by tip-trends from mart version " + martVersion + ".");
    return String.join(" ", parts);
  }

  /** A count as text: whole numbers with thousands separators, fractions (an estimate's 12.5) kept. */
  public static String count(double v) {
    if (v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    return String.format(Locale.ROOT, "%,.1f", v);
  }

  /** "1,234 (1,230–1,240)", or just the count when the bounds are that count. */
  public static String bounded(double value, double low, double high) {
    if (low == value && high == value) {
      return count(value);
    }
    return count(value) + " (" + count(low) + "–" + count(high) + ")";
  }

  /**
   * A count of victims with its bounds, saying so when it may be none: "2 (0–4, only <5 cells: may be
   * none)".
   */
  public static String victims(double value, double low, double high) {
    String text = bounded(value, low, high);
    return low == 0 && high > 0 ? text.substring(0, text.length() - 1) + ", only <5 cells: may be none)" : text;
  }

  /** A share in [0, 1] as a percentage with one decimal. */
  public static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /** A share with its bounds: "42.0% (40.1–43.2%)". */
  public static String boundedPercent(double value, double low, double high) {
    if (low == value && high == value) {
      return percent(value);
    }
    return String.format(Locale.ROOT, "%.1f%% (%.1f–%.1f%%)", value * 100, low * 100, high * 100);
  }

  /** Rounds for the option (fewer digits in the JSON and the SVG, none lost that a reader could see). */
  static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
