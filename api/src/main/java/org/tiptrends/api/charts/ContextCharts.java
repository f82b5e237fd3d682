package org.tiptrends.api.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.icepear.echarts.Option;
import org.icepear.echarts.charts.bar.BarSeries;
import org.icepear.echarts.charts.line.LineDataItem;
import org.icepear.echarts.charts.line.LineSeries;
import org.icepear.echarts.components.coord.cartesian.CategoryAxis;
import org.icepear.echarts.components.coord.cartesian.ValueAxis;
import org.icepear.echarts.components.series.ItemStyle;
import org.icepear.echarts.components.series.LineStyle;
import org.icepear.echarts.components.series.SeriesLabel;
import org.icepear.echarts.components.text.LabelLayout;
import org.icepear.echarts.origin.util.SeriesOption;
import org.tiptrends.api.http.Responses.CsvTable;
import org.tiptrends.api.queries.ConflictQuery;
import org.tiptrends.api.queries.Plural;
import org.tiptrends.api.queries.SectorQuery;
import org.tiptrends.api.queries.SourceNote;
import org.tiptrends.api.snapshot.Sectors;

/** The context of trafficking: children in hazardous work by sector (ILO), and armed conflict (UCDP). */
public final class ContextCharts {
  static final String IN_CONFLICT = "Countries in armed conflict (median)";
  static final String NOT_IN_CONFLICT = "Other countries (median)";
  /** Axis titles short enough for the plot (the measure's full description is in the title). */
  private static final Map<String, String> AXES = Map.of(
      "child_share", "Children (% of victims of known age)",
      "female_share", "Women and girls (% of victims of known sex)",
      "forced_labour_share", "Forced labour (% of detected victims)",
      "transregional_share", "From other regions (% of known origin)",
      "domestic_share", "Own nationals (% of known origin)",
      "detected_victims", "Detected victims");
  private static final Pattern AGE_BAND = Pattern.compile("(\\d+)(?:\\s*-\\s*(\\d+))?");

  private ContextCharts() {}

