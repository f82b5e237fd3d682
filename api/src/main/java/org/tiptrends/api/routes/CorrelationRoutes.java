package org.tiptrends.api.routes;

import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.List;
import org.tiptrends.api.http.BadRequest;
import org.tiptrends.api.http.MissingData;
import org.tiptrends.api.http.Params;
import org.tiptrends.api.http.Responses;
import org.tiptrends.api.http.Responses.CsvTable;
import org.tiptrends.api.http.SnapshotGet;
import org.tiptrends.api.queries.CorrelationQuery;
import org.tiptrends.api.queries.SourceNote;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.SnapshotHolder;
import org.tiptrends.api.stats.CorrelationMethod;

/**
 * {@code GET /api/v1/correlations/gdp-transregional?year=&minVictims=&method=&logX=} and the same
 * view for any two country-year measures, {@code GET /api/v1/correlations?x=&y=&year=&method=}.
 */
public final class CorrelationRoutes implements ApiRoutes {
  static final List<String> METHODS = List.of("spearman", "pearson", "kendall");
  private final SnapshotHolder snapshots;

  public CorrelationRoutes(SnapshotHolder snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/api/v1/correlations/gdp-transregional", SnapshotGet.of(snapshots, (ctx, s) -> {
      Params p = Params.of(ctx, "year", "minVictims", "method", "logX", Params.FORMAT);
      CorrelationQuery.Answer a = gdpTransregional(p, s);
      Responses.tabular(ctx, p.format(), a, () -> csv(a));
    }));
    routes.get("/api/v1/correlations", SnapshotGet.of(snapshots, (ctx, s) -> {
      Params p = Params.of(ctx, "x", "y", "year", "minVictims", "method", "logX", Params.FORMAT);
      CorrelationQuery.Measure x = measure(s, p, "x");
      CorrelationQuery.Measure y = measure(s, p, "y");
      CorrelationQuery.Answer a = answer(s, p, x, y, CorrelationQuery.thresholdMeasure(s, x, y));
      Responses.tabular(ctx, p.format(), a, () -> csv(a));
    }));
  }

  /**
   * GDP per capita of destination countries against their share of victims from other regions
   * ({@code year}, {@code minVictims}, {@code method}, {@code logX}).
   */
  static CorrelationQuery.Answer gdpTransregional(Params p, MartSnapshot s) {
    CorrelationQuery.Measure x = require(s, CorrelationQuery.GDP, "year");
    CorrelationQuery.Measure y = require(s, CorrelationQuery.TRANSREGIONAL, "year");
    return answer(s, p, x, y, CorrelationQuery.thresholdMeasure(s, x, y));
  }

  /** A required measure parameter: a panel column or an indicator code of the live version. */
  private static CorrelationQuery.Measure measure(MartSnapshot s, Params p, String name) {
    List<String> allowed = CorrelationQuery.measures(s).stream().map(CorrelationQuery.Measure::name).toList();
    if (!p.has(name)) {
      throw new BadRequest(name, name + " is required: a measure of the live mart version", allowed);
    }
    return CorrelationQuery.measure(s, p.choice(name, allowed, null)).orElseThrow();
  }

  private static CorrelationQuery.Measure require(MartSnapshot s, String name, String parameter) {
    return CorrelationQuery.measure(s, name).orElseThrow(() -> new BadRequest(parameter,
        "the live mart version (" + s.version() + ") has no " + name + " (it needs the World Bank and "
            + "GLOTIP citizenship inputs)"));
  }

  /** One answer for both routes: the same parameters, defaults and threshold give the same points. */
  private static CorrelationQuery.Answer answer(MartSnapshot s, Params p, CorrelationQuery.Measure x,
      CorrelationQuery.Measure y, String victimsMeasure) {
    String yearText = p.optional("year").orElse("latest");
    Integer year = null;
    if (!yearText.equals("latest")) {
      if (s.years().isEmpty()) {
        throw new MissingData("the live mart version has no years");
      }
      year = p.year("year", s.years().first(), s.years().last(), null);
    }
    int minVictims = p.integer("minVictims", 0, 1_000_000, CorrelationQuery.DEFAULT_MIN_VICTIMS);
    CorrelationMethod method = CorrelationMethod.parse(p.choice("method", METHODS, "spearman"));
    boolean logX = p.bool("logX", CorrelationQuery.defaultLogX(x));
    try {
      return CorrelationQuery.correlate(s, x, y, year, method, logX, minVictims, victimsMeasure);
    } catch (CorrelationQuery.NotEnoughPoints e) {
      throw new BadRequest(p.has("minVictims") ? "minVictims" : "year",
          e.getMessage() + " (lower minVictims or choose another year)");
    }
  }

  /** The answer as a table: the {@code format=csv} download, and a notebook's table. */
  public static CsvTable csv(CorrelationQuery.Answer a) {
    List<List<Object>> rows = new ArrayList<>();
    for (CorrelationQuery.Point pt : a.points()) {
      rows.add(List.of(pt.iso3(), pt.name(), pt.year(), pt.x(), pt.y(), pt.yLow(), pt.yHigh(),
          pt.victims() == null ? "" : pt.victims()));
    }
    return new CsvTable("correlation-" + a.x().name() + "-" + a.y().name(), List.of("iso3", "name", "year",
        a.x().name(), a.y().name(), a.y().name() + "_low", a.y().name() + "_high", "victims"), rows)
        .withSource(String.join("; ", a.sources().stream().map(SourceNote::citation).toList()));
  }
}
