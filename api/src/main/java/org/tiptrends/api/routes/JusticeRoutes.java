package org.tiptrends.api.routes;

import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tiptrends.api.http.Params;
import org.tiptrends.api.http.Responses;
import org.tiptrends.api.http.Responses.CsvTable;
import org.tiptrends.api.http.SnapshotGet;
import org.tiptrends.api.queries.Bounded;
import org.tiptrends.api.queries.Count;
import org.tiptrends.api.queries.FunnelQuery;
import org.tiptrends.api.snapshot.Geography;
import org.tiptrends.api.snapshot.JusticeRows;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.SnapshotHolder;

/** {@code GET /api/v1/justice/funnel?geo=&year=&format=} (issue 13): the criminal-justice funnel. */
public final class JusticeRoutes implements ApiRoutes {
  private final SnapshotHolder snapshots;

  public JusticeRoutes(SnapshotHolder snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/api/v1/justice/funnel", SnapshotGet.of(snapshots, (ctx, s) -> {
      Params p = Params.of(ctx, "geo", "year", Params.FORMAT);
      FunnelQuery.Answer a = funnel(p, s);
      Responses.tabular(ctx, p.format(), a, () -> csv(a));
    }));
  }

  /** {@code geo} (world by default) and {@code year} (the last year of {@code justice_by_year} by default). */
  static FunnelQuery.Answer funnel(Params p, MartSnapshot s) {
    JusticeRows justice = Inputs.justice(s);
    Geography geo = Inputs.geography(p, s, "geo");
    int year = Inputs.year(p, justice.years(), "the live mart version (" + s.version() + ") has no rows in "
        + JusticeRows.MART, "year", justice.years().isEmpty() ? null : justice.years().last());
    return FunnelQuery.funnel(s, geo, year);
  }

  /**
   * One row per step, detected victims and ratio ({@code convicted_per_100_detected_victims}); a
   * column a row has no value for is empty, and so is a ratio that cannot be stated.
   */
  public static CsvTable csv(FunnelQuery.Answer a) {
    List<List<Object>> rows = new ArrayList<>();
    for (FunnelQuery.Step step : a.steps()) {
      rows.add(countRow(a, step.measure(), step.persons()));
    }
    rows.add(countRow(a, "detected_victims", a.detectedVictims()));
    for (FunnelQuery.Ratio r : a.ratios()) {
      String name = r.numerator() + (r.per() == 1 ? "_per_" : "_per_" + r.per() + "_") + r.denominator();
      Bounded v = r.ratio();
      rows.add(Arrays.asList(a.geo().code(), a.year(), name, v == null ? null : v.value(),
          v == null ? null : v.low(), v == null ? null : v.high(), null, null, r.countries()));
    }
    return new CsvTable("justice-funnel-" + a.geo().code() + "-" + a.year(), List.of("geo", "year", "row", "value",
        "low", "high", "reporting_countries", "suppressed_only_countries", "countries_reporting_both"), rows)
        .withSource(a.source().citation());
  }

  private static List<Object> countRow(FunnelQuery.Answer a, String name, Count c) {
    return c == null ? Arrays.asList(a.geo().code(), a.year(), name, null, null, null, 0, 0, null)
        : Arrays.asList(a.geo().code(), a.year(), name, c.value(), c.low(), c.high(), c.reportingCountries(),
            c.suppressedOnlyCountries(), null);
  }
}
