package org.tiptrends.api.routes;

import io.javalin.config.RoutesConfig;
import org.tiptrends.api.charts.WorldMap;
import org.tiptrends.api.http.Params;
import org.tiptrends.api.http.Responses;
import org.tiptrends.api.http.SnapshotGet;
import org.tiptrends.api.queries.MetaQuery;
import org.tiptrends.api.snapshot.SnapshotHolder;

/** {@code GET /api/v1/meta}: sources, years, geographies, breakdowns, version and run report. */
public final class MetaRoutes implements ApiRoutes {
  private final SnapshotHolder snapshots;

  public MetaRoutes(SnapshotHolder snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/api/v1/meta", SnapshotGet.of(snapshots, (ctx, s) -> {
      Params.of(ctx);
      Responses.json(ctx, MetaQuery.meta(s, WorldMap.get().countries().keySet()));
    }));
  }
}
