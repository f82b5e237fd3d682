package org.tiptrends.api.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.icepear.echarts.Option;
import org.icepear.echarts.charts.line.LineSeries;
import org.icepear.echarts.charts.scatter.ScatterDataItem;
import org.icepear.echarts.charts.scatter.ScatterSeries;
import org.icepear.echarts.components.coord.cartesian.LogAxis;
import org.icepear.echarts.components.coord.cartesian.ValueAxis;
import org.icepear.echarts.components.series.ItemStyle;
import org.icepear.echarts.components.series.LineStyle;
import org.icepear.echarts.components.series.SeriesLabel;
import org.icepear.echarts.components.text.LabelLayout;
import org.icepear.echarts.components.tooltip.Tooltip;
import org.icepear.echarts.origin.util.SeriesOption;
import org.tiptrends.api.http.Responses.CsvTable;
import org.tiptrends.api.queries.CorrelationQuery;
import org.tiptrends.api.queries.SourceNote;

/**
 * GDP per capita of the destination country against its share of victims from other regions: one
 * named point per country, the least-squares and Theil–Sen lines, and the statistics in the subtitle.
 */
public final class CorrelationCharts {
  static final String COUNTRIES = "Countries";
  static final String OLS = "Least squares";
  static final String THEIL_SEN = "Theil–Sen (robust)";
  static final String BOUNDS = "Bounds from <5 cells";
  /** How many countries are named on the chart, at most. */
  static final int LABELLED = 25;
  /** How many of those with most victims are tried, in that order, until LABELLED names fit. */
  static final int CANDIDATES = 60;
  private static final double RADIUS = 3.5;
  private static final float LABEL_SIZE = 9;
  /** The plot's margins: fixed (no containLabel) so that names can be placed in pixels here. */
  private static final int LEFT = 64;
  private static final int RIGHT = 48;

  private CorrelationCharts() {}

