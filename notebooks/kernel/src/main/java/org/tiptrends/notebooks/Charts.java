package org.tiptrends.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tiptrends.api.queries.CorrelationQuery;
import org.tiptrends.notebooks.display.EChart;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * ECharts options for the notebooks' tables: lines with their bounds, grouped bars, and the
 * correlation scatter with each country's bounds and the fitted line. Each returns an
 * {@link EChart}, which a cell shows inline. (The API's chart catalogue will offer the same charts;
 * a notebook can show its options the same way, {@code EChart.of(json)}.)
 */
public final class Charts {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** ECharts' default palette, so the bounds of a series share its colour. */
  private static final List<String> PALETTE = List.of("#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de",
      "#3ba272", "#fc8452", "#9a60b4", "#ea7ccc");

  private Charts() {}

  /**
   * One line per value of {@code group} (or one line when it is {@code null}) of {@code y} against
   * {@code x}, with {@code low} and {@code high} (when not {@code null}) as thin dashed lines of the
   * same colour. A missing x for a group is a gap, not a zero.
   */
  public static EChart lines(Table t, String x, String y, String group, String low, String high, String title,
      String yName) {
    Set<String> xs = new LinkedHashSet<>();
    Map<String, Map<String, double[]>> byGroup = new LinkedHashMap<>();
    for (int r = 0; r < t.rowCount(); r++) {
      String xv = t.column(x).getString(r);
      xs.add(xv);
      String g = group == null ? y : t.column(group).getString(r);
      byGroup.computeIfAbsent(g, k -> new LinkedHashMap<>()).put(xv, new double[] {num(t, y, r),
          low == null ? Double.NaN : num(t, low, r), high == null ? Double.NaN : num(t, high, r)});
    }
    List<String> sortedX = new ArrayList<>(xs);
    sortedX.sort(null);
    ObjectNode o = base(title);
    o.set("tooltip", F.objectNode().put("trigger", "axis"));
    o.set("xAxis", F.objectNode().put("type", "category").put("name", x).set("data", strings(sortedX)));
    o.set("yAxis", F.objectNode().put("type", "value").put("name", yName).put("scale", false));
    ArrayNode series = o.putArray("series");
    ArrayNode legend = F.arrayNode();
    int i = 0;
    for (Map.Entry<String, Map<String, double[]>> e : byGroup.entrySet()) {
      String colour = PALETTE.get(i++ % PALETTE.size());
      legend.add(e.getKey());
      series.add(line(e.getKey(), sortedX, e.getValue(), 0, colour, false));
      if (low != null) {
        series.add(line(e.getKey() + " low", sortedX, e.getValue(), 1, colour, true));
        series.add(line(e.getKey() + " high", sortedX, e.getValue(), 2, colour, true));
      }
    }
    o.set("legend", F.objectNode().put("top", 28).set("data", legend));
    return EChart.of(o);
  }

  /** Bars of {@code y} by {@code category}, one series per value of {@code group} ({@code null}: one series). */
  public static EChart bars(Table t, String category, String y, String group, String title, String yName) {
    Set<String> cats = new LinkedHashSet<>();
    Map<String, Map<String, Double>> byGroup = new LinkedHashMap<>();
    for (int r = 0; r < t.rowCount(); r++) {
      String c = t.column(category).getString(r);
      cats.add(c);
      String g = group == null ? y : t.column(group).getString(r);
      byGroup.computeIfAbsent(g, k -> new LinkedHashMap<>()).put(c, num(t, y, r));
    }
    ObjectNode o = base(title);
    o.set("tooltip", F.objectNode().put("trigger", "axis"));
    o.set("legend", F.objectNode().put("top", 28));
    o.set("xAxis", F.objectNode().put("type", "category").put("name", category).set("data", strings(cats)));
    o.set("yAxis", F.objectNode().put("type", "value").put("name", yName));
    ArrayNode series = o.putArray("series");
    for (Map.Entry<String, Map<String, Double>> e : byGroup.entrySet()) {
      ArrayNode data = F.arrayNode();
      cats.forEach(c -> number(data, e.getValue().getOrDefault(c, Double.NaN)));
      series.add(F.objectNode().put("name", e.getKey()).put("type", "bar").set("data", data));
    }
    return EChart.of(o);
  }

