package org.tiptrends.api.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.icepear.echarts.Option;
import org.icepear.echarts.charts.sankey.SankeyEdgeItem;
import org.icepear.echarts.charts.sankey.SankeyEdgeStyle;
import org.icepear.echarts.charts.sankey.SankeyNodeItem;
import org.icepear.echarts.charts.sankey.SankeySeries;
import org.icepear.echarts.components.series.ItemStyle;
import org.icepear.echarts.components.series.SeriesLabel;
import org.icepear.echarts.components.tooltip.Tooltip;
import org.tiptrends.api.http.Responses.CsvTable;
import org.tiptrends.api.queries.Bounded;
import org.tiptrends.api.queries.FlowQuery;
import org.tiptrends.api.queries.PlacePairQuery;
import org.tiptrends.api.queries.SourceNote;

/**
 * Flows of detected victims as a Sankey diagram: origins (by citizenship) → flow type (domestic,
 * subregional, regional, transregional, foreign unspecified, unknown) → where they were detected.
 */
public final class FlowCharts {
  static final Map<String, String> FLOW_TYPES = new LinkedHashMap<>();

  static {
    FLOW_TYPES.put("domestic", "Domestic");
    FLOW_TYPES.put("subregional", "Same sub-region");
    FLOW_TYPES.put("regional", "Same region");
    FLOW_TYPES.put("transregional", "Other regions");
    FLOW_TYPES.put("foreign_unspecified", "Foreign, origin not given");
    FLOW_TYPES.put("unknown", "Origin unknown");
  }

  static final String[] FLOW_COLORS = {"#009E73", "#56B4E9", "#0072B2", "#D55E00", "#999999", "#BBBBBB"};

  private FlowCharts() {}

  /**
   * @param year the year drawn (flows of other years in {@code answer} are left out)
   * @param top how many origins and destinations get their own node; the rest are summed
   */
  public static Chart sankey(String id, FlowQuery.Answer answer, int year, int top, int width, int height) {
    List<FlowQuery.Flow> flows = answer.flows().stream().filter(f -> f.year() == year && f.value() > 0).toList();
    Map<String, Double> byOrigin = new LinkedHashMap<>();
    Map<String, Double> byDestination = new LinkedHashMap<>();
    for (FlowQuery.Flow f : flows) {
      byOrigin.merge(f.origin().name(), f.value(), Double::sum);
      byDestination.merge(f.destination().name(), f.value(), Double::sum);
    }
    List<String> keptOrigins = largest(byOrigin, top);
    List<String> keptDestinations = largest(byDestination, top);
    String otherOrigins = "Other origins (" + (byOrigin.size() - keptOrigins.size()) + ")";
    String otherDestinations = "Other countries (" + (byDestination.size() - keptDestinations.size()) + ")";

    Map<String, double[]> originToType = new LinkedHashMap<>();
    Map<String, double[]> typeToDestination = new LinkedHashMap<>();
    double total = 0;
    double low = 0;
    double high = 0;
    int suppressed = 0;
    List<List<Object>> rows = new ArrayList<>();
    for (FlowQuery.Flow f : flows) {
      String origin = keptOrigins.contains(f.origin().name()) ? f.origin().name() : otherOrigins;
      String destination = "Detected in " + (keptDestinations.contains(f.destination().name())
          ? f.destination().name() : otherDestinations);
      String type = FLOW_TYPES.getOrDefault(f.flowType(), f.flowType());
      add(originToType, origin + "\u0000" + type, f.value(), f.low(), f.high());
      add(typeToDestination, type + "\u0000" + destination, f.value(), f.low(), f.high());
      total += f.value();
      low += f.low();
      high += f.high();
      if (f.low() != f.high()) {
        suppressed++;
      }
      rows.add(List.of(f.year(), f.destination().code(), f.destination().name(), f.origin().code(),
          f.origin().name(), f.flowType(), f.value(), f.low(), f.high(), origin, destination));
    }

    FlowQuery.Filter filter = answer.filter();
    String where = filter.destination() != null ? filter.destination().name() : "countries that detected them";
    String title = filter.destination() != null
        ? "Where victims detected in " + where + " came from, " + year
        : "Where victims from " + filter.origin().name() + " were detected, " + year;
    String subtitle = "Victims by citizenship, through how far they travelled: own country, same sub-region, "
        + "same region, or another region (M49). Widths are point values; " + suppressed + " of " + flows.size()
        + " flows come from suppressed (<5) cells, so the total is " + ChartFrame.bounded(total, low, high) + ".";
    String description = describe(answer, year, total, low, high);
    ChartTexts texts = ChartFrame.texts(title, subtitle, description, List.of(answer.source()),
        answer.source().martVersion(), "Detections, not prevalence: flows describe detected victims only.",
        SourceNote.SUPPRESSION);
    ChartFrame frame = ChartFrame.of(width, texts);
    Option option = frame.option();
    option.setTooltip(new Tooltip().setTrigger("item"));

    option.setSeries(new SankeySeries[] {series(frame, "Detected victims", originToType, typeToDestination)});
    String code = filter.destination() != null ? filter.destination().code() : filter.origin().code();
    CsvTable data = new CsvTable(id + "-" + code + "-" + year, List.of("year", "destination", "destination_name",
        "origin", "origin_name", "flow_type", "value", "low", "high", "origin_node", "destination_node"), rows);
    return new Chart(id, data.name(), texts, width, height, option, data);
  }