  public static Chart gdpTransregional(String id, CorrelationQuery.Answer a, int width, int height) {
    boolean logX = a.fit().logX();
    String method = a.method().substring(0, 1).toUpperCase(Locale.ROOT) + a.method().substring(1);
    String years = a.year().equals("latest") ? "each country's latest year" : a.year();
    String title = "GDP per capita and the share of detected victims trafficked from other regions";
    String subtitle = String.format(Locale.ROOT,
        "%s r = %.2f (95%% CI %.2f to %.2f), p = %s, n = %d countries; %s with at least %s victims of known "
            + "origin. Lines fitted on %s.",
        method, a.r(), a.ci95()[0], a.ci95()[1], pValue(a.pValue()), a.n(), years,
        ChartFrame.count(a.minVictims()), logX ? "log10 GDP per capita" : "GDP per capita");
    String description = String.format(Locale.ROOT,
        "Each point is a destination country: its GDP per capita (x, %s scale) and the share of its detected "
            + "victims of known origin who came from another region (y), with its bounds from suppressed cells; up to "
            + "%d of those with most such victims are named where their names fit. "
            + "%s: %s correlation %.2f across %d countries (p = %s).",
        logX ? "logarithmic" : "linear", LABELLED, direction(a), method, a.r(), a.n(), pValue(a.pValue()));
    ChartTexts texts = ChartFrame.texts(title, subtitle, description, a.sources(), a.source().martVersion(),
        "Detections, not prevalence; an ecological correlation between countries, not a causal effect; "
            + "vertical bars: y bounds from suppressed cells (also in the data download).", SourceNote.SUPPRESSION);
    ChartFrame frame = ChartFrame.of(width, texts);
    Option option = frame.option();
    option.setTooltip(new Tooltip().setTrigger("item"));
    option.setLegend(frame.legend(List.of(COUNTRIES, BOUNDS, OLS, THEIL_SEN)));
    String yName = ChartFrame.axisName("Victims from other regions (% of known origin)",
        frame.plotHeight(height, true) - 22);
    // a wrapped axis title's further lines stand further out: the plot moves right to keep them in
    int left = LEFT + 18 * (yName.split("\n").length - 1);
    org.icepear.echarts.components.grid.Grid grid = frame.grid(true, false).setContainLabel(false).setLeft(left)
        .setRight(RIGHT);
    int top = ((Number) grid.getTop()).intValue();
    int bottom = ((Number) grid.getBottom()).intValue() + 22; // the x labels, no longer inside the grid
    grid.setBottom(bottom);
    option.setGrid(grid);
    double minX = a.points().stream().mapToDouble(CorrelationQuery.Point::x).min().orElse(1);
    double maxX = a.points().stream().mapToDouble(CorrelationQuery.Point::x).max().orElse(10);
    // the axis ends at nice numbers just around the data, not at the next power of ten beyond it
    double from = logX ? niceBelow(minX) : 0;
    double to = niceAbove(maxX);
    option.setXAxis(logX
        ? new LogAxis().setName("GDP per capita (current US$, log scale)").setNameLocation("middle").setNameGap(30)
            .setLogBase(10).setMin(from).setMax(to)
        : new ValueAxis().setName("GDP per capita (current US$)").setNameLocation("middle").setNameGap(30)
            .setMin(0).setMax(to));
    option.setYAxis(new ValueAxis().setName(yName)
        .setNameTextStyle(new org.icepear.echarts.components.coord.AxisNameTextStyle().setLineHeight(15))
        .setNameLocation("middle").setNameGap(40).setMin(0).setMax(100));

    List<ScatterDataItem> points = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    // names on the countries with most victims of known origin where they fit (the rest are in the
    // tooltip and the data): two hundred labels would hide the points
    double[] plot = {left, top, width - RIGHT, height - bottom};
    java.util.function.ToDoubleFunction<CorrelationQuery.Point> px = p -> plot[0] + (plot[2] - plot[0])
        * (logX ? (Math.log10(p.x()) - Math.log10(from)) / (Math.log10(to) - Math.log10(from)) : (p.x() - from) / (to - from));
    java.util.function.ToDoubleFunction<CorrelationQuery.Point> py = p -> plot[3] - (plot[3] - plot[1]) * p.y();
    Map<String, String> named = placeNames(a.points(), px, py, plot);
    List<Object[]> bars = new ArrayList<>();
    for (CorrelationQuery.Point p : a.points()) {
      ScatterDataItem item = new ScatterDataItem().setName(p.name())
          .setValue(new Number[] {ChartFrame.round(p.x(), 0), ChartFrame.round(p.y() * 100, 2)});
      if (named.containsKey(p.iso3())) {
        item.setLabel(new SeriesLabel().setShow(true).setPosition(named.get(p.iso3())));
      }
      points.add(item);
      rows.add(List.of(p.iso3(), p.name(), p.year(), p.x(), p.y(), p.yLow(), p.yHigh(),
          p.victims() == null ? "" : p.victims()));
      if (p.yLow() < p.yHigh()) {
        // one vertical bar per point with bounds; "-" breaks the line between bars
        double x = ChartFrame.round(p.x(), 0);
        bars.add(new Object[] {x, ChartFrame.round(p.yLow() * 100, 2)});
        bars.add(new Object[] {x, ChartFrame.round(p.yHigh() * 100, 2)});
        bars.add(new Object[] {x, "-"});
      }
    }
    List<SeriesOption> series = new ArrayList<>();
    series.add(new ScatterSeries().setName(COUNTRIES).setSymbolSize(2 * RADIUS)
        .setItemStyle(new ItemStyle().setColor(ChartFrame.PALETTE[0]).setOpacity(0.75))
        .setLabel(new SeriesLabel().setShow(false).setFormatter("{b}").setPosition("right").setFontSize(LABEL_SIZE)
            .setColor(ChartFrame.TEXT).setTextBorderColor("#ffffff").setTextBorderWidth(2).setOpacity(1))
        .setLabelLayout(new LabelLayout().setHideOverlap(true))
        .setData(points.toArray(ScatterDataItem[]::new)));
    series.add(line(OLS, a.fit().intercept(), a.fit().slope(), logX, minX, maxX, ChartFrame.PALETTE[1], "solid"));
    series.add(line(THEIL_SEN, a.fit().theilSenIntercept(), a.fit().theilSenSlope(), logX, minX, maxX,
        ChartFrame.PALETTE[2], "dashed"));
    // after the lines, so that series 1 and 2 stay the fits; z 1 draws the bars under the dots
    series.add(new LineSeries().setName(BOUNDS).setData(bars.toArray(Object[][]::new)).setShowSymbol(false)
        .setSilent(true).setConnectNulls(false).setTooltip(Map.of("show", false)).setZ(1)
        .setLineStyle(new LineStyle().setColor(BOUNDS_COLOUR).setWidth(1))
        .setItemStyle(new ItemStyle().setColor(BOUNDS_COLOUR)));
    option.setSeries(series.toArray(SeriesOption[]::new));
    CsvTable data = new CsvTable(id + "-" + a.year() + "-" + a.method(), List.of("iso3", "name", "year",
        a.x().name(), a.y().name(), a.y().name() + "_low", a.y().name() + "_high", "known_origin_victims"), rows);
    return new Chart(id, data.name(), texts, width, height, option, data);
  }

  private static final String BOUNDS_COLOUR = "#7fb2d6";

