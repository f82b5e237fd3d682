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
  /** How many countries are named on the chart. */
  static final int LABELLED = 25;

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
            + "victims of known origin who came from another region (y); the %d with most such victims are named. "
            + "%s: %s correlation %.2f across %d countries (p = %s).",
        logX ? "logarithmic" : "linear", LABELLED, direction(a), method, a.r(), a.n(), pValue(a.pValue()));
    ChartTexts texts = ChartFrame.texts(title, subtitle, description, a.sources(), a.source().martVersion(),
        "Detections, not prevalence; an ecological correlation between countries, not a causal effect; "
            + "y bounds from suppressed cells are in the data download.", SourceNote.SUPPRESSION);
    ChartFrame frame = ChartFrame.of(width, texts);
    Option option = frame.option();
    option.setTooltip(new Tooltip().setTrigger("item"));
    option.setLegend(frame.legend(List.of(COUNTRIES, OLS, THEIL_SEN)));
    option.setGrid(frame.grid(true, false));
    option.setXAxis(logX
        ? new LogAxis().setName("GDP per capita (current US$, log scale)").setNameLocation("middle").setNameGap(30)
            .setLogBase(10)
        : new ValueAxis().setName("GDP per capita (current US$)").setNameLocation("middle").setNameGap(30));
    option.setYAxis(new ValueAxis().setName("Victims from other regions (% of known origin)")
        .setNameLocation("middle").setNameGap(40).setMin(0).setMax(100));

    List<ScatterDataItem> points = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    // names on the countries with most victims of known origin (the rest are in the tooltip and the
    // data): two hundred labels would hide the points, and laying them out is the slowest part of a draw
    java.util.Set<String> named = a.points().stream()
        .sorted(java.util.Comparator.comparing((CorrelationQuery.Point p) -> p.victims() == null ? 0 : p.victims())
            .reversed().thenComparing(CorrelationQuery.Point::iso3))
        .limit(LABELLED).map(CorrelationQuery.Point::iso3).collect(java.util.stream.Collectors.toSet());
    for (CorrelationQuery.Point p : a.points()) {
      ScatterDataItem item = new ScatterDataItem().setName(p.name())
          .setValue(new Number[] {ChartFrame.round(p.x(), 0), ChartFrame.round(p.y() * 100, 2)});
      if (named.contains(p.iso3())) {
        item.setLabel(new SeriesLabel().setShow(true));
      }
      points.add(item);
      rows.add(List.of(p.iso3(), p.name(), p.year(), p.x(), p.y(), p.yLow(), p.yHigh(),
          p.victims() == null ? "" : p.victims()));
      minX = Math.min(minX, p.x());
      maxX = Math.max(maxX, p.x());
    }
    List<SeriesOption> series = new ArrayList<>();
    series.add(new ScatterSeries().setName(COUNTRIES).setSymbolSize(7)
        .setItemStyle(new ItemStyle().setColor(ChartFrame.PALETTE[0]).setOpacity(0.75))
        .setLabel(new SeriesLabel().setShow(false).setFormatter("{b}").setPosition("right").setFontSize(9)
            .setColor(ChartFrame.MUTED))
        .setLabelLayout(new LabelLayout().setHideOverlap(true))
        .setData(points.toArray(ScatterDataItem[]::new)));
    series.add(line(OLS, a.fit().intercept(), a.fit().slope(), logX, minX, maxX, ChartFrame.PALETTE[1], "solid"));
    series.add(line(THEIL_SEN, a.fit().theilSenIntercept(), a.fit().theilSenSlope(), logX, minX, maxX,
        ChartFrame.PALETTE[2], "dashed"));
    option.setSeries(series.toArray(SeriesOption[]::new));
    CsvTable data = new CsvTable(id + "-" + a.year() + "-" + a.method(), List.of("iso3", "name", "year",
        a.x().name(), a.y().name(), a.y().name() + "_low", a.y().name() + "_high", "known_origin_victims"), rows);
    return new Chart(id, data.name(), texts, width, height, option, data);
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