  /**
   * Victims by country of repatriation in one year as a Sankey diagram: the reporting country (or
   * the largest ones) → flow type → country of repatriation. The export does not say which way the
   * victims went, so the columns keep its two roles: who reported the row, and the place it names.
   *
   * @param year the year drawn (rows of other years in {@code answer} are left out)
   * @param top how many reporting countries and countries of repatriation get their own node
   */
  public static Chart repatriation(String id, PlacePairQuery.Answer answer, int year, int top, int width, int height) {
    List<PlacePairQuery.PairRow> pairs = answer.rows().stream().filter(r -> r.year() == year && r.value() > 0).toList();
    if (pairs.isEmpty()) {
      throw new org.tiptrends.api.http.BadRequest("country", "no victims by country of repatriation for this "
          + "selection in " + year + " in the live mart version");
    }
    Map<String, Double> byReporting = new LinkedHashMap<>();
    Map<String, Double> byPlace = new LinkedHashMap<>();
    for (PlacePairQuery.PairRow r : pairs) {
      byReporting.merge(r.country().name(), r.value(), Double::sum);
      byPlace.merge(r.place().name(), r.value(), Double::sum);
    }
    List<String> keptReporting = largest(byReporting, top);
    List<String> keptPlaces = largest(byPlace, top);
    Map<String, double[]> reportingToType = new LinkedHashMap<>();
    Map<String, double[]> typeToPlace = new LinkedHashMap<>();
    double[] total = new double[3];
    int suppressed = 0;
    List<List<Object>> rows = new ArrayList<>();
    for (PlacePairQuery.PairRow r : pairs) {
      String left = "Reported by " + (keptReporting.contains(r.country().name()) ? r.country().name()
          : "other countries (" + (byReporting.size() - keptReporting.size()) + ")");
      String right = keptPlaces.contains(r.place().name()) ? r.place().name()
          : "Other places (" + (byPlace.size() - keptPlaces.size()) + ")";
      String type = FLOW_TYPES.getOrDefault(r.flowType(), r.flowType());
      add(reportingToType, left + "\u0000" + type, r.value(), r.low(), r.high());
      add(typeToPlace, type + "\u0000" + right, r.value(), r.low(), r.high());
      total[0] += r.value();
      total[1] += r.low();
      total[2] += r.high();
      suppressed += r.low() != r.high() ? 1 : 0;
      rows.add(List.of(r.year(), r.country().code(), r.country().name(), r.place().code(), r.place().name(),
          r.flowType(), r.value(), r.low(), r.high(), left, right));
    }
    String who = answer.country() != null ? answer.country().name() : "every reporting country";
    String title = "Detected victims by country of repatriation, reported by " + who + ", " + year;
    String subtitle = "Victims the reporting country gave by country of repatriation, through how far apart the two "
        + "countries are: same sub-region, same region, or another region (M49). Widths are point values; "
        + suppressed + " of " + pairs.size() + " rows are suppressed (<5) cells, so the total is "
        + ChartFrame.bounded(total[0], total[1], total[2]) + ".";
    String description = ChartFrame.bounded(total[0], total[1], total[2]) + " detected victims in " + year
        + " by country of repatriation, reported by " + who + "; largest: " + String.join(", ", keptPlaces.stream()
            .limit(3).map(p -> p + " " + ChartFrame.count(byPlace.get(p))).toList()) + ".";
    ChartTexts texts = ChartFrame.texts(title, subtitle, description, List.of(answer.source()),
        answer.source().martVersion(), PlacePairQuery.REPATRIATION_DIRECTION,
        "Detections, not prevalence: repatriations of detected victims only.", SourceNote.SUPPRESSION);
    ChartFrame frame = ChartFrame.of(width, texts);
    Option option = frame.option();
    option.setTooltip(new Tooltip().setTrigger("item"));
    option.setSeries(new SankeySeries[] {series(frame, "Detected victims", reportingToType, typeToPlace)});
    String code = answer.country() != null ? answer.country().code() : "all";
    CsvTable data = new CsvTable(id + "-" + code + "-" + year, List.of("year", "reporting", "reporting_name",
        "repatriation", "repatriation_name", "flow_type", "value", "low", "high", "reporting_node",
        "repatriation_node"), rows);
    return new Chart(id, data.name(), texts, width, height, option, data);
  }

