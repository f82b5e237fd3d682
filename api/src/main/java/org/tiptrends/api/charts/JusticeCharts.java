package org.tiptrends.api.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.icepear.echarts.Option;
import org.icepear.echarts.charts.bar.BarItemStyle;
import org.icepear.echarts.charts.bar.BarSeries;
import org.icepear.echarts.charts.boxplot.BoxplotSeries;
import org.icepear.echarts.charts.line.LineSeries;
import org.icepear.echarts.components.coord.AxisNameTextStyle;
import org.icepear.echarts.components.coord.cartesian.CategoryAxis;
import org.icepear.echarts.components.coord.cartesian.ValueAxis;
import org.icepear.echarts.components.series.ItemStyle;
import org.icepear.echarts.components.series.LineStyle;
import org.icepear.echarts.origin.util.SeriesOption;
import org.tiptrends.api.http.Responses.CsvTable;
import org.tiptrends.api.queries.Bounded;
import org.tiptrends.api.queries.Count;
import org.tiptrends.api.queries.FunnelQuery;
import org.tiptrends.api.queries.JusticeMeasure;
import org.tiptrends.api.queries.PlacePairQuery;
import org.tiptrends.api.queries.Plural;
import org.tiptrends.api.queries.SourceNote;
import org.tiptrends.api.queries.TrendQuery;
import org.tiptrends.api.routes.JusticeRoutes;
import org.tiptrends.api.routes.TrendRoutes;
import org.tiptrends.api.snapshot.Geography;

/**
 * Charts of the criminal-justice response ({@code justice_by_year}, issue 13): the measures over
 * time, and the funnel of one geography-year. Both draw the answers of the data endpoints as they
 * are: the numbers, bounds and ratios come from {@link TrendQuery} and {@link FunnelQuery}.
 */
public final class JusticeCharts {
  /** The caveat every justice chart carries: a year is the year of the decision. */
  public static final String YEAR_OF_DECISION = "Criminal-justice response, not the extent of trafficking: "
      + "persons convicted are counted in the year of conviction, not of the offence; offences are counted in "
      + "offences, not persons.";
  public static final String NOT_A_COHORT = "Not a cohort: a conviction ratio compares different people in "
      + "different years. Each ratio sums only the countries that reported both of its steps.";
  static final String COUNTRIES_BEHIND = "Countries reporting ";
  static final String BOUNDS = "Bounds of suppressed (<5) cells, 0–4 each";
  /** The steps as the funnel's axis names them, by measure code. */
  private static final Map<String, String> STEP_LABELS = Map.of("formal_contact", "Formal contact",
      "prosecuted", "Prosecuted", "convicted", "Convicted", "offences", "Offences",
      "detected_victims", "Detected victims");
  /** What a ratio's denominator is, after "per 100". */
  private static final Map<String, String> PER_100 = Map.of("formal_contact", "in formal contact",
      "prosecuted", "prosecuted", "detected_victims", "detected victims");

  private JusticeCharts() {}

  static String stepLabel(String code) {
    return STEP_LABELS.getOrDefault(code, code.replace('_', ' '));
  }

