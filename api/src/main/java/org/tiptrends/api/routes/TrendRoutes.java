package org.tiptrends.api.routes;

import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.List;
import org.tiptrends.api.http.BadRequest;
import org.tiptrends.api.http.Params;
import org.tiptrends.api.http.Responses;
import org.tiptrends.api.http.Responses.CsvTable;
import org.tiptrends.api.http.SnapshotGet;
import org.tiptrends.api.queries.Breakdown;
import org.tiptrends.api.queries.TrendQuery;
import org.tiptrends.api.snapshot.Geography;
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
      Params p = Params.of(ctx, "geo", "by", "from", "to", "balanced", Params.FORMAT);
      Geography geo = Inputs.geography(p, s, "geo");
      Breakdown by = Breakdown.of(p.choice("by", Breakdown.codes(), "none"));
      int from = Inputs.victimYear(p, s, "from", s.years().isEmpty() ? null : s.years().first());
      int to = Inputs.victimYear(p, s, "to", s.years().isEmpty() ? null : s.years().last());
      if (from > to) {
        throw new BadRequest("from", "from (" + from + ") is after to (" + to + ")");
      }
      boolean balanced = p.bool("balanced", false);
      String format = p.format();
      TrendQuery.Answer answer = TrendQuery.victims(s, geo, by, from, to, balanced);
      Responses.tabular(ctx, format, answer, () -> csv(answer));
    }));
  }

  /** The answer as a table: the {@code format=csv} download, and a notebook's table. */
  public static CsvTable csv(TrendQuery.Answer a) {
    List<List<Object>> rows = new ArrayList<>();
    for (TrendQuery.Series series : a.series()) {
      for (TrendQuery.Point pt : series.points()) {
        rows.add(List.of(a.geo().code(), a.by(), series.key(), pt.year(), pt.value(), pt.low(), pt.high(),
            pt.reportingCountries(), a.balanced()));
      }
    }
    return new CsvTable("victims-" + a.geo().code() + "-" + a.by(), List.of("geo", "by", "key", "year",
        "value", "low", "high", "reporting_countries", "balanced"), rows);
  }
}
