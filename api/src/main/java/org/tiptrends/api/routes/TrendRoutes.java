package org.tiptrends.api.routes;

import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.List;
import org.tiptrends.api.http.Params;
import org.tiptrends.api.http.Responses;
import org.tiptrends.api.http.Responses.CsvTable;
import org.tiptrends.api.http.SnapshotGet;
import org.tiptrends.api.queries.Breakdown;
import org.tiptrends.api.queries.TrendQuery;
import org.tiptrends.api.snapshot.Geography;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.SnapshotHolder;

/** {@code GET /api/v1/trends/victims?geo=&by=&from=&to=&balanced=&format=}. */
public final class TrendRoutes implements ApiRoutes {
  private final SnapshotHolder snapshots;

  public TrendRoutes(SnapshotHolder snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/api/v1/trends/victims", SnapshotGet.of(snapshots, (ctx, s) -> {
      Params p = Params.of(ctx, "geo", "by", "from", "to", "balanced", "per", Params.FORMAT);
      if (p.has("per")) { // issue 14: rates per 100,000 population
        org.tiptrends.api.queries.RateQuery.Answer rates = RateTrend.answer(p, s);
        Responses.tabular(ctx, p.format(), rates, () -> RateTrend.csv(rates));
        return;
      }
      TrendQuery.Answer answer = victims(p, s, null);
      Responses.tabular(ctx, p.format(), answer, () -> csv(answer));
    }));
  }

  /**
   * The trend the parameters ask for ({@code geo}, {@code by}, {@code from}, {@code to},
   * {@code balanced}); a non-null {@code fixedBy} replaces {@code by} (charts of one breakdown).
   */
  static TrendQuery.Answer victims(Params p, MartSnapshot s, Breakdown fixedBy) {
    Geography geo = Inputs.geography(p, s, "geo");
    Breakdown by = fixedBy != null ? fixedBy : Breakdown.of(p.choice("by", Breakdown.codes(), "none"));
    int[] years = Inputs.victimYears(p, s);
    boolean balanced = p.bool("balanced", false);
    return TrendQuery.victims(s, geo, by, years[0], years[1], balanced);
  }

  /** The answer as a table: the {@code format=csv} download, and a notebook's table. */
  public static CsvTable csv(TrendQuery.Answer a) {
    List<List<Object>> rows = new ArrayList<>();
    for (TrendQuery.Series series : a.series()) {
      for (TrendQuery.Point pt : series.points()) {
        rows.add(List.of(a.geo().code(), a.by(), series.key(), pt.year(), pt.value(), pt.low(), pt.high(),
            pt.reportingCountries(), pt.suppressedOnlyCountries(), a.balanced()));
      }
    }
    return new CsvTable("victims-" + a.geo().code() + "-" + a.by(), List.of("geo", "by", "key", "year",
        "value", "low", "high", "reporting_countries", "suppressed_only_countries", "balanced"), rows)
        .withSource(a.source().citation());
  }
}
