package org.tiptrends.api.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tiptrends.api.charts.Chart;
import org.tiptrends.api.charts.ContextCharts;
import org.tiptrends.api.charts.CorrelationCharts;
import org.tiptrends.api.charts.FlowCharts;
import org.tiptrends.api.charts.JusticeCharts;
import org.tiptrends.api.charts.ChartFrame;
import org.tiptrends.api.charts.TrendCharts;
import org.tiptrends.api.charts.render.ChartRenderer;
import org.tiptrends.api.charts.render.DrawingBudget;
import org.tiptrends.api.charts.render.RenderedCharts;
import org.tiptrends.api.http.BadRequest;
import org.tiptrends.api.http.MissingData;
import org.tiptrends.api.http.Params;
import org.tiptrends.api.http.Responses;
import org.tiptrends.api.http.SnapshotGet;
import org.tiptrends.api.queries.BalancedPanel;
import org.tiptrends.api.queries.Breakdown;
import org.tiptrends.api.queries.FlowQuery;
import org.tiptrends.api.queries.FunnelQuery;
import org.tiptrends.api.queries.PlacePairQuery;
import org.tiptrends.api.queries.Places;
import org.tiptrends.api.queries.SourceNote;
import org.tiptrends.api.queries.JusticeMeasure;
import org.tiptrends.api.queries.TrendQuery;
import org.tiptrends.api.queries.SectorQuery;
import org.tiptrends.api.queries.ShareQuery;
import org.tiptrends.api.snapshot.Geography;
import org.tiptrends.api.snapshot.JusticeRows;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.PlacePairs;
import org.tiptrends.api.snapshot.Sectors;
import org.tiptrends.api.snapshot.SnapshotHolder;

/**
 * The chart catalogue, {@code GET /api/v1/charts}, and each chart,
 * {@code GET /api/v1/charts/{id}?...&format=echarts|csv|svg|png&width=&height=&scale=}. A chart
 * takes the same parameters, parsed by the same code, as the data endpoint it draws.
 */
public final class ChartRoutes implements ApiRoutes {
  static final List<String> FORMATS = List.of("echarts", "csv", "svg", "png");
  /** Parameters every chart takes besides its data parameters. */
  static final List<String> DRAWING = List.of(Params.FORMAT, "width", "height", "scale");

  /** Builds one chart from parsed parameters and a snapshot, at a size. */
  @FunctionalInterface
  interface Builder {
    Chart build(Params p, MartSnapshot s, int width, int height);
  }

  /** One chart of the catalogue: what it shows and which data parameters it takes. */
  record Entry(String id, String title, String description, String data, List<String> parameters,
      Builder builder) {}

