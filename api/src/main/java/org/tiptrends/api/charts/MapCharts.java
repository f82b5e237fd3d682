package org.tiptrends.api.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.icepear.echarts.Option;
import org.icepear.echarts.charts.scatter.ScatterSeries;
import org.icepear.echarts.components.series.ItemStyle;
import org.icepear.echarts.components.tooltip.Tooltip;
import org.icepear.echarts.origin.util.SeriesOption;
import org.tiptrends.api.http.Responses.CsvTable;
import org.tiptrends.api.queries.SourceNote;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.Panel;

/**
 * A world choropleth of one country-year measure of the panel for one year (issue 14), drawn the
 * way a reader of Our World in Data's maps expects, and honestly: binned colours with the bin edges
 * in the legend; countries without a value in a separate grey "No data" class, never coloured as a
 * low value; a value that rests partly on {@code <5} cells (its bounds differ) outlined with a dashed
 * border and said so in its tooltip; the tooltip gives value, bounds, year and source; the footnote
 * the source, the detections caveat and the UN map disclaimer. Countries with a value that the map's
 * shapes lack are listed in the subtitle's description and in the CSV ({@code on_map} false).
 */
public final class MapCharts {
  /** ColorBrewer Blues, 5 classes (light to dark); No data is grey. */
  static final String[] BLUES = {"#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"};
  static final String NO_DATA = "#d9d9d9";
  static final String NO_DATA_LABEL = "No data";
  static final String SUPPRESSED_LABEL = "Dashed outline: rests partly on <5 cells";

  private MapCharts() {}

  /** One country's value. */
  public record Cell(String iso3, String name, double value, double low, double high, boolean onMap) {
    public boolean restsOnSuppressed() {
      return low < high;
    }
  }

  /**
   * @param measure a panel measure ({@link Panel#MEASURES})
   * @param year the year drawn
   */
  public static Chart map(String id, MartSnapshot s, String measure, int year, int width, int height) {
    WorldMap world = WorldMap.get();
    Map<String, NavigableMap<Integer, Panel.Value>> byCountry = s.panel().byCountry(measure);
    List<Cell> cells = new ArrayList<>();
    byCountry.forEach((iso3, years) -> {
      Panel.Value v = years.get(year);
      if (v != null && !Double.isNaN(v.value())) {
        String name = s.geography(iso3).map(g -> g.name()).orElse(world.countries().getOrDefault(iso3, iso3));
        cells.add(new Cell(iso3, name, v.value(), v.low(), v.high(), world.has(iso3)));
      }
    });
    double[] edges = edges(cells.stream().mapToDouble(Cell::value).sorted().toArray());
    boolean share = measure.endsWith("_share");
    String description = Panel.MEASURES.get(measure);
    List<SourceNote> sources = sources(s, measure);
    List<String> missing = cells.stream().filter(c -> !c.onMap()).map(c -> c.name() + " (" + c.iso3() + ")").toList();
    long suppressed = cells.stream().filter(Cell::restsOnSuppressed).count();
    long noData = world.countries().keySet().stream().filter(k -> cells.stream().noneMatch(c -> c.iso3().equals(k)))
        .count();
    String title = capital(description) + ", " + year;
    String subtitle = cells.size() + " countries with a value; " + noData + " shapes have no data (grey). "
        + (suppressed == 0 ? "" : suppressed + " values rest partly on <5 cells (dashed outline; bounds in the tooltip). ")
        + (missing.isEmpty() ? "" : "Not on the map: " + String.join(", ", missing) + ".");
    String text = cells.isEmpty() ? "No country has a value in " + year + "."
        : "Highest: " + cells.stream().max(java.util.Comparator.comparingDouble(Cell::value))
            .map(c -> c.name() + " " + format(c.value(), share)).orElse("") + "; lowest: "
            + cells.stream().min(java.util.Comparator.comparingDouble(Cell::value))
            .map(c -> c.name() + " " + format(c.value(), share)).orElse("") + ".";
    String[] caveats = measure.equals("gdp_per_capita") ? new String[] {WorldMap.DISCLAIMER, WorldMap.ATTRIBUTION}
        : new String[] {SourceNote.GLOTIP_NOTE, WorldMap.DISCLAIMER, WorldMap.ATTRIBUTION};
    ChartTexts texts = ChartFrame.texts(title, subtitle, text, sources, s.version(), caveats);
    ChartFrame frame = ChartFrame.of(width, texts);
    Option option = frame.option();
    option.setTooltip(new Tooltip().setTrigger("item"));

    List<String> labels = labels(edges, share);
    String citation = texts.source();
    List<Map<String, Object>> regions = new ArrayList<>();
    Map<String, Cell> byIso3 = new TreeMap<>();
    cells.forEach(c -> byIso3.put(c.iso3(), c));
    for (Map.Entry<String, String> f : world.countries().entrySet()) {
      Cell c = byIso3.get(f.getKey());
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("name", f.getKey());
      Map<String, Object> style = new LinkedHashMap<>();
      String tip;
      if (c == null) {
        style.put("areaColor", NO_DATA);
        tip = f.getValue() + "<br/>" + NO_DATA_LABEL + " for " + year;
      } else {
        style.put("areaColor", BLUES[bin(edges, c.value())]);
        if (c.restsOnSuppressed()) {
          style.put("borderColor", "#222222");
          style.put("borderType", "dashed");
          style.put("borderWidth", 1);
        }
        tip = c.name() + ", " + year + "<br/>" + format(c.value(), share)
            + (c.low() == c.high() ? "" : " (bounds " + format(c.low(), share) + " to " + format(c.high(), share)
                + "; rests partly on <5 cells)") + "<br/>Source: " + citation;
      }
      r.put("itemStyle", style);
      r.put("tooltip", Map.of("formatter", tip));
      regions.add(r);
    }
    Map<String, Object> geo = new LinkedHashMap<>();
    geo.put("map", WorldMap.NAME);
    geo.put("nameProperty", "a3");
    geo.put("roam", false);
    int[] box = frame.box(true);
    geo.put("top", box[0] + 8);
    geo.put("bottom", box[1] + 8);
    geo.put("left", 16);
    geo.put("right", 16);
    geo.put("tooltip", Map.of("show", true));
    geo.put("label", Map.of("show", false));
    geo.put("itemStyle", Map.of("areaColor", NO_DATA, "borderColor", "#ffffff", "borderWidth", 0.5));
    geo.put("emphasis", Map.of("label", Map.of("show", false), "itemStyle", Map.of("areaColor", "#fdae6b")));
    geo.put("select", Map.of("disabled", true));
    geo.put("regions", regions);
    option.setGeo(geo);
    // the legend: one empty series per class, so the legend shows each colour with its bin edges
    List<SeriesOption> series = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      names.add(labels.get(i));
      series.add(new ScatterSeries().setName(labels.get(i)).setCoordinateSystem("geo").setData(new Object[0])
          .setItemStyle(new ItemStyle().setColor(BLUES[i])));
    }
    names.add(NO_DATA_LABEL);
    series.add(new ScatterSeries().setName(NO_DATA_LABEL).setCoordinateSystem("geo").setData(new Object[0])
        .setItemStyle(new ItemStyle().setColor(NO_DATA)));
    if (suppressed > 0) {
      names.add(SUPPRESSED_LABEL);
      series.add(new ScatterSeries().setName(SUPPRESSED_LABEL).setCoordinateSystem("geo").setData(new Object[0])
          .setItemStyle(new ItemStyle().setColor("#ffffff").setBorderColor("#222222").setBorderType("dashed")
              .setBorderWidth(1)));
    }
    option.setLegend(frame.legend(names).setSelectedMode(false));
    option.setSeries(series.toArray(SeriesOption[]::new));

