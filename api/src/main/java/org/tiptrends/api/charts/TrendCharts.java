package org.tiptrends.api.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.icepear.echarts.Option;
import org.icepear.echarts.charts.bar.BarSeries;
import org.icepear.echarts.charts.line.LineAreaStyle;
import org.icepear.echarts.charts.line.LineSeries;
import org.icepear.echarts.components.coord.cartesian.CategoryAxis;
import org.icepear.echarts.components.coord.cartesian.ValueAxis;
import org.icepear.echarts.components.series.ItemStyle;
import org.icepear.echarts.components.series.LineStyle;
import org.icepear.echarts.origin.util.SeriesOption;
import org.tiptrends.api.http.Responses.CsvTable;
import org.tiptrends.api.queries.ShareQuery;
import org.tiptrends.api.queries.TrendQuery;

/**
 * Charts over time from {@code victims_by_year}: detected victims (total or by a breakdown) with
 * the bounds of suppressed cells drawn as a band and the number of reporting countries as bars, and
 * the women/men/girls/boys shares with their bounds.
 */
public final class TrendCharts {
  /** Series keys as readers see them. */
  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("total", "All detected victims"), Map.entry("female", "Female"), Map.entry("male", "Male"),
      Map.entry("other", "Other"), Map.entry("unknown", "Unknown"), Map.entry("adult", "Adults"),
      Map.entry("child", "Children"), Map.entry("sexual_exploitation", "Sexual exploitation"),
      Map.entry("forced_labour", "Forced labour"), Map.entry("women", "Women"), Map.entry("men", "Men"),
      Map.entry("girls", "Girls"), Map.entry("boys", "Boys"));
  private static final Map<String, String> BY = Map.of("none", "", "sex", " by sex", "age", " by age group",
      "form", " by form of exploitation", "demographic", " by sex and age group");
  static final String REPORTING = "Reporting countries";
  static final String BANDS = "Bands show the bounds of values with suppressed (<5) cells.";

  private TrendCharts() {}

  static String label(String key) {
    return LABELS.getOrDefault(key, key.replace('_', ' '));
  }

  /**
   * Detected victims over time.
   *
   * @param trend the series drawn
   * @param totals the total series of the same selection: its reporting countries are the bars
   */
  public static Chart victims(String id, TrendQuery.Answer trend, TrendQuery.Answer totals, int width, int height) {
    List<Integer> years = years(trend.from(), trend.to());
    Map<Integer, Integer> reporting = new HashMap<>();
    for (TrendQuery.Series series : totals.series()) {
      series.points().forEach(pt -> reporting.put(pt.year(), pt.reportingCountries()));
    }
    List<TrendQuery.Series> drawn = trend.series().stream().filter(s -> !s.points().isEmpty()).toList();
    String place = trend.geo().name();
    String title = (trend.by().equals("form") ? "Detected victims by form of exploitation"
        : "Detected victims of trafficking" + BY.getOrDefault(trend.by(), "")) + ", " + place
        + ", " + trend.from() + "–" + trend.to();
    String panel = trend.balanced()
        ? "Balanced panel: the " + (trend.countries() == null ? 0 : trend.countries().size())
            + " countries that reported in every year."
        : "All countries that reported each year; the number reporting changes over time.";
    String subtitle = "Victims detected and reported by national authorities. " + panel + " " + BANDS;
    String description = describeLatest(drawn, reporting);
    ChartTexts texts = new ChartTexts(title, subtitle, description,
        ChartFrame.footnote(List.of(trend.source()), trend.source().martVersion(),
            "Detections, not prevalence: changes can reflect enforcement and reporting."));
    ChartFrame frame = ChartFrame.of(width, texts);
    Option option = frame.option();
    List<String> legend = new ArrayList<>(drawn.stream().map(s -> label(s.key())).toList());
    legend.add(REPORTING);
    option.setLegend(frame.legend(legend));
    option.setGrid(frame.grid(true, true));
    option.setXAxis(new CategoryAxis().setName("Year").setNameLocation("middle").setNameGap(28)
        .setData(years.stream().map(String::valueOf).toArray()).setBoundaryGap(true));
    option.setYAxis(new Object[] {
        new ValueAxis().setName("Detected victims").setNameLocation("middle").setNameGap(56).setMin(0),
        new ValueAxis().setName(REPORTING).setNameLocation("middle").setNameGap(36).setMin(0)
            .setPosition("right").setSplitLine(new org.icepear.echarts.components.coord.SplitLine().setShow(false))});
    List<SeriesOption> series = new ArrayList<>();
    series.add(new BarSeries().setName(REPORTING).setYAxisIndex(1).setBarMaxWidth(18).setZ(1)
        .setItemStyle(new org.icepear.echarts.charts.bar.BarItemStyle().setColor("#c9ccd3"))
        .setData(years.stream().map(y -> (Object) reporting.get(y)).toArray()));
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < drawn.size(); i++) {
      TrendQuery.Series s = drawn.get(i);
      String color = ChartFrame.PALETTE[i % ChartFrame.PALETTE.length];
      Double[][] values = byYear(years, s.points().stream()
          .map(p -> new double[] {p.year(), p.value(), p.low(), p.high()}).toList());
      series.addAll(band(label(s.key()), color, values));
      for (TrendQuery.Point p : s.points()) {
        rows.add(Arrays.asList(trend.geo().code(), trend.by(), s.key(), p.year(), p.value(), p.low(), p.high(),
            p.reportingCountries(), reporting.get(p.year()), trend.balanced()));
      }
    }
    option.setSeries(series.toArray(SeriesOption[]::new));
    CsvTable data = new CsvTable(id + "-" + trend.geo().code() + "-" + trend.from() + "-" + trend.to(),
        List.of("geo", "by", "series", "year", "value", "low", "high", "reporting_countries",
            "countries_reporting_total", "balanced"), rows);
    return new Chart(id, data.name(), texts, width, height, option, data);
  }

  /** Women, men, girls and boys as shares of victims whose sex and age are both known, by year. */
  public static Chart demographicShares(String id, List<ShareQuery.Answer> perYear, int from, int to,
      String martVersion, int width, int height) {
    List<Integer> years = years(from, to);
    ShareQuery.Answer any = perYear.get(0);
    List<String> keys = any.shares().stream().map(ShareQuery.Part::key).toList();
    String title = "Women, men, girls and boys among detected victims, " + any.geo().name() + ", " + from + "–" + to;
    String subtitle = "Share of victims whose sex and age are both known (" + any.denominator().definition()
        + "). Years in which no country reported are gaps. " + BANDS;
    List<List<Object>> rows = new ArrayList<>();
    Map<String, List<double[]>> points = new HashMap<>();
    for (ShareQuery.Answer a : perYear) {
      for (ShareQuery.Part part : a.shares()) {
        if (part.value() == null) {
          continue;
        }
        points.computeIfAbsent(part.key(), k -> new ArrayList<>())
            .add(new double[] {a.year(), part.value() * 100, part.low() * 100, part.high() * 100});
        rows.add(Arrays.asList(a.geo().code(), a.year(), part.key(), part.value(), part.low(), part.high(),
            part.victims() == null ? 0.0 : part.victims().value(), a.denominator().value(),
            part.victims() == null ? 0 : part.victims().reportingCountries()));
      }
    }
    String description = describeShares(perYear);
    ChartTexts texts = new ChartTexts(title, subtitle, description,
        ChartFrame.footnote(List.of(any.source()), martVersion,
            "Detections, not prevalence: who is detected depends on where authorities look."));
    ChartFrame frame = ChartFrame.of(width, texts);
    Option option = frame.option();
    option.setLegend(frame.legend(keys.stream().map(TrendCharts::label).toList()));
    option.setGrid(frame.grid(true, false));
    option.setXAxis(new CategoryAxis().setName("Year").setNameLocation("middle").setNameGap(28)
        .setData(years.stream().map(String::valueOf).toArray()));
    option.setYAxis(new ValueAxis().setName("Share of victims (%)").setNameLocation("middle").setNameGap(40)
        .setMin(0).setMax(100));
    List<SeriesOption> series = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      String color = ChartFrame.PALETTE[i % ChartFrame.PALETTE.length];
      series.addAll(band(label(keys.get(i)), color, byYear(years, points.getOrDefault(keys.get(i), List.of()))));
    }
    option.setSeries(series.toArray(SeriesOption[]::new));
    CsvTable data = new CsvTable(id + "-" + any.geo().code() + "-" + from + "-" + to, List.of("geo", "year",
        "series", "share", "share_low", "share_high", "victims", "denominator", "reporting_countries"), rows);
    return new Chart(id, data.name(), texts, width, height, option, data);
  }

  /** [value, low, high] per year of {@code years} ({@code null} where the series has no point). */
  private static Double[][] byYear(List<Integer> years, List<double[]> points) {
    Double[][] out = new Double[years.size()][];
    for (double[] p : points) {
      int i = years.indexOf((int) p[0]);
      if (i >= 0) {
        out[i] = new Double[] {p[1], p[2], p[3]};
      }
    }
    return out;
  }

  /**
   * A line with its band: an invisible line at the low bound, the distance to the high bound
   * stacked on it and filled, then the line itself. All three share the name, so the legend
   * toggles them together.
   */
  static List<SeriesOption> band(String name, String color, Double[][] values) {
    Object[] low = new Object[values.length];
    Object[] range = new Object[values.length];
    Object[] line = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      Double[] v = values[i];
      line[i] = v == null ? null : ChartFrame.round(v[0], 2);
      low[i] = v == null ? null : ChartFrame.round(v[1], 2);
      range[i] = v == null ? null : ChartFrame.round(v[2] - v[1], 2);
    }
    String stack = "band:" + name;
    LineSeries lowLine = new LineSeries().setName(name).setStack(stack).setData(low).setShowSymbol(false)
        .setSilent(true).setTooltip(Map.of("show", false)).setLineStyle(new LineStyle().setOpacity(0))
        .setItemStyle(new ItemStyle().setColor(color));
    LineSeries rangeArea = new LineSeries().setName(name).setStack(stack).setData(range).setShowSymbol(false)
        .setSilent(true).setTooltip(Map.of("show", false)).setLineStyle(new LineStyle().setOpacity(0))
        .setItemStyle(new ItemStyle().setColor(color))
        .setAreaStyle(new LineAreaStyle().setColor(color).setOpacity(0.22));
    LineSeries main = new LineSeries().setName(name).setData(line).setSymbol("circle").setSymbolSize(5)
        .setZ(3).setLineStyle(new LineStyle().setColor(color).setWidth(2))
        .setItemStyle(new ItemStyle().setColor(color));
    // the line first: the legend takes its symbol from the first series of a name
    return List.of(main, lowLine, rangeArea);
  }

  private static List<Integer> years(int from, int to) {
    List<Integer> years = new ArrayList<>();
    for (int y = from; y <= to; y++) {
      years.add(y);
    }
    return years;
  }

  /** "In 2021: Female 1,234 (1,230–1,240), Male 567; 98 countries reported." */
  private static String describeLatest(List<TrendQuery.Series> series, Map<Integer, Integer> reporting) {
    int latest = series.stream().flatMap(s -> s.points().stream()).mapToInt(TrendQuery.Point::year).max().orElse(-1);
    if (latest < 0) {
      return "No country reported in the years selected.";
    }
    List<String> parts = new ArrayList<>();
    for (TrendQuery.Series s : series) {
      s.points().stream().filter(p -> p.year() == latest).findFirst().ifPresent(p ->
          parts.add(label(s.key()) + " " + ChartFrame.bounded(p.value(), p.low(), p.high())));
    }
    Integer n = reporting.get(latest);
    return "In " + latest + ": " + String.join(", ", parts) + (n == null ? "." : "; " + n + " countries reported.");
  }

  private static String describeShares(List<ShareQuery.Answer> perYear) {
    for (int i = perYear.size() - 1; i >= 0; i--) {
      ShareQuery.Answer a = perYear.get(i);
      List<String> parts = new ArrayList<>();
      for (ShareQuery.Part p : a.shares()) {
        if (p.value() != null) {
          parts.add(label(p.key()).toLowerCase(Locale.ROOT) + " " + ChartFrame.boundedPercent(p.value(), p.low(), p.high()));
        }
      }
      if (!parts.isEmpty()) {
        return "In " + a.year() + ", of " + ChartFrame.count(a.denominator().value())
            + " victims whose sex and age are known: " + String.join(", ", parts) + ".";
      }
    }
    return "No country reported victims by sex and age in the years selected.";
  }
}
