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

  private static final String[] FLOW_COLORS = {"#009E73", "#56B4E9", "#0072B2", "#D55E00", "#999999", "#BBBBBB"};

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

    Map<String, Double> originToType = new LinkedHashMap<>();
    Map<String, Double> typeToDestination = new LinkedHashMap<>();
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
      originToType.merge(origin + "\u0000" + type, f.value(), Double::sum);
      typeToDestination.merge(type + "\u0000" + destination, f.value(), Double::sum);
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

    List<SankeyNodeItem> nodes = new ArrayList<>();
    List<String> typeNames = new ArrayList<>(FLOW_TYPES.values());
    java.util.Set<String> seen = new java.util.LinkedHashSet<>();
    List<SankeyEdgeItem> links = new ArrayList<>();
    for (Map.Entry<String, Double> e : originToType.entrySet()) {
      String[] ends = e.getKey().split("\u0000");
      seen.add(ends[0]);
      links.add(link(ends[0], ends[1], e.getValue()));
    }
    java.util.Set<String> types = new java.util.LinkedHashSet<>();
    java.util.Set<String> destinations = new java.util.LinkedHashSet<>();
    for (Map.Entry<String, Double> e : typeToDestination.entrySet()) {
      String[] ends = e.getKey().split("\u0000");
      types.add(ends[0]);
      destinations.add(ends[1]);
      links.add(link(ends[0], ends[1], e.getValue()));
    }
    for (String o : seen) {
      nodes.add(new SankeyNodeItem().setName(o).setItemStyle(new ItemStyle().setColor("#7f8c9a")));
    }
    for (String t : typeNames) {
      if (types.contains(t)) {
        nodes.add(new SankeyNodeItem().setName(t)
            .setItemStyle(new ItemStyle().setColor(FLOW_COLORS[typeNames.indexOf(t)])));
      }
    }
    for (String d : destinations) {
      nodes.add(new SankeyNodeItem().setName(d).setItemStyle(new ItemStyle().setColor("#444444")));
    }
    int[] box = frame.box(false);
    // labels of the last column sit right of its nodes: leave them room
    int right = 16 + (int) Math.ceil(destinations.stream()
        .mapToDouble(d -> TextMeasure.width(d, 11, false)).max().orElse(100)) + 8;
    option.setSeries(new SankeySeries[] {new SankeySeries()
        .setName("Detected victims")
        .setTop(box[0]).setBottom(box[1]).setLeft(16).setRight(right)
        .setNodeGap(6)
        .setDraggable(false)
        .setLayoutIterations(0)
        .setLabel(new SeriesLabel().setFontSize(11).setColor(ChartFrame.TEXT))
        .setLineStyle(new SankeyEdgeStyle().setColor("gradient").setOpacity(0.35))
        .setNodes(nodes.toArray(SankeyNodeItem[]::new))
        .setLinks(links.toArray(SankeyEdgeItem[]::new))});
    String code = filter.destination() != null ? filter.destination().code() : filter.origin().code();
    CsvTable data = new CsvTable(id + "-" + code + "-" + year, List.of("year", "destination", "destination_name",
        "origin", "origin_name", "flow_type", "value", "low", "high", "origin_node", "destination_node"), rows);
    return new Chart(id, data.name(), texts, width, height, option, data);
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