  /**
   * The measures of {@code justice_by_year} over the same years, each a line with its bounds as a
   * band; a measure the version has no rows of is not drawn (the subtitle says which are).
   */
  public static Chart trend(String id, List<TrendQuery.MeasureAnswer> measures, int from, int to, int width,
      int height) {
    TrendQuery.Answer first = measures.get(0).trend();
    List<Integer> reported = new ArrayList<>();
    measures.forEach(m -> m.trend().series().forEach(s -> s.points().forEach(p -> reported.add(p.year()))));
    List<Integer> years = TrendCharts.drawnYears(reported, from, to);
    String place = first.geo().name();
    String title = "Criminal-justice response to trafficking in persons, " + place + ", " + span(years);
    List<String> drawn = measures.stream().filter(JusticeCharts::hasPoints).map(m -> m.counts()).toList();
    String subtitle = "Persons brought into formal contact, prosecuted and convicted, and offences recorded, as "
        + "national authorities reported them; each point sums the countries that reported that measure that year "
        + "(the CSV gives how many). " + TrendCharts.BANDS
        + (drawn.size() < JusticeMeasure.values().length ? " The mart has rows of " + String.join(", ", drawn) + " only."
            : "");
    ChartTexts texts = ChartFrame.texts(title, subtitle, describeLatest(measures), List.of(first.source()),
        first.source().martVersion(), YEAR_OF_DECISION, SourceNote.SUPPRESSION);
    ChartFrame frame = ChartFrame.of(width, texts);
    Option option = frame.option();
    List<SeriesOption> series = new ArrayList<>();
    List<String> legend = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < measures.size(); i++) {
      TrendQuery.MeasureAnswer m = measures.get(i);
      String name = capitalised(m.counts());
      String color = ChartFrame.PALETTE[i % ChartFrame.PALETTE.length];
      Double[][] values = new Double[years.size()][];
      for (TrendQuery.Series s : m.trend().series()) {
        for (TrendQuery.Point p : s.points()) {
          int at = years.indexOf(p.year());
          if (at >= 0) {
            values[at] = new Double[] {p.value(), p.low(), p.high()};
          }
        }
      }
      if (hasPoints(m)) {
        legend.add(name);
        series.addAll(TrendCharts.band(name, color, values));
        series.add(countriesBehind(m, years));
      }
      // the endpoint's own rows, with the measure in front (one table for the four measures)
      for (List<Object> row : TrendRoutes.csv(m.measure(), m.trend()).rows()) {
        List<Object> r = new ArrayList<>();
        r.add(m.measure());
        r.add(m.unit());
        r.addAll(row.subList(0, row.size() - 1)); // without the endpoint's source column: the chart adds its own
        rows.add(r);
      }
    }
    option.setLegend(frame.legend(legend));
    option.setGrid(frame.grid(true, false));
    option.setXAxis(new CategoryAxis().setName("Year").setNameLocation("middle").setNameGap(28)
        .setData(years.stream().map(String::valueOf).toArray()).setBoundaryGap(true));
    // the axis name above the axis, not beside it: beside, it would need room the numbers' widths decide
    option.setYAxis(new Object[] {new ValueAxis().setName("Persons (offences for the offences line)")
        .setNameLocation("end").setNameGap(12).setNameTextStyle(new AxisNameTextStyle().setAlign("left")).setMin(0),
        new ValueAxis().setShow(false).setMin(0)});
    option.setSeries(series.toArray(SeriesOption[]::new));
    CsvTable data = new CsvTable(id + "-" + first.geo().code() + "-" + from + "-" + to, List.of("measure", "unit",
        "geo", "by", "key", "year", "value", "low", "high", "reporting_countries", "suppressed_only_countries",
        "balanced"), rows);
    return new Chart(id, data.name(), texts, width, height, option, data);
  }

  /**
   * One measure of {@code justice_by_year} by sex over the years: a line with its bounds as a band
   * per sex the version has rows of (female, male, other, unknown), from the answer of
   * {@code /api/v1/trends/{measure}?by=sex}; its CSV is that answer's.
   */
  public static Chart trendBySex(String id, TrendQuery.MeasureAnswer m, int from, int to, int width, int height) {
    TrendQuery.Answer a = m.trend();
    List<Integer> reported = new ArrayList<>();
    a.series().forEach(s -> s.points().forEach(p -> reported.add(p.year())));
    List<Integer> years = TrendCharts.drawnYears(reported, from, to);
    String title = capitalised(m.counts()) + " by sex, " + a.geo().name() + ", " + span(years);
    String subtitle = capitalised(m.counts()) + " for trafficking in persons by sex, as national authorities "
        + "reported them; each point sums the countries that reported that sex that year (the CSV gives how many). "
        + TrendCharts.BANDS;
    List<String> latest = new ArrayList<>();
    for (TrendQuery.Series s : a.series()) {
      if (!s.points().isEmpty()) {
        TrendQuery.Point p = s.points().get(s.points().size() - 1);
        latest.add(s.key() + " " + ChartFrame.bounded(p.value(), p.low(), p.high()) + " in " + p.year() + " ("
            + Plural.countries(p.reportingCountries()) + ")");
      }
    }
    ChartTexts texts = ChartFrame.texts(title, subtitle, latest.isEmpty()
        ? "No country reported " + m.counts() + " by sex in the years selected." : "Latest: " + String.join("; ", latest)
            + ".", List.of(a.source()), a.source().martVersion(), YEAR_OF_DECISION, SourceNote.SUPPRESSION);
    ChartFrame frame = ChartFrame.of(width, texts);
    Option option = frame.option();
    List<SeriesOption> series = new ArrayList<>();
    List<String> legend = new ArrayList<>();
    for (int i = 0; i < a.series().size(); i++) {
      TrendQuery.Series s = a.series().get(i);
      Double[][] values = new Double[years.size()][];
      s.points().forEach(p -> {
        int at = years.indexOf(p.year());
        if (at >= 0) {
          values[at] = new Double[] {p.value(), p.low(), p.high()};
        }
      });
      String name = capitalised(s.key());
      legend.add(name);
      series.addAll(TrendCharts.band(name, ChartFrame.PALETTE[i % ChartFrame.PALETTE.length], values));
    }
    option.setLegend(frame.legend(legend));
    option.setGrid(frame.grid(true, false));
    option.setXAxis(new CategoryAxis().setName("Year").setNameLocation("middle").setNameGap(28)
        .setData(years.stream().map(String::valueOf).toArray()).setBoundaryGap(true));
    option.setYAxis(new ValueAxis().setName(capitalised(m.unit())).setNameLocation("end").setNameGap(12)
        .setNameTextStyle(new AxisNameTextStyle().setAlign("left")).setMin(0));
    option.setSeries(series.toArray(SeriesOption[]::new));
    CsvTable all = TrendRoutes.csv(m.measure(), a);
    CsvTable data = new CsvTable(id + "-" + m.measure() + "-" + a.geo().code() + "-sex-" + from + "-" + to,
        all.header(), all.rows());
    return new Chart(id, data.name(), texts, width, height, option, data);
  }

  /**
   * The funnel: formal contact, prosecuted, convicted and detected victims as bars with their
   * bounds as boxes, each step's axis label giving its count and the ratio to the step before (over
   * the countries that reported both).
   */
  public static Chart funnel(String id, FunnelQuery.Answer a, int width, int height) {
    List<String> codes = new ArrayList<>();
    List<Count> counts = new ArrayList<>();
    a.steps().forEach(s -> {
      codes.add(s.measure());
      counts.add(s.persons());
    });
    codes.add("detected_victims");
    counts.add(a.detectedVictims());
    // the ratio whose numerator is a step is written under that step; convictions per 100 victims under the victims
    Map<String, FunnelQuery.Ratio> under = new LinkedHashMap<>();
    for (FunnelQuery.Ratio r : a.ratios()) {
      under.put(r.denominator().equals("detected_victims") ? "detected_victims" : r.numerator(), r);
    }
    List<String> categories = new ArrayList<>();
    List<String> spoken = new ArrayList<>();
    Object[] bars = new Object[codes.size()];
    Object[] boxes = new Object[codes.size()];
    for (int i = 0; i < codes.size(); i++) {
      Count c = counts.get(i);
      FunnelQuery.Ratio r = under.get(codes.get(i));
      // short lines: four steps share the width of a dashboard card
      categories.add(stepLabel(codes.get(i)) + "\n" + (c == null ? "no country reported" : ChartFrame.bounded(
          c.value(), c.low(), c.high()) + "\n" + Plural.countries(c.reportingCountries()))
          + (r == null ? "" : "\n" + ratioText(r)));
      spoken.add(stepLabel(codes.get(i)) + ": " + (c == null ? "no country reported" : ChartFrame.bounded(c.value(),
          c.low(), c.high()) + " from " + Plural.countries(c.reportingCountries()))
          + (r == null ? "" : ", " + ratioText(r).replace("\n", " ")));
      bars[i] = c == null ? "-" : ChartFrame.round(c.value(), 2);
      boxes[i] = c == null ? "-" : new Double[] {c.low(), c.low(), c.value(), c.high(), c.high()};
    }
    String title = "From formal contact to conviction, " + a.geo().name() + ", " + a.year();
    String subtitle = "Persons brought into formal contact, prosecuted and convicted for trafficking in persons, "
        + "beside detected victims, in " + a.year() + ". Under each step: its count and countries, and the ratio "
        + "to the step before over the countries that reported both. Boxes: " + BOUNDS + ".";
    List<SourceNote> sources = a.source().citation().equals(a.victimsSource().citation()) ? List.of(a.source())
        : List.of(a.source(), a.victimsSource());
    ChartTexts texts = ChartFrame.texts(title, subtitle, describe(a, spoken), sources,
        a.source().martVersion(), NOT_A_COHORT, YEAR_OF_DECISION, SourceNote.SUPPRESSION);
    ChartFrame frame = ChartFrame.of(width, texts);
    Option option = frame.option();
    option.setLegend(frame.legend(List.of("Persons", BOUNDS)));
    option.setGrid(frame.grid(true, false));
    option.setXAxis(new CategoryAxis().setData(categories.toArray()).setAxisLabel(Map.of("interval", 0,
        "fontSize", 11, "lineHeight", 14)));
    option.setYAxis(new ValueAxis().setName("Persons").setNameLocation("end").setNameGap(12)
        .setNameTextStyle(new AxisNameTextStyle().setAlign("left")).setMin(0));
    BarSeries bar = new BarSeries().setName("Persons").setData(bars).setBarMaxWidth(90)
        .setItemStyle(new BarItemStyle().setColor(ChartFrame.PALETTE[0]));
    BoxplotSeries box = new BoxplotSeries().setName(BOUNDS).setData(boxes).setBoxWidth(new Number[] {8, 24})
        .setItemStyle(new ItemStyle().setColor("rgba(0,0,0,0)").setBorderColor(ChartFrame.TEXT));
    option.setSeries(new SeriesOption[] {bar, box});
    CsvTable all = JusticeRoutes.csv(a);
    CsvTable data = new CsvTable("justice-funnel-" + a.geo().code() + "-" + a.year(),
        all.header().subList(0, all.header().size() - 1),
        all.rows().stream().map(row -> row.subList(0, row.size() - 1)).toList());
    return new Chart(id, data.name(), texts, width, height, option, data);
  }

  /**
   * Persons convicted per 100 detected victims in one year for the world and each region, as bars
   * with their bounds as boxes; each place's label gives its ratio and the countries it sums (those
   * that reported both), and a place without a ratio says why instead of drawing 0.
   */
  public static Chart convictionsPer100ByRegion(String id, int year, List<FunnelQuery.GeoRatio> places,
      SourceNote justice, SourceNote victims, int width, int height) {
    List<String> categories = new ArrayList<>();
    List<String> spoken = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    Object[] bars = new Object[places.size()];
    Object[] boxes = new Object[places.size()];
    for (int i = 0; i < places.size(); i++) {
      FunnelQuery.GeoRatio g = places.get(i);
      FunnelQuery.Ratio r = g.ratio();
      Bounded v = r.ratio();
      String text = v == null ? (r.countries() == 0 ? "no country\nreported both" : "may be 0:\nno ratio")
          : ChartFrame.bounded(ChartFrame.round(v.value(), 1), ChartFrame.round(v.low(), 1),
              ChartFrame.round(v.high(), 1));
      categories.add(g.geo().name() + "\n" + text + (r.countries() == 0 ? "" : "\n" + Plural.countries(r.countries())));
      spoken.add(g.geo().name() + " " + text.replace("\n", " ") + (r.countries() == 0 ? ""
          : " (" + Plural.countries(r.countries()) + ")"));
      bars[i] = v == null ? "-" : ChartFrame.round(v.value(), 2);
      boxes[i] = v == null ? "-" : new Double[] {v.low(), v.low(), v.value(), v.high(), v.high()};
      rows.add(java.util.Arrays.asList(g.geo().code(), g.geo().name(), g.geo().level(), year,
          v == null ? null : v.value(), v == null ? null : v.low(), v == null ? null : v.high(), r.countries(),
          r.numeratorSum() == null ? null : r.numeratorSum().value(),
          r.denominatorSum() == null ? null : r.denominatorSum().value(), r.denominatorMayBeZero()));
    }
    String title = "Persons convicted per 100 detected victims, by region, " + year;
    String subtitle = "Persons convicted for trafficking in persons per 100 victims detected in " + year + ", each "
        + "place over its countries that reported both. Boxes: bounds of suppressed (<5) cells (the lowest ratio "
        + "takes convictions at their low and victims at their high end).";
    List<SourceNote> sources = justice.citation().equals(victims.citation()) ? List.of(justice)
        : List.of(justice, victims);
    ChartTexts texts = ChartFrame.texts(title, subtitle, "In " + year + ": " + String.join("; ", spoken) + ".",
        sources, justice.martVersion(), NOT_A_COHORT, YEAR_OF_DECISION, SourceNote.SUPPRESSION);
    ChartFrame frame = ChartFrame.of(width, texts);
    Option option = frame.option();
    option.setLegend(frame.legend(List.of("Convicted per 100 detected victims", BOUNDS)));
    option.setGrid(frame.grid(true, false));
    option.setXAxis(new CategoryAxis().setData(categories.toArray()).setAxisLabel(Map.of("interval", 0,
        "fontSize", 11, "lineHeight", 14)));
    option.setYAxis(new ValueAxis().setName("Convicted per 100 detected victims").setNameLocation("end")
        .setNameGap(12).setNameTextStyle(new AxisNameTextStyle().setAlign("left")).setMin(0));
    BarSeries bar = new BarSeries().setName("Convicted per 100 detected victims").setData(bars).setBarMaxWidth(70)
        .setItemStyle(new BarItemStyle().setColor(ChartFrame.PALETTE[0]));
    BoxplotSeries box = new BoxplotSeries().setName(BOUNDS).setData(boxes).setBoxWidth(new Number[] {8, 24})
        .setItemStyle(new ItemStyle().setColor("rgba(0,0,0,0)").setBorderColor(ChartFrame.TEXT));
    option.setSeries(new SeriesOption[] {bar, box});
    CsvTable data = new CsvTable(id + "-" + year, List.of("geo", "geo_name", "geo_level", "year",
        "convicted_per_100_detected_victims", "low", "high", "countries_reporting_both", "convicted", "detected_victims",
        "denominator_may_be_zero"), rows);
    return new Chart(id, data.name(), texts, width, height, option, data);
  }

  /**
   * The citizenship of persons convicted in a geography, by year: stacked bars of the convicting
   * country's own nationals and of foreigners by how far from home (same sub-region, same region,
   * another region), then foreigners of unstated and of unknown citizenship; each year's label gives
   * its total with bounds and the countries behind it.
   */
  public static Chart convictedByCitizenship(String id, Geography geo, List<PlacePairQuery.YearByFlowType> years,
      SourceNote source, int width, int height) {
    if (years.isEmpty()) {
      return nothingReported(id, geo, source, width, height);
    }
    List<String> categories = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    Map<String, Object[]> stacks = new LinkedHashMap<>();
    for (String type : FlowCharts.FLOW_TYPES.keySet()) {
      stacks.put(type, new Object[years.size()]);
    }
    for (int i = 0; i < years.size(); i++) {
      PlacePairQuery.YearByFlowType y = years.get(i);
      categories.add(y.year() + "\n" + ChartFrame.count(y.total().value()) + "\n" + Plural.countries(y.countries()));
      for (Map.Entry<String, Bounded> e : y.byFlowType().entrySet()) {
        stacks.computeIfAbsent(e.getKey(), k -> new Object[years.size()])[i] = ChartFrame.round(e.getValue().value(), 1);
        rows.add(java.util.Arrays.asList(geo.code(), y.year(), e.getKey(), e.getValue().value(), e.getValue().low(),
            e.getValue().high(), y.countries(), y.suppressedRows()));
      }
    }
    PlacePairQuery.YearByFlowType last = years.get(years.size() - 1);
    Bounded domestic = last.byFlowType().get("domestic");
    String title = "Citizenship of persons convicted of trafficking, " + geo.name() + ", " + years.get(0).year()
        + (years.size() > 1 ? "–" + last.year() : "");
    String subtitle = "Persons convicted by the convicting country's own nationals and foreigners (by M49 "
        + "sub-region and region of their citizenship); bars are point values. Under each year: persons convicted "
        + "by citizenship and the countries that reported them.";
    String description = "In " + last.year() + ", " + ChartFrame.bounded(last.total().value(), last.total().low(),
        last.total().high()) + " persons convicted by citizenship from " + Plural.countries(last.countries())
        + (domestic == null ? "" : ", of them " + ChartFrame.bounded(domestic.value(), domestic.low(), domestic.high())
            + " nationals of the convicting country") + ".";
    ChartTexts texts = ChartFrame.texts(title, subtitle, description, List.of(source), source.martVersion(),
        PlacePairQuery.CONVICTION_YEAR, "Citizenship as the convicting country recorded it; few countries report it.",
        SourceNote.SUPPRESSION);
    ChartFrame frame = ChartFrame.of(width, texts);
    Option option = frame.option();
    List<String> legend = new ArrayList<>();
    List<SeriesOption> series = new ArrayList<>();
    int colour = 0;
    for (Map.Entry<String, Object[]> e : stacks.entrySet()) {
      String name = FlowCharts.FLOW_TYPES.getOrDefault(e.getKey(), e.getKey());
      String color = FlowCharts.FLOW_COLORS[colour++ % FlowCharts.FLOW_COLORS.length];
      if (java.util.Arrays.stream(e.getValue()).allMatch(java.util.Objects::isNull)) {
        continue;
      }
      legend.add(name);
      series.add(new BarSeries().setName(name).setStack("persons").setData(e.getValue()).setBarMaxWidth(60)
          .setItemStyle(new BarItemStyle().setColor(color)));
    }
    option.setLegend(frame.legend(legend));
    option.setGrid(frame.grid(true, false));
    option.setXAxis(new CategoryAxis().setData(categories.toArray()).setAxisLabel(Map.of("interval", 0,
        "fontSize", 11, "lineHeight", 14)));
    option.setYAxis(new ValueAxis().setName("Persons convicted").setNameLocation("end").setNameGap(12)
        .setNameTextStyle(new AxisNameTextStyle().setAlign("left")).setMin(0));
    option.setSeries(series.toArray(SeriesOption[]::new));
    CsvTable data = new CsvTable(id + "-" + geo.code() + "-" + years.get(0).year() + "-" + last.year(),
        List.of("geo", "year", "flow_type", "persons", "low", "high", "reporting_countries", "suppressed_rows"), rows);
    return new Chart(id, data.name(), texts, width, height, option, data);
  }

  /** A geography none of whose countries reported convictions by citizenship: said in words, nothing drawn as 0. */
  private static Chart nothingReported(String id, Geography geo, SourceNote source, int width, int height) {
    String nothing = "No country of " + geo.name() + " reported persons convicted by citizenship in this mart version.";
    ChartTexts texts = ChartFrame.texts("Citizenship of persons convicted of trafficking, " + geo.name(), nothing
        + " Few countries report the citizenship of persons convicted, and only from 2017 on.", nothing,
        List.of(source), source.martVersion(), PlacePairQuery.CONVICTION_YEAR, SourceNote.SUPPRESSION);
    Option option = ChartFrame.of(width, texts).option();
    CsvTable data = new CsvTable(id + "-" + geo.code(), List.of("geo", "year", "flow_type", "persons", "low", "high",
        "reporting_countries", "suppressed_rows"), List.of());
    return new Chart(id, data.name(), texts, width, height, option, data);
  }

  /**
   * The countries each point of a measure sums, as an undrawn line on a hidden axis: the axis
   * tooltip lists it under the measure's value (a tooltip formatter would be a function, which an
   * option sent as JSON cannot carry).
   */
  private static LineSeries countriesBehind(TrendQuery.MeasureAnswer m, List<Integer> years) {
    Object[] countries = new Object[years.size()];
    m.trend().series().forEach(s -> s.points().forEach(p -> {
      int at = years.indexOf(p.year());
      if (at >= 0) {
        countries[at] = p.reportingCountries();
      }
    }));
    return new LineSeries().setName(COUNTRIES_BEHIND + m.counts()).setYAxisIndex(1).setData(countries)
        .setSymbol("none").setSilent(true).setLineStyle(new LineStyle().setOpacity(0))
        .setItemStyle(new ItemStyle().setColor(ChartFrame.MUTED));
  }

  /** "25 (24–27)\nper 100 prosecuted\n(3 countries)", or why no ratio is stated, in short lines for the axis. */
  static String ratioText(FunnelQuery.Ratio r) {
    String per = "per 100 " + PER_100.getOrDefault(r.denominator(), r.denominator().replace('_', ' '));
    if (r.ratio() == null) {
      return r.countries() == 0 ? "no ratio (no country\nreported both)" : "no ratio " + per + "\n(may be 0)";
    }
    double scale = 100.0 / r.per();
    Bounded v = r.ratio();
    return ChartFrame.bounded(ChartFrame.round(v.value() * scale, 1), ChartFrame.round(v.low() * scale, 1),
        ChartFrame.round(v.high() * scale, 1)) + "\n" + per + "\n(" + Plural.countries(r.countries()) + ")";
  }

  private static String describe(FunnelQuery.Answer a, List<String> steps) {
    return "In " + a.year() + ": " + String.join("; ", steps) + ".";
  }

  private static String describeLatest(List<TrendQuery.MeasureAnswer> measures) {
    List<String> parts = new ArrayList<>();
    for (TrendQuery.MeasureAnswer m : measures) {
      m.trend().series().stream().flatMap(s -> s.points().stream()).reduce((x, y) -> y).ifPresent(p ->
          parts.add(m.counts() + " " + ChartFrame.bounded(p.value(), p.low(), p.high()) + " in " + p.year() + " ("
              + Plural.countries(p.reportingCountries()) + ")"));
    }
    return parts.isEmpty() ? "No country reported in the years selected." : "Latest: " + String.join("; ", parts)
        + ".";
  }

  private static boolean hasPoints(TrendQuery.MeasureAnswer m) {
    return m.trend().series().stream().anyMatch(s -> !s.points().isEmpty());
  }

  private static String capitalised(String s) {
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  private static String span(List<Integer> years) {
    return years.get(0).equals(years.get(years.size() - 1)) ? String.valueOf(years.get(0))
        : years.get(0) + "–" + years.get(years.size() - 1);
  }

}