  /**
   * One year of ILOSTAT values by economic sector: a bar per sector, one series per age band. Bands
   * that hold others (5-17 beside 5-11, 12-14 and 15-17) are not drawn beside them, which would
   * count the same children twice: their figures are in the subtitle (ask {@code age=5-17} for a
   * chart of that band alone).
   *
   * @param a the query's rows, already limited to one sex and one year
   */
  public static Chart sectors(String id, SectorQuery.Answer a, String sex, int year, int width, int height) {
    java.util.Set<String> bands = new java.util.TreeSet<>(a.rows().stream().map(Sectors.Row::ageBand).toList());
    java.util.Set<String> containers = new java.util.TreeSet<>(bands.stream()
        .filter(b -> bands.stream().anyMatch(o -> !o.equals(b) && contains(b, o))).toList());
    // the "total" sector is the sum of the others: drawn beside them it would dwarf them; it is in the text
    List<Sectors.Row> rows = a.rows().stream().filter(r -> !r.sector().equalsIgnoreCase("total")
        && !containers.contains(r.ageBand())).toList();
    List<String> sectors = new ArrayList<>(new TreeSet<>(rows.stream().map(Sectors.Row::sector).toList()));
    Map<String, Map<String, Double>> byAge = new TreeMap<>();
    List<List<Object>> table = new ArrayList<>();
    for (Sectors.Row r : rows) {
      byAge.computeIfAbsent(r.ageBand(), k -> new TreeMap<>()).put(r.sector(), r.value());
      table.add(Arrays.asList(r.geoCode(), r.year(), r.sex(), r.ageBand(), r.sector(), r.value(), r.unit()));
    }
    String unit = a.unit() == null ? "" : " (" + a.unit() + ")";
    String indicator = a.indicator() == null ? "ILOSTAT value" : subject(a.indicator());
    String title = indicator + ", by economic sector, " + (a.geoName() == null ? a.geo() : a.geoName()) + ", " + year;
    String subtitle = "Sex: " + sex + ". Bars by age band" + unit + totals(a.rows(), containers)
        + ". A context for trafficking for forced labour, not a count of trafficking victims.";
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Map<String, Double>> e : byAge.entrySet()) {
      e.getValue().entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(top ->
          parts.add("age " + e.getKey() + ": most in " + top.getKey() + " (" + ChartFrame.count(top.getValue()) + ")"));
    }
    ChartTexts texts = ChartFrame.texts(title, subtitle, String.join("; ", parts) + ".", List.of(a.source()),
        a.source().martVersion(), "ILO regions are ILO's own groupings, not M49 regions.");
    ChartFrame frame = ChartFrame.of(width, texts);
    Option option = frame.option();
    List<String> ages = ordered(byAge.keySet());
    option.setLegend(frame.legend(ages.stream().map(x -> "Age " + x).toList()));
    // the axis says what is counted, not only the unit; wrapped, its further lines need room on the left
    String axis = ChartFrame.axisName(indicator + unit, frame.plotHeight(height, true));
    option.setGrid(frame.grid(true, false).setLeft(24 + 18 * (axis.split("\n").length - 1)));
    option.setXAxis(new CategoryAxis().setName("Economic sector").setNameLocation("middle").setNameGap(28)
        .setData(sectors.toArray()));
    option.setYAxis(new ValueAxis().setName(axis).setNameLocation("middle").setNameGap(58).setMin(0)
        .setNameTextStyle(new org.icepear.echarts.components.coord.AxisNameTextStyle().setLineHeight(15)));
    List<SeriesOption> series = new ArrayList<>();
    for (int i = 0; i < ages.size(); i++) {
      Map<String, Double> values = byAge.get(ages.get(i));
      series.add(new BarSeries().setName("Age " + ages.get(i))
          .setItemStyle(new org.icepear.echarts.charts.bar.BarItemStyle()
              .setColor(ChartFrame.PALETTE[i % ChartFrame.PALETTE.length]))
          .setData(sectors.stream().map(sct -> (Object) values.get(sct)).toArray()));
    }
    option.setSeries(series.toArray(SeriesOption[]::new));
    CsvTable data = new CsvTable(id + "-" + a.geo() + "-" + year, List.of("geo", "year", "sex", "age_band", "sector",
        "value", "unit"), table);
    return new Chart(id, data.name(), texts, width, height, option, data);
  }

  /**
   * What an indicator counts, without the breakdown its title names ("Children in hazardous work by
   * sex, age and economic activity" is "Children in hazardous work"): the chart says its own breakdown.
   */
  static String subject(String indicator) {
    String s = indicator.replaceFirst("\\s+by\\s+.*$", "").strip();
    return s.isEmpty() ? indicator : s;
  }

  /** "; ages 5-17 in all: 79,000 (agriculture 53,000, industry ..." for each band not drawn. */
  private static String totals(List<Sectors.Row> rows, java.util.Set<String> containers) {
    List<String> parts = new ArrayList<>();
    for (String band : containers) {
      Map<String, Double> bySector = new java.util.LinkedHashMap<>();
      rows.stream().filter(r -> r.ageBand().equals(band)).forEach(r -> bySector.put(r.sector(), r.value()));
      Double total = bySector.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("total"))
          .map(Map.Entry::getValue).findFirst().orElse(null);
      List<String> sectors = bySector.entrySet().stream().filter(e -> !e.getKey().equalsIgnoreCase("total"))
          .map(e -> e.getKey() + " " + ChartFrame.count(e.getValue())).toList();
      parts.add("ages " + band + " in all" + (total == null ? "" : ": " + ChartFrame.count(total))
          + (sectors.isEmpty() ? "" : " (" + String.join(", ", sectors) + ")"));
    }
    return parts.isEmpty() ? "" : "; " + String.join("; ", parts);
  }

  /**
   * Age bands in reading order: the narrow bands youngest first, then the bands that contain others
   * (5-11, 12-14, 15-17, then 5-17).
   */
  static List<String> ordered(java.util.Collection<String> bands) {
    return bands.stream().sorted(java.util.Comparator
        .comparing((String band) -> bands.stream().anyMatch(o -> !o.equals(band) && contains(band, o)))
        .thenComparing(band -> bounds(band)[0]).thenComparing(band -> bounds(band)[1])
        .thenComparing(java.util.Comparator.naturalOrder())).toList();
  }

  private static boolean contains(String outer, String inner) {
    int[] o = bounds(outer);
    int[] i = bounds(inner);
    return o[0] <= i[0] && i[1] <= o[1];
  }

  private static int[] bounds(String band) {
    Matcher m = AGE_BAND.matcher(band);
    if (m.find()) {
      int low = Integer.parseInt(m.group(1));
      return new int[] {low, m.group(2) == null ? Integer.MAX_VALUE : Integer.parseInt(m.group(2))};
    }
    return new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE};
  }

  /** The median of a measure among countries in armed conflict and among the others, by year. */
  public static Chart conflict(String id, ConflictQuery.Answer a, int width, int height) {
    boolean share = a.measure().endsWith("_share");
    List<ConflictQuery.Year> years = a.years().stream()
        .filter(y -> y.inConflict().median() != null || y.notInConflict().median() != null).toList();
    String title = "Armed conflict and " + a.description().toLowerCase(Locale.ROOT);
    long different = years.stream().filter(y -> y.mannWhitneyP() != null && y.mannWhitneyP() < 0.05).count();
    long tested = years.stream().filter(y -> y.mannWhitneyP() != null).count();
    int leftOut = years.stream().mapToInt(ConflictQuery.Year::leftOut).sum();
    String subtitle = "Median across reporting countries with and without an armed conflict located there in the year "
        + "(UCDP/PRIO gwno_loc: the government party's country, not always where the fighting is). The groups differ "
        + "(Mann–Whitney U, p < 0.05) in " + different + " of " + tested + " years tested."
        + (leftOut == 0 ? "" : " " + leftOut + " country-years whose share rests only on <5 cells are left out.")
        + " n = countries behind each median; markers grow with n.";
    List<List<Object>> rows = new ArrayList<>();
    Object[] in = new Object[years.size()];
    Object[] out = new Object[years.size()];
    int most = years.stream().mapToInt(y -> Math.max(y.inConflict().n(), y.notInConflict().n())).max().orElse(1);
    for (int i = 0; i < years.size(); i++) {
      ConflictQuery.Year y = years.get(i);
      // the higher median's label above it, the lower's below: they do not collide where the lines cross
      boolean inHigher = y.notInConflict().median() == null || (y.inConflict().median() != null
          && y.inConflict().median() >= y.notInConflict().median());
      in[i] = point(y.inConflict(), share, most, inHigher ? "top" : "bottom");
      out[i] = point(y.notInConflict(), share, most, inHigher ? "bottom" : "top");
      rows.add(Arrays.asList(y.year(), "in_conflict", y.inConflict().n(), y.inConflict().median(),
          y.inConflict().mean(), y.mannWhitneyP(), y.leftOut()));
      rows.add(Arrays.asList(y.year(), "not_in_conflict", y.notInConflict().n(), y.notInConflict().median(),
          y.notInConflict().mean(), y.mannWhitneyP(), y.leftOut()));
    }
    String description = years.isEmpty() ? "No year has reporting countries in both groups."
        : describeConflict(years.get(years.size() - 1), share);
    ChartTexts texts = ChartFrame.texts(title, subtitle, description, List.of(a.source()), a.source().martVersion(),
        ConflictQuery.NOTE, ConflictQuery.LOCATION, SourceNote.SUPPRESSION);
    ChartFrame frame = ChartFrame.of(width, texts);
    Option option = frame.option();
    option.setLegend(frame.legend(List.of(IN_CONFLICT, NOT_IN_CONFLICT)));
    String axis = ChartFrame.axisName(AXES.getOrDefault(a.measure(), capitalised(a.description()) + (share ? " (%)" : "")),
        frame.plotHeight(height, true));
    // the title stands 44 px left of the axis, past labels as narrow as "100": 36 px keep its first
    // line inside the chart; a wrapped title's further lines stand further out, 18 px each
    option.setGrid(frame.grid(true, false).setLeft(36 + 18 * (axis.split("\n").length - 1)));
    option.setXAxis(new CategoryAxis().setName("Year").setNameLocation("middle").setNameGap(28)
        .setData(years.stream().map(y -> String.valueOf(y.year())).toArray()));
    ValueAxis y = new ValueAxis().setName(axis).setNameLocation("middle").setNameGap(44).setMin(0)
        .setNameTextStyle(new org.icepear.echarts.components.coord.AxisNameTextStyle().setLineHeight(15));
    if (share) {
      y.setMax(100);
    }
    option.setYAxis(y);
    option.setSeries(new SeriesOption[] {
        // labels that would collide on a narrow chart are hidden (the CSV keeps every n)
        new LineSeries().setName(IN_CONFLICT).setData(in).setSymbol("circle").setSymbolSize(6)
            .setLabelLayout(new LabelLayout().setHideOverlap(true))
            .setLineStyle(new LineStyle().setColor(ChartFrame.PALETTE[1]).setWidth(2))
            .setItemStyle(new ItemStyle().setColor(ChartFrame.PALETTE[1])),
        new LineSeries().setName(NOT_IN_CONFLICT).setData(out).setSymbol("rect").setSymbolSize(6)
            .setLabelLayout(new LabelLayout().setHideOverlap(true))
            .setLineStyle(new LineStyle().setColor(ChartFrame.PALETTE[0]).setWidth(2))
            .setItemStyle(new ItemStyle().setColor(ChartFrame.PALETTE[0]))});
    CsvTable data = new CsvTable(id + "-" + a.measure(), List.of("year", "group", "countries", "median", "mean",
        "mann_whitney_p", "countries_left_out"), rows);
    return new Chart(id, data.name(), texts, width, height, option, data);
  }

  private static Object scaled(Double v, boolean share) {
    return v == null ? null : ChartFrame.round(share ? v * 100 : v, 2);
  }

  /**
   * A median labelled with its group's size, its marker growing with that size (diameter with the
   * square root of n): a median of 4 countries must not look like one of 63.
   */
  private static Object point(ConflictQuery.Group g, boolean share, int most, String position) {
    if (g.median() == null) {
      return null;
    }
    return new LineDataItem().setValue(scaled(g.median(), share))
        .setSymbolSize(ChartFrame.round(4 + 10 * Math.sqrt(g.n() / (double) Math.max(1, most)), 1))
        .setLabel(new SeriesLabel().setShow(true).setFormatter("n = " + g.n()).setPosition(position)
            .setFontSize(9).setColor(ChartFrame.MUTED));
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  private static String describeConflict(ConflictQuery.Year y, boolean share) {
    return "In " + y.year() + ": median " + text(y.inConflict().median(), share) + " in "
        + Plural.countries(y.inConflict().n()) + " in conflict against " + text(y.notInConflict().median(), share)
        + " in " + Plural.of(y.notInConflict().n(), "other country", "other countries") + ".";
  }

  private static String text(Double v, boolean share) {
    return v == null ? "none" : share ? ChartFrame.percent(v) : ChartFrame.count(v);
  }
}