    List<List<Object>> rows = new ArrayList<>();
    for (Cell c : cells) {
      rows.add(Arrays.asList(c.iso3(), c.name(), year, measure, c.value(), c.low(), c.high(),
          labels.get(bin(edges, c.value())), c.restsOnSuppressed(), c.onMap()));
    }
    CsvTable data = new CsvTable(id + "-" + measure + "-" + year, List.of("iso3", "name", "year", "measure", "value",
        "low", "high", "bin", "rests_on_suppressed", "on_map"), rows);
    return new Chart(id, data.name(), texts, width, height, option, data);
  }

  /** Inner bin edges: the quintiles of the values, rounded to two significant digits, distinct. */
  static double[] edges(double[] sorted) {
    if (sorted.length == 0) {
      return new double[0];
    }
    java.util.TreeSet<Double> edges = new java.util.TreeSet<>();
    for (int q = 1; q < BLUES.length; q++) {
      double v = sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length / (double) BLUES.length))];
      if (v > 0) {
        edges.add(round2(v));
      }
    }
    edges.removeIf(e -> e <= sorted[0]);
    return edges.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static int bin(double[] edges, double value) {
    int i = 0;
    while (i < edges.length && value >= edges[i]) {
      i++;
    }
    return i;
  }

  static List<String> labels(double[] edges, boolean share) {
    List<String> out = new ArrayList<>();
    if (edges.length == 0) {
      out.add("All values");
      return out;
    }
    out.add("< " + format(edges[0], share));
    for (int i = 1; i < edges.length; i++) {
      out.add(format(edges[i - 1], share) + " to < " + format(edges[i], share));
    }
    out.add("≥ " + format(edges[edges.length - 1], share));
    return out;
  }

  private static double round2(double v) {
    return new java.math.BigDecimal(v).round(new java.math.MathContext(2)).doubleValue();
  }

  static String format(double v, boolean share) {
    if (share) {
      return ChartFrame.percent(v);
    }
    if (Math.abs(v) >= 1000) {
      return ChartFrame.count(Math.round(v));
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
  }

  private static List<SourceNote> sources(MartSnapshot s, String measure) {
    if (measure.equals("gdp_per_capita")) {
      return List.of(SourceNote.worldBank(s));
    }
    if (measure.equals("conflict_max_intensity")) {
      return List.of(SourceNote.ucdp(s, ""));
    }
    if (measure.equals("victims_per_100k")) {
      return List.of(SourceNote.glotip(s), SourceNote.worldBank(s));
    }
    return List.of(SourceNote.glotip(s));
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