  /**
   * Where each name goes ("right", "left", "top", "bottom"), tried for the countries with most
   * victims first: a name is drawn only where its box, measured in the label font, touches no other
   * name, no other country's dot and stays in the plot. ECharts lays out labels only against each
   * other, so a name would otherwise sit under the dots of its neighbours (the many at 0%).
   */
  static Map<String, String> placeNames(List<CorrelationQuery.Point> points,
      java.util.function.ToDoubleFunction<CorrelationQuery.Point> px,
      java.util.function.ToDoubleFunction<CorrelationQuery.Point> py, double[] plot) {
    List<double[]> dots = points.stream().map(p -> new double[] {px.applyAsDouble(p), py.applyAsDouble(p)}).toList();
    List<double[]> taken = new ArrayList<>();
    Map<String, String> out = new java.util.LinkedHashMap<>();
    List<CorrelationQuery.Point> byVictims = points.stream()
        .sorted(java.util.Comparator.comparing((CorrelationQuery.Point p) -> p.victims() == null ? 0 : p.victims())
            .reversed().thenComparing(CorrelationQuery.Point::iso3)).limit(CANDIDATES).toList();
    double gap = RADIUS + 5; // ECharts' label distance from the symbol's edge
    double h = LABEL_SIZE + 3;
    for (CorrelationQuery.Point p : byVictims) {
      if (out.size() >= LABELLED) {
        break;
      }
      double x = px.applyAsDouble(p);
      double y = py.applyAsDouble(p);
      double w = TextMeasure.width(p.name(), LABEL_SIZE, false);
      double[][] boxes = {
          {x + gap, y - h / 2, x + gap + w, y + h / 2}, {x - gap - w, y - h / 2, x - gap, y + h / 2},
          {x - w / 2, y - gap - h, x + w / 2, y - gap}, {x - w / 2, y + gap, x + w / 2, y + gap + h}};
      String[] positions = {"right", "left", "top", "bottom"};
      for (int i = 0; i < boxes.length; i++) {
        double[] b = boxes[i];
        boolean inside = b[0] >= plot[0] - 40 && b[2] <= plot[2] + 40 && b[1] >= plot[1] && b[3] <= plot[3] + 3;
        boolean clear = inside && taken.stream().noneMatch(t -> overlap(t, b, 2));
        for (int d = 0; clear && d < dots.size(); d++) {
          double[] c = dots.get(d);
          boolean own = Math.abs(c[0] - x) < 1e-9 && Math.abs(c[1] - y) < 1e-9;
          clear = own || !overlap(b, new double[] {c[0], c[1], c[0], c[1]}, RADIUS + 2);
        }
        if (clear) {
          taken.add(b);
          out.put(p.iso3(), positions[i]);
          break;
        }
      }
    }
    return out;
  }

  private static boolean overlap(double[] a, double[] b, double pad) {
    return a[0] - pad < b[2] && b[0] - pad < a[2] && a[1] - pad < b[3] && b[1] - pad < a[3];
  }

  /** The largest of 1, 2 or 5 times a power of ten at or below {@code v}. */
  static double niceBelow(double v) {
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    return 5 * p <= v ? 5 * p : 2 * p <= v ? 2 * p : p;
  }

  /** The smallest of 1, 2 or 5 times a power of ten at or above {@code v}. */
  static double niceAbove(double v) {
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    return p >= v ? p : 2 * p >= v ? 2 * p : 5 * p >= v ? 5 * p : 10 * p;
  }

  /** A fitted line from the smallest to the largest x; straight on the axis it was fitted on. */
  private static LineSeries line(String name, double intercept, double slope, boolean logX, double minX,
      double maxX, String color, String type) {
    double[] xs = {minX, maxX};
    Object[][] data = new Object[2][];
    for (int i = 0; i < 2; i++) {
      double y = intercept + slope * (logX ? Math.log10(xs[i]) : xs[i]);
      data[i] = new Object[] {ChartFrame.round(xs[i], 0), ChartFrame.round(y * 100, 2)};
    }
    return new LineSeries().setName(name).setData(data).setShowSymbol(false).setSilent(true)
        .setTooltip(Map.of("show", false))
        .setLineStyle(new LineStyle().setColor(color).setWidth(2).setType(type))
        .setItemStyle(new ItemStyle().setColor(color));
  }

  /** What the correlation says, in words, only as far as the test supports it. */
  static String direction(CorrelationQuery.Answer a) {
    if (!(a.pValue() < 0.05)) {
      return "No relation distinguishable from chance at the 5% level";
    }
    return a.r() > 0 ? "Countries with higher GDP per capita detect larger shares of victims from other regions"
        : "Countries with higher GDP per capita detect smaller shares of victims from other regions";
  }

  static String pValue(double p) {
    if (p < 1e-4) {
      return String.format(Locale.ROOT, "%.1e", p);
    }
    return String.format(Locale.ROOT, "%.4f", p);
  }
}
