package org.tiptrends.api.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.icepear.echarts.Option;
import org.icepear.echarts.charts.bar.BarItemStyle;
import org.icepear.echarts.charts.bar.BarSeries;
import org.icepear.echarts.charts.line.LineAreaStyle;
import org.icepear.echarts.charts.line.LineSeries;
import org.icepear.echarts.components.coord.SplitLine;
import org.icepear.echarts.components.coord.cartesian.CategoryAxis;
import org.icepear.echarts.components.coord.cartesian.ValueAxis;
import org.icepear.echarts.components.series.ItemStyle;
import org.icepear.echarts.components.series.LineStyle;
import org.icepear.echarts.origin.util.SeriesOption;
import org.tiptrends.api.http.Responses.CsvTable;
import org.tiptrends.api.queries.BalancedPanel;
import org.tiptrends.api.queries.Plural;
import org.tiptrends.api.queries.ShareQuery;
import org.tiptrends.api.queries.SourceNote;
import org.tiptrends.api.queries.TrendQuery;
import org.tiptrends.api.snapshot.Geography;

/**
 * Charts over time from {@code victims_by_year}: detected victims (total or by a breakdown) with
 * the bounds of suppressed cells drawn as a band and the countries behind the lines as stacked bars
 * (those that gave an exact count, and those that gave only {@code <5} cells), and the
 * women/men/girls/boys shares with their bounds. The years drawn run from the first to the last
 * year with a value: years before anyone reported, or after, are not drawn.
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
  /** The two parts of a coverage bar, as the legend names them. */
  static final String EXACT = "Countries giving an exact count";
  static final String ONLY_SUPPRESSED = "Countries giving only <5 cells (0–4 each)";
  static final String BANDS = "Bands show the bounds of values with suppressed (<5) cells, each 0–4.";
  /** How many panel countries a subtitle names before "and N more". */
  static final int NAMED = 12;

  private TrendCharts() {}

  static String label(String key) {
    return LABELS.getOrDefault(key, key.replace('_', ' '));
  }

  /** Detected victims over time, with the countries behind each year unless the geography is one country. */
  public static Chart victims(String id, TrendQuery.Answer trend, int width, int height) {
    List<TrendQuery.Series> drawn = trend.series().stream().filter(s -> !s.points().isEmpty()).toList();
    List<Integer> years = drawnYears(drawn.stream().flatMap(s -> s.points().stream()).map(TrendQuery.Point::year)
        .toList(), trend.from(), trend.to());
    Map<Integer, TrendQuery.Coverage> coverage = new HashMap<>();
    trend.coverage().forEach(c -> coverage.put(c.year(), c));
    // one country's own trend rests on that country: a coverage axis would say nothing
    boolean bars = !trend.geo().level().equals(Geography.COUNTRY);
    String place = trend.geo().name();
    String title = (trend.by().equals("form") ? "Detected victims by form of exploitation"
        : "Detected victims of trafficking" + BY.getOrDefault(trend.by(), "")) + ", " + place
        + ", " + span(years);
    String who = trend.balanced() ? panelText(trend.panel(), trend.countries())
        : bars ? "All countries that reported each year; the number reporting changes over time."
        : "As reported by " + place + ".";
    String subtitle = "Victims detected and reported by national authorities. " + who + " " + BANDS
        + (bars ? " Bars: the countries behind the lines; the light part gave only <5 cells." : "");
    String latest = describeLatest(drawn, coverage, bars);
    String description = !trend.balanced() ? latest : "Balanced panel: " + trend.panel().note()
        + (drawn.isEmpty() ? "" : " " + latest)
        + (trend.countries().isEmpty() ? "" : " The panel: " + names(trend.countries(), Integer.MAX_VALUE) + ".");
    ChartTexts texts = ChartFrame.texts(title, subtitle, description, List.of(trend.source()),
        trend.source().martVersion(), "Detections, not prevalence: changes can reflect enforcement and reporting.",
        SourceNote.SUPPRESSION);
    ChartFrame frame = ChartFrame.of(width, texts);
    Option option = frame.option();
    List<String> legend = new ArrayList<>(drawn.stream().map(s -> label(s.key())).toList());
    if (bars) {
      legend.addAll(List.of(EXACT, ONLY_SUPPRESSED));
    }
    option.setLegend(frame.legend(legend));
    option.setGrid(frame.grid(true, bars));
    option.setXAxis(new CategoryAxis().setName("Year").setNameLocation("middle").setNameGap(28)
        .setData(years.stream().map(String::valueOf).toArray()).setBoundaryGap(true));
    ValueAxis victimsAxis = new ValueAxis().setName("Detected victims").setNameLocation("middle").setNameGap(56)
        .setMin(0);
    List<SeriesOption> series = new ArrayList<>();
    if (bars) {
      option.setYAxis(new Object[] {victimsAxis,
          new ValueAxis().setName(REPORTING).setNameLocation("middle").setNameGap(36).setMin(0).setMinInterval(1)
              .setPosition("right").setSplitLine(new SplitLine().setShow(false))});
      series.add(coverageBar(EXACT, "#aeb3bc", years.stream().map(y -> coverage.get(y) == null ? null
          : (Object) (coverage.get(y).reportingCountries() - coverage.get(y).suppressedOnlyCountries())).toArray()));
      series.add(coverageBar(ONLY_SUPPRESSED, "#dfe2e7", years.stream().map(y -> coverage.get(y) == null ? null
          : (Object) coverage.get(y).suppressedOnlyCountries()).toArray()));
    } else {
      option.setYAxis(victimsAxis);
    }
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < drawn.size(); i++) {
      TrendQuery.Series s = drawn.get(i);
      String color = ChartFrame.PALETTE[i % ChartFrame.PALETTE.length];
      Double[][] values = byYear(years, s.points().stream()
          .map(p -> new double[] {p.year(), p.value(), p.low(), p.high()}).toList());
      series.addAll(band(label(s.key()), color, values));
      for (TrendQuery.Point p : s.points()) {
        TrendQuery.Coverage c = coverage.get(p.year());
        rows.add(Arrays.asList(trend.geo().code(), trend.by(), s.key(), p.year(), p.value(), p.low(), p.high(),
            p.reportingCountries(), p.suppressedOnlyCountries(), c == null ? null : c.reportingCountries(),
            c == null ? null : c.suppressedOnlyCountries(), trend.balanced()));
      }
    }
    option.setSeries(series.toArray(SeriesOption[]::new));
    CsvTable data = new CsvTable(id + "-" + trend.geo().code() + "-" + trend.from() + "-" + trend.to(),
        List.of("geo", "by", "series", "year", "value", "low", "high", "reporting_countries",
            "suppressed_only_countries", "lines_reporting_countries", "lines_suppressed_only_countries", "balanced"),
        rows);
    return new Chart(id, data.name(), texts, width, height, option, data);
  }

  private static BarSeries coverageBar(String name, String color, Object[] data) {
    return new BarSeries().setName(name).setYAxisIndex(1).setStack("coverage").setBarMaxWidth(18).setZ(1)
        .setItemStyle(new BarItemStyle().setColor(color)).setData(data);
  }

  /**
   * Women, men, girls and boys as shares of victims whose sex and age are both known, by year.
   *
   * @param panel the balanced panel the shares sum, or {@code null} for every reporting country
   */
  public static Chart demographicShares(String id, List<ShareQuery.Answer> perYear, int from, int to,
      BalancedPanel panel, String martVersion, int width, int height) {
    ShareQuery.Answer any = perYear.get(0);
    List<String> keys = any.shares().stream().map(ShareQuery.Part::key).toList();
    List<List<Object>> rows = new ArrayList<>();
    Map<String, List<double[]>> points = new HashMap<>();
    List<Integer> withShares = new ArrayList<>();
    List<Integer> allSuppressed = new ArrayList<>();
    for (ShareQuery.Answer a : perYear) {
      for (ShareQuery.Part part : a.shares()) {
        if (part.value() == null) {
          continue;
        }
        withShares.add(a.year());
        points.computeIfAbsent(part.key(), k -> new ArrayList<>())
            .add(new double[] {a.year(), part.value() * 100, part.low() * 100, part.high() * 100});
        rows.add(Arrays.asList(a.geo().code(), a.year(), part.key(), part.value(), part.low(), part.high(),
            part.victims() == null ? 0.0 : part.victims().value(), a.denominator().value(),
            a.denominator().low(), a.denominator().mayBeZero(),
            part.victims() == null ? 0 : part.victims().reportingCountries(),
            part.victims() == null ? 0 : part.victims().suppressedOnlyCountries(), panel != null));
      }
      if (a.denominator().mayBeZero()) {
        allSuppressed.add(a.year());
      }
    }
    List<Integer> years = drawnYears(withShares, from, to);
    String title = "Women, men, girls and boys among detected victims, " + any.geo().name() + ", " + span(years);
    String subtitle = "Shares among victims whose sex (female, male) and age (adult, child) are both known. "
        + (panel == null ? "" : panelText(panel, panel.countries()) + " ")
        + "Years in which no country reported are gaps. " + BANDS
        + (allSuppressed.isEmpty() ? "" : " In " + String.join(", ", allSuppressed.stream().map(String::valueOf)
            .toList()) + " every cell was <5 (maybe no victim at all): the shares there say little.");
    String description = (panel == null ? "" : "Balanced panel: " + panel.note() + " ") + describeShares(perYear);
    ChartTexts texts = ChartFrame.texts(title, subtitle, description, List.of(any.source()), martVersion,
        "Detections, not prevalence: who is detected depends on where authorities look.", SourceNote.SUPPRESSION);
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
        "series", "share", "share_low", "share_high", "victims", "denominator", "denominator_low",
        "denominator_may_be_zero", "reporting_countries", "suppressed_only_countries", "balanced"), rows);
    return new Chart(id, data.name(), texts, width, height, option, data);
  }

  /**
   * "Balanced panel: 12 of the 143 countries that reported in 2010–2020 reported in every year: A,
   * B, ... and 2 more." or the note saying that no country did.
   */
  static String panelText(BalancedPanel panel, List<Geography> countries) {
    String text = "Balanced panel: " + panel.note();
    return countries.isEmpty() ? text : text.substring(0, text.length() - 1) + ": " + names(countries, NAMED) + ".";
  }

  /** Names, the first {@code limit} of them, then "and N more". */
  static String names(List<Geography> countries, int limit) {
    List<String> names = countries.stream().limit(limit).map(Geography::name).toList();
    return String.join(", ", names)
        + (countries.size() > limit ? " and " + (countries.size() - limit) + " more" : "");
  }

  /** "2007–2021", or "2018" for one year. */
  private static String span(List<Integer> years) {
    return years.get(0).equals(years.get(years.size() - 1)) ? String.valueOf(years.get(0))
        : years.get(0) + "–" + years.get(years.size() - 1);
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

  /**
   * The years drawn: from the first to the last year with a value (gaps between stay, as gaps);
   * the whole requested range when nothing was reported, so the empty chart still says which years.
   */
  static List<Integer> drawnYears(List<Integer> reported, int from, int to) {
    int first = reported.stream().mapToInt(Integer::intValue).min().orElse(from);
    int last = reported.stream().mapToInt(Integer::intValue).max().orElse(to);
    List<Integer> years = new ArrayList<>();
    for (int y = first; y <= last; y++) {
      years.add(y);
    }
    return years;
  }

  /** "In 2021: Female 1,234 (1,230–1,240), Male 567; 98 countries reported, 12 of them only <5 cells." */
  private static String describeLatest(List<TrendQuery.Series> series, Map<Integer, TrendQuery.Coverage> coverage,
      boolean countCountries) {
    int latest = series.stream().flatMap(s -> s.points().stream()).mapToInt(TrendQuery.Point::year).max().orElse(-1);
    if (latest < 0) {
      return "No country reported in the years selected.";
    }
    List<String> parts = new ArrayList<>();
    for (TrendQuery.Series s : series) {
      s.points().stream().filter(p -> p.year() == latest).findFirst().ifPresent(p ->
          parts.add(label(s.key()) + " " + ChartFrame.victims(p.value(), p.low(), p.high())));
    }
    TrendQuery.Coverage c = coverage.get(latest);
    String who = !countCountries || c == null ? "."
        : "; " + Plural.countries(c.reportingCountries()) + " reported" + (c.suppressedOnlyCountries() == 0 ? "."
            : ", " + c.suppressedOnlyCountries() + " of them only <5 cells.");
    return "In " + latest + ": " + String.join(", ", parts) + who;
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
        return "In " + a.year() + ", of " + ChartFrame.victims(a.denominator().value(), a.denominator().low(),
            a.denominator().high()) + " victims whose sex and age are known: " + String.join(", ", parts) + ".";
      }
    }
    return "No country reported victims by sex and age in the years selected.";
  }
}