  static final List<Entry> CATALOGUE = List.of(
      new Entry("victims-trend", "Detected victims over time",
          "Detected victims, total or by sex, age or form, with the bounds of suppressed cells as a band and "
              + "the reporting countries as bars, split into those with an exact count and those with only <5 "
              + "cells.", "/api/v1/trends/victims",
          List.of("geo", "by", "from", "to", "balanced"),
          (p, s, w, h) -> TrendCharts.victims("victims-trend", TrendRoutes.victims(p, s, null), w, h)),
      new Entry("demographic-shares", "Women, men, girls and boys over time",
          "Shares of women, men, girls and boys among detected victims whose sex and age are known, by year, "
              + "with bounds; with balanced=true, of the balanced panel only.", "/api/v1/shares/demographic",
          List.of("geo", "from", "to", "balanced"), ChartRoutes::demographicShares),
      new Entry("forms-trend", "Forms of exploitation over time",
          "Detected victims of sexual exploitation, forced labour and other forms, with bounds and the "
              + "countries behind them (exact counts, only <5 cells).", "/api/v1/trends/victims?by=form",
          List.of("geo", "from", "to", "balanced"),
          (p, s, w, h) -> TrendCharts.victims("forms-trend", TrendRoutes.victims(p, s, Breakdown.FORM), w, h)),
      // issue 13: the criminal-justice response
      new Entry("justice-trend", "Criminal-justice response over time",
          "Persons brought into formal contact, prosecuted and convicted, and offences, for one geography, each "
              + "with the bounds of suppressed cells as a band; the CSV gives the countries behind each point.",
          "/api/v1/trends/{measure}", List.of("geo", "from", "to", "by", "measure"), ChartRoutes::justiceTrend),
      new Entry("justice-funnel", "From formal contact to conviction",
          "Formal contact, prosecuted and convicted beside detected victims for one geography and year, with "
              + "bounds, and the ratio of each step to the one before over the countries that reported both.",
          "/api/v1/justice/funnel", List.of("geo", "year"),
          (p, s, w, h) -> JusticeCharts.funnel("justice-funnel", JusticeRoutes.funnel(p, s), w, h)),
      new Entry("justice-ratio-by-region", "Persons convicted per 100 detected victims, by region",
          "Persons convicted per 100 detected victims in one year for the world and each region, each over the "
              + "countries that reported both, with bounds and those countries' number.",
          "/api/v1/justice/funnel?geo={region}", List.of("year"), ChartRoutes::convictionsByRegion),
      new Entry("convicted-citizenship", "Citizenship of persons convicted",
          "Persons convicted by year: nationals of the convicting country, and foreigners from the same "
              + "sub-region, the same region or other regions, for the world, a region or a country.",
          "/api/v1/justice/convicted-by-citizenship", List.of("geo"), ChartRoutes::convictedCitizenship),
      new Entry("repatriation-sankey", "Detected victims by country of repatriation",
          "Victims a country reported by country of repatriation in one year, through the flow type; the export "
              + "does not say which way they went.", "/api/v1/repatriation", List.of("country", "year", "top"),
          ChartRoutes::repatriation),
      new Entry("flows-sankey", "Flows of detected victims",
          "Origins of the victims detected in a country (or destinations of the victims from an origin), "
              + "through the flow type: domestic, same sub-region, same region, other regions.", "/api/v1/flows",
          List.of("destination", "origin", "year", "top"), ChartRoutes::flows),
      new Entry("gdp-transregional-scatter", "GDP per capita and victims from other regions",
          "GDP per capita of destination countries (log scale) against the share of their detected victims "
              + "who came from other regions, with fitted lines and the correlation's statistics.",
          "/api/v1/correlations/gdp-transregional", List.of("year", "minVictims", "method"),
          (p, s, w, h) -> CorrelationCharts.gdpTransregional("gdp-transregional-scatter",
              CorrelationRoutes.gdpTransregional(p, s), w, h)),
      new Entry("sectors", "Children in hazardous work by economic sector",
          "ILOSTAT values by economic sector and age band for one geography, sex and year.", "/api/v1/sectors",
          List.of("geo", "sex", "age", "year"), ChartRoutes::sectors),
      new Entry("conflict-comparison", "Armed conflict and detected victims",
          "The median of a country-year measure among countries in armed conflict and among the others, by "
              + "year, with the Mann–Whitney test.", "/api/v1/conflict",
          List.of("measure", "from", "to"), (p, s, w, h) -> ContextCharts.conflict("conflict-comparison",
              SectorConflictRoutes.conflict(p, s), w, h)),
      // issue 14: the world map
      new Entry("map", "World map of a country-year measure",
          "A choropleth of one measure of the country-year panel for one year (detected victims per 100,000 "
              + "population by default), binned, countries without data in grey, values resting on <5 cells "
              + "outlined.", "/api/v1/trends/victims?per=100k", List.of("measure", "year"), MapRoute::chart));

  /** Drawn SVGs and PNGs kept across requests: 64 MB holds a few thousand charts. */
  static final long CACHE_BYTES = 64L << 20;

