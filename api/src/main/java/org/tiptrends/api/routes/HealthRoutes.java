package org.tiptrends.api.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Header;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tiptrends.api.http.Params;
import org.tiptrends.api.http.Responses;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.SnapshotHolder;

/** {@code GET /api/v1/health}: ok and the live mart version, or 503 while none is loaded. */
public final class HealthRoutes implements ApiRoutes {
  private final SnapshotHolder snapshots;

  public HealthRoutes(SnapshotHolder snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/api/v1/health", ctx -> {
      Params.of(ctx);
      Optional<MartSnapshot> live = snapshots.peek();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", live.isPresent() ? "ok" : "unavailable");
      body.put("version", live.map(MartSnapshot::version).orElse(null));
      ctx.status(live.isPresent() ? 200 : 503).header(Header.CACHE_CONTROL, Responses.NO_STORE);
      Responses.json(ctx, body);
    });
  }
}