  /**
   * The three columns of a Sankey diagram (left places → flow type → right places) from the sums of
   * their links, keyed "from\u0000to", each {point, low, high}; flow types in their fixed order and
   * colours. Every node is labelled with its total and, where it rests on {@code <5} cells, its
   * bounds, so that the printed chart carries the numbers and never shows a suppressed sum as exact.
   */
  private static SankeySeries series(ChartFrame frame, String name, Map<String, double[]> leftToType,
      Map<String, double[]> typeToRight) {
    Map<String, double[]> nodeTotals = new LinkedHashMap<>();
    leftToType.forEach((k, v) -> add(nodeTotals, k.split("\u0000")[0], v[0], v[1], v[2]));
    typeToRight.forEach((k, v) -> {
      String[] ends = k.split("\u0000");
      add(nodeTotals, ends[0], v[0], v[1], v[2]);
      add(nodeTotals, ends[1], v[0], v[1], v[2]);
    });
    List<SankeyNodeItem> nodes = new ArrayList<>();
    List<String> typeNames = new ArrayList<>(FLOW_TYPES.values());
    java.util.Set<String> seen = new java.util.LinkedHashSet<>();
    List<SankeyEdgeItem> links = new ArrayList<>();
    for (Map.Entry<String, double[]> e : leftToType.entrySet()) {
      String[] ends = e.getKey().split("\u0000");
      seen.add(ends[0]);
      links.add(link(ends[0], ends[1], e.getValue()[0]));
    }
    java.util.Set<String> types = new java.util.LinkedHashSet<>();
    java.util.Set<String> destinations = new java.util.LinkedHashSet<>();
    for (Map.Entry<String, double[]> e : typeToRight.entrySet()) {
      String[] ends = e.getKey().split("\u0000");
      types.add(ends[0]);
      destinations.add(ends[1]);
      links.add(link(ends[0], ends[1], e.getValue()[0]));
    }
    for (String o : seen) {
      nodes.add(node(o, nodeTotals.get(o), "#7f8c9a"));
    }
    for (String t : typeNames) {
      if (types.contains(t)) {
        nodes.add(node(t, nodeTotals.get(t), FLOW_COLORS[typeNames.indexOf(t)]));
      }
    }
    for (String d : destinations) {
      nodes.add(node(d, nodeTotals.get(d), "#444444"));
    }
    int[] box = frame.box(false);
    // labels of the last column sit right of its nodes: leave them room
    int right = 16 + (int) Math.ceil(destinations.stream()
        .mapToDouble(d -> TextMeasure.width(nodeLabel(d, nodeTotals.get(d)), 11, false)).max().orElse(100)) + 8;
    return new SankeySeries()
        .setName(name)
        .setTop(box[0]).setBottom(box[1]).setLeft(16).setRight(right)
        .setNodeGap(6)
        .setDraggable(false)
        .setLayoutIterations(0)
        .setLabel(new SeriesLabel().setFontSize(11).setColor(ChartFrame.TEXT))
        .setLineStyle(new SankeyEdgeStyle().setColor("gradient").setOpacity(0.35))
        .setNodes(nodes.toArray(SankeyNodeItem[]::new))
        .setLinks(links.toArray(SankeyEdgeItem[]::new));
  }

  /** A node drawn in {@code color}, labelled "name 12" or, resting on <5 cells, "name 12 (8–20)". */
  private static SankeyNodeItem node(String name, double[] total, String color) {
    return new SankeyNodeItem().setName(name).setItemStyle(new ItemStyle().setColor(color))
        .setLabel(new SeriesLabel().setFormatter(nodeLabel(name, total)));
  }

  static String nodeLabel(String name, double[] total) {
    // a label formatter is a template: braces in a name would be read as placeholders
    return name.replace("{", "(").replace("}", ")") + " " + ChartFrame.bounded(total[0], total[1], total[2]);
  }

  private static void add(Map<String, double[]> sums, String key, double value, double low, double high) {
    double[] s = sums.computeIfAbsent(key, k -> new double[3]);
    s[0] += value;
    s[1] += low;
    s[2] += high;
  }

  private static SankeyEdgeItem link(String source, String target, double value) {
    return new SankeyEdgeItem().setSource(source).setTarget(target).setValue(ChartFrame.round(value, 1));
  }

  private static List<String> largest(Map<String, Double> totals, int top) {
    if (totals.size() <= top + 1) {
      return List.copyOf(totals.keySet());
    }
    return totals.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .limit(top).map(Map.Entry::getKey).toList();
  }

  private static String describe(FlowQuery.Answer answer, int year, double total, double low, double high) {
    String base = ChartFrame.bounded(total, low, high) + " detected victims in " + year + " by citizenship.";
    for (FlowQuery.DestinationShares d : answer.destinationShares()) {
      if (d.year() == year && answer.filter().destination() != null) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Bounded> e : d.shares().entrySet()) {
          if (e.getValue() != null) {
            parts.add(FLOW_TYPES.getOrDefault(e.getKey(), e.getKey()).toLowerCase(java.util.Locale.ROOT) + " "
                + ChartFrame.boundedPercent(e.getValue().value(), e.getValue().low(), e.getValue().high()));
          }
        }
        if (!parts.isEmpty()) {
          return base + " Of those whose origin is known: " + String.join(", ", parts) + ".";
        }
      }
    }
    return base;
  }
}