  private final SnapshotHolder snapshots;
  private final ChartRenderer renderer;
  private final DrawingBudget budget;
  private final RenderedCharts drawn = new RenderedCharts(CACHE_BYTES);
  /** Mart version → charts it cannot draw, and why. */
  private volatile Map.Entry<String, Map<String, String>> unavailable;

  public ChartRoutes(SnapshotHolder snapshots, ChartRenderer renderer) {
    this(snapshots, renderer, DrawingBudget.shared());
  }

  public ChartRoutes(SnapshotHolder snapshots, ChartRenderer renderer, DrawingBudget budget) {
    this.snapshots = snapshots;
    this.renderer = renderer;
    this.budget = budget;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/api/v1/charts", SnapshotGet.of(snapshots, (ctx, s) -> {
      Params.of(ctx);
      Map<String, String> unavailable = unavailable(s);
      List<Map<String, Object>> charts = new ArrayList<>();
      for (Entry e : CATALOGUE) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", e.id());
        c.put("title", e.title());
        c.put("description", e.description());
        c.put("data", e.data());
        c.put("parameters", e.parameters());
        c.put("formats", FORMATS);
        c.put("href", "/api/v1/charts/" + e.id());
        c.put("available", !unavailable.containsKey(e.id()));
        if (unavailable.containsKey(e.id())) {
          c.put("unavailableBecause", unavailable.get(e.id()));
        }
        charts.add(c);
      }
      Responses.json(ctx, Map.of("version", s.version(), "charts", charts, "drawing", Map.of(
          "format", "echarts (default: the ECharts option JSON) | csv | svg | png",
          "width", "320 to 3000 (default " + ChartFrame.DEFAULT_WIDTH + ")",
          "height", "240 to 2000 (default " + ChartFrame.DEFAULT_HEIGHT + ")",
          "scale", "PNG pixels per unit, 1 to 4 (default 2)",
          "maxPixels", "a PNG has at most " + DrawingBudget.MAX_PIXELS + " pixels (width × height × scale²)")));
    }));
    routes.get("/api/v1/charts/{id}", SnapshotGet.of(snapshots, (ctx, s) -> {
      Entry entry = CATALOGUE.stream().filter(e -> e.id().equals(ctx.pathParam("id"))).findFirst()
          .orElseThrow(() -> new NotFoundResponse("no chart '" + Params.display(ctx.pathParam("id"))
              + "'; the charts are listed by /api/v1/charts"));
      Params p = Params.of(ctx, Stream.concat(entry.parameters().stream(), DRAWING.stream()).toArray(String[]::new));
      String format = p.choice(Params.FORMAT, FORMATS, "echarts");
      int width = p.integer("width", 320, 3000, ChartFrame.DEFAULT_WIDTH);
      int height = p.integer("height", 240, 2000, ChartFrame.DEFAULT_HEIGHT);
      int scale = p.integer("scale", 1, 4, 2);
      if ("png".equals(format) && DrawingBudget.pixels(width, height, scale) > DrawingBudget.MAX_PIXELS) {
        throw new BadRequest("scale", "a PNG of width " + width + " × height " + height + " × scale² " + scale * scale
            + " = " + DrawingBudget.pixels(width, height, scale) + " pixels is larger than the limit of "
            + DrawingBudget.MAX_PIXELS + " pixels; ask a smaller width, height or scale");
      }
      Chart chart = entry.builder().build(p, s, width, height);
      send(ctx, chart, format, scale, drawnKey(s.version(), entry, ctx, format, width, height, scale));
    }));
  }

  /**
   * The charts the snapshot cannot draw with their defaults (e.g. no UCDP file: no conflict chart),
   * with the reason; worked out once per mart version.
   */
  private Map<String, String> unavailable(MartSnapshot s) {
    Map.Entry<String, Map<String, String>> known = unavailable;
    if (known != null && known.getKey().equals(s.version())) {
      return known.getValue();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Entry e : CATALOGUE) {
      try {
        e.builder().build(Params.none(), s, ChartFrame.DEFAULT_WIDTH, ChartFrame.DEFAULT_HEIGHT);
      } catch (BadRequest | MissingData refused) {
        out.put(e.id(), refused.getMessage());
      }
    }
    unavailable = Map.entry(s.version(), Map.copyOf(out));
    return out;
  }

  private void send(Context ctx, Chart chart, String format, int scale, String key) {
    switch (format) {
      case "csv" -> Responses.csv(ctx, chart.data().withSource(chart.texts().source()));
      case "svg" -> ctx.contentType("image/svg+xml; charset=utf-8")
          .header("Content-Disposition", disposition(chart, "svg"))
          .result(svg(key, chart));
      case "png" -> ctx.contentType("image/png")
          .header("Content-Disposition", disposition(chart, "png"))
          .result(drawn.get(key, () -> {
            // the SVG under the SVG budget (and cached: the SVG of the same chart is the same), then
            // the PNG under the PNG budget, so that a PNG holds one permit at a time
            String svg = new String(svg(key.replace("\nformat=png\n", "\nformat=svg\n")
                .replaceAll("\nscale=\\d+$", ""), chart), StandardCharsets.UTF_8);
            return budget.png(() -> renderer.png(svg, scale));
          }));
      default -> ctx.contentType(Responses.JSON)
          .header("Content-Disposition", disposition(chart, "json"))
          .result(chart.optionJson().getBytes(StandardCharsets.UTF_8));
    }
  }

  private byte[] svg(String key, Chart chart) {
    return drawn.get(key, () -> budget.svg(() -> renderer.svg(chart).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The drawn chart's cache key: the version, the chart and its normalised parameters (data
   * parameters sorted by name, values lower-cased; format, width and height with defaults filled in;
   * the scale for PNGs only), so that {@code format=PNG} and {@code format=png}, or a default given
   * explicitly, find the same drawing.
   */
  static String drawnKey(String version, Entry entry, Context ctx, String format, int width, int height, int scale) {
    StringBuilder key = new StringBuilder(version).append('\n').append(entry.id()).append('\n');
    for (Map.Entry<String, String> q : Params.query(ctx)) {
      if (!DRAWING.contains(q.getKey())) {
        key.append(q.getKey()).append('=').append(q.getValue().toLowerCase(java.util.Locale.ROOT)).append('&');
      }
    }
    key.append("\nformat=").append(format).append("\nwidth=").append(width).append("\nheight=").append(height);
    if ("png".equals(format)) {
      key.append("\nscale=").append(scale);
    }
    return key.toString();
  }

  private static String disposition(Chart chart, String extension) {
    return "inline; filename=\"" + chart.name().replaceAll("[^A-Za-z0-9._-]", "_") + "." + extension + "\"";
  }

  /** The shares by year; with {@code balanced}, of the same balanced panel as the trend beside them. */
  private static Chart demographicShares(Params p, MartSnapshot s, int width, int height) {
    Geography geo = Inputs.geography(p, s, "geo");
    int[] years = Inputs.victimYears(p, s);
    BalancedPanel panel = p.bool("balanced", false) ? BalancedPanel.of(s, geo.code(), years[0], years[1]) : null;
    List<ShareQuery.Answer> perYear = new ArrayList<>();
    for (int y = years[0]; y <= years[1]; y++) {
      perYear.add(ShareQuery.demographic(s, geo, y, panel));
    }
    return TrendCharts.demographicShares("demographic-shares", perYear, years[0], years[1], panel, s.version(),
        width, height);
  }

  /**
   * Every measure the version has rows of, over the same years ({@code from} and {@code to} among the
   * years of {@code justice_by_year}), each the answer of {@code /api/v1/trends/{measure}}.
   */
  private static Chart justiceTrend(Params p, MartSnapshot s, int width, int height) {
    Geography geo = Inputs.geography(p, s, "geo");
    if (p.choice("by", List.of("none", "sex"), "none").equals("sex")) {
      // one measure (persons convicted by default) by sex, over that measure's years
      JusticeMeasure m = JusticeMeasure.of(p.choice("measure", java.util.Arrays.stream(JusticeMeasure.values())
          .map(JusticeMeasure::code).toList(), JusticeMeasure.CONVICTED.code())).orElseThrow();
      int[] years = TrendRoutes.justiceYears(p, s, m);
      return JusticeCharts.trendBySex("justice-trend", TrendQuery.justice(s, m, geo, Breakdown.SEX, years[0],
          years[1], false), years[0], years[1], width, height);
    }
    if (p.has("measure")) {
      throw new BadRequest("measure", "measure chooses the measure drawn by sex: give it with by=sex");
    }
    int[] years = Inputs.years(p, Inputs.justice(s).years(), "the live mart version (" + s.version()
        + ") has no rows in " + JusticeRows.MART);
    List<TrendQuery.MeasureAnswer> measures = new ArrayList<>();
    for (JusticeMeasure m : JusticeMeasure.values()) {
      if (!m.counts(s).years().isEmpty()) {
        measures.add(TrendQuery.justice(s, m, geo, Breakdown.NONE, years[0], years[1], false));
      }
    }
    return JusticeCharts.trend("justice-trend", measures, years[0], years[1], width, height);
  }

  /** {@code year}: a year of {@code justice_by_year}, by default the latest in which the world has a ratio. */
  private static Chart convictionsByRegion(Params p, MartSnapshot s, int width, int height) {
    JusticeRows justice = Inputs.justice(s);
    Integer latest = justice.years().descendingSet().stream()
        .filter(y -> FunnelQuery.convictionsPer100VictimsByRegion(s, y).stream().anyMatch(g -> g.ratio().ratio() != null))
        .findFirst().orElse(justice.years().isEmpty() ? null : justice.years().last());
    int year = Inputs.year(p, justice.years(), "the live mart version (" + s.version() + ") has no rows in "
        + JusticeRows.MART, "year", latest);
    return JusticeCharts.convictionsPer100ByRegion("justice-ratio-by-region", year,
        FunnelQuery.convictionsPer100VictimsByRegion(s, year), SourceNote.glotipJustice(s), SourceNote.glotip(s),
        width, height);
  }

  /** {@code geo}: the world (default), a region, a sub-region or a country. */
  private static Chart convictedCitizenship(Params p, MartSnapshot s, int width, int height) {
    Geography geo = Inputs.geography(p, s, "geo");
    List<PlacePairQuery.YearByFlowType> years = PlacePairQuery.byYearAndFlowType(s,
        PlacePairRoutes.present(s, PlacePairs.Kind.CONVICTED_BY_CITIZENSHIP), geo);
    return JusticeCharts.convictedByCitizenship("convicted-citizenship", geo, years, SourceNote.glotipJustice(s),
        width, height);
  }

  /**
   * {@code country}: a reporting country (by default the one with the most victims in the latest
   * year); {@code year}: by default that country's latest year with rows.
   */
  private static Chart repatriation(Params p, MartSnapshot s, int width, int height) {
    PlacePairs pairs = s.placePairs(PlacePairs.Kind.REPATRIATION_FLOWS);
    PlacePairRoutes.present(s, PlacePairs.Kind.REPATRIATION_FLOWS);
    int top = p.integer("top", 3, 40, 12);
    if (pairs.rows().isEmpty()) {
      throw new MissingData("the live mart version (" + s.version() + ") has no rows in "
          + PlacePairs.Kind.REPATRIATION_FLOWS.mart + ": its GLOTIP input has no victims by country of repatriation");
    }
    String country = p.has("country") ? p.code("country", null, "an ISO3 country code") : largestReporting(pairs);
    Geography reporting = Places.country(s, country).orElseThrow(() -> new BadRequest("country",
        "unknown country '" + Params.display(country) + "': an ISO3 country code (e.g. NGA)"));
    java.util.NavigableSet<Integer> years = new java.util.TreeSet<>();
    pairs.rows().stream().filter(r -> r.iso3().equals(reporting.code())).forEach(r -> years.add(r.year()));
    if (years.isEmpty()) {
      throw new BadRequest("country", reporting.name() + " reported no victims by country of repatriation; the "
          + "countries that did are in /api/v1/meta (repatriationCountries)");
    }
    int year = p.has("year") ? p.integer("year", 1990, 2100, null) : years.last();
    if (!years.contains(year)) {
      throw new BadRequest("year", reporting.name() + " reported no victims by country of repatriation in " + year
          + "; it did in " + years.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
    }
    return FlowCharts.repatriation("repatriation-sankey", PlacePairQuery.rows(s, PlacePairs.Kind.REPATRIATION_FLOWS,
        reporting, null), year, top, width, height);
  }

  /** The reporting country with the most victims by country of repatriation in the latest year (ties: first code). */
  private static String largestReporting(PlacePairs pairs) {
    int latest = pairs.years().last();
    Map<String, Double> victims = new java.util.TreeMap<>();
    pairs.rows().stream().filter(r -> r.year() == latest).forEach(r -> victims.merge(r.iso3(), r.value(), Double::sum));
    return victims.entrySet().stream().reduce((a, b) -> b.getValue() > a.getValue() ? b : a).orElseThrow().getKey();
  }

  private static Chart flows(Params p, MartSnapshot s, int width, int height) {
    int top = p.integer("top", 3, 40, 12);
    FlowQuery.Answer answer = FlowRoutes.flows(p, s, largestDestination(s));
    Integer year = answer.filter().year();
    if (year == null) {
      year = answer.flows().stream().mapToInt(FlowQuery.Flow::year).max().orElseThrow(() -> new BadRequest(
          "destination", "no flows of detected victims for this selection in the live mart version"));
    }
    return FlowCharts.sankey("flows-sankey", answer, year, top, width, height);
  }

  /** The destination with the most victims in the latest year of flows (the Sankey's default). */
  private static String largestDestination(MartSnapshot s) {
    if (s.flowYears().isEmpty()) {
      return null;
    }
    int latest = s.flowYears().last();
    Map<String, Double> victims = new java.util.HashMap<>();
    for (org.tiptrends.api.snapshot.FlowRow r : s.flows()) {
      if (r.year() == latest) {
        victims.merge(r.destination(), r.victims().point(), Double::sum);
      }
    }
    // ties go to the first code, so the default does not depend on hash order
    return new java.util.TreeMap<>(victims).entrySet().stream()
        .reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
        .map(Map.Entry::getKey).orElse(null);
  }

  /** One sex (total by default) and one year (the latest by default) of the sector rows. */
  private static Chart sectors(Params p, MartSnapshot s, int width, int height) {
    SectorQuery.Answer all = SectorConflictRoutes.sectors(p, s);
    if (all.rows().isEmpty()) {
      throw new BadRequest("geo", "no ILOSTAT rows for this selection");
    }
    List<String> sexes = all.rows().stream().map(Sectors.Row::sex).distinct().sorted().toList();
    String sex = p.optional("sex").isPresent() ? all.rows().get(0).sex()
        : sexes.stream().filter(x -> x.equalsIgnoreCase("total")).findFirst().orElse(sexes.get(0));
    int year = all.rows().stream().filter(r -> r.sex().equals(sex)).mapToInt(Sectors.Row::year).max().orElseThrow();
    List<Sectors.Row> rows = all.rows().stream().filter(r -> r.sex().equals(sex) && r.year() == year).toList();
    SectorQuery.Answer drawn = new SectorQuery.Answer(all.geo(), all.geoName(), all.geoLevel(), all.indicator(),
        all.unit(), rows, all.source());
    return ContextCharts.sectors("sectors", drawn, sex, year, width, height);
  }
}