  /**
   * The correlation's countries as points (x on a log scale when the answer's fit is), each with a
   * vertical line from {@code yLow} to {@code yHigh}, and the OLS line the answer fitted.
   */
  public static EChart scatter(CorrelationQuery.Answer a, String title) {
    boolean log = a.fit().logX();
    ObjectNode o = base(title);
    o.set("tooltip", F.objectNode().put("trigger", "item"));
    o.set("legend", F.objectNode().put("top", 28));
    o.set("xAxis", F.objectNode().put("type", log ? "log" : "value").put("name", a.x().name())
        .put("nameLocation", "middle").put("nameGap", 28));
    ObjectNode yAxis = F.objectNode().put("type", "value").put("name", a.y().name());
    if (a.y().name().endsWith("_share")) { // a share lies in [0, 1]; the fitted line is cut there
      yAxis.put("min", 0).put("max", 1);
    }
    o.set("yAxis", yAxis);
    ArrayNode points = F.arrayNode();
    ArrayNode bounds = F.arrayNode();
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    for (CorrelationQuery.Point p : a.points()) {
      ObjectNode point = F.objectNode().put("name", p.name() + " (" + p.year() + ")");
      point.putArray("value").add(p.x()).add(p.y());
      points.add(point);
      if (p.yLow() < p.yHigh()) {
        ObjectNode seg = F.objectNode();
        seg.putArray("coords").add(F.arrayNode().add(p.x()).add(p.yLow())).add(F.arrayNode().add(p.x()).add(p.yHigh()));
        bounds.add(seg);
      }
      minX = Math.min(minX, p.x());
      maxX = Math.max(maxX, p.x());
    }
    ArrayNode series = o.putArray("series");
    series.add(F.objectNode().put("name", "countries").put("type", "scatter").put("symbolSize", 7).set("data", points));
    series.add(F.objectNode().put("name", "bounds (suppressed cells)").put("type", "lines")
        .put("coordinateSystem", "cartesian2d").put("silent", true)
        .<ObjectNode>set("lineStyle", F.objectNode().put("width", 1).put("opacity", 0.6)).set("data", bounds));
    ArrayNode fit = F.arrayNode();
    int steps = 40;
    for (int i = 0; i <= steps && minX < maxX; i++) {
      double xv = log ? Math.pow(10, Math.log10(minX) + i * (Math.log10(maxX) - Math.log10(minX)) / steps)
          : minX + i * (maxX - minX) / steps;
      double yv = a.fit().intercept() + a.fit().slope() * (log ? Math.log10(xv) : xv);
      fit.add(F.arrayNode().add(xv).add(yv));
    }
    series.add(F.objectNode().put("name", "OLS fit" + (log ? " (log10 x)" : "")).put("type", "line")
        .put("showSymbol", false).put("smooth", false).set("data", fit));
    return EChart.of(o);
  }

  private static ObjectNode base(String title) {
    ObjectNode o = F.objectNode();
    o.set("title", F.objectNode().put("text", title).put("left", "center")
        .set("textStyle", F.objectNode().put("fontSize", 14)));
    o.set("grid", F.objectNode().put("top", 70).put("left", 70).put("right", 30).put("bottom", 50));
    return o;
  }

  private static ObjectNode line(String name, List<String> xs, Map<String, double[]> values, int which,
      String colour, boolean bound) {
    ArrayNode data = F.arrayNode();
    for (String x : xs) {
      double[] v = values.get(x);
      number(data, v == null ? Double.NaN : v[which]);
    }
    ObjectNode s = F.objectNode().put("name", name).put("type", "line").put("connectNulls", false)
        .put("showSymbol", !bound);
    s.set("itemStyle", F.objectNode().put("color", colour));
    s.set("lineStyle", F.objectNode().put("color", colour).put("width", bound ? 1 : 2)
        .put("type", bound ? "dashed" : "solid"));
    return s.set("data", data);
  }

  private static double num(Table t, String column, int row) {
    Column<?> c = t.column(column);
    return c.isMissing(row) ? Double.NaN : ((NumericColumn<?>) c).getDouble(row);
  }

  private static void number(ArrayNode data, double v) {
    if (Double.isFinite(v)) {
      data.add(v);
    } else {
      data.addNull();
    }
  }

  private static JsonNode strings(Iterable<String> values) {
    ArrayNode a = F.arrayNode();
    values.forEach(a::add);
    return a;
  }
}
