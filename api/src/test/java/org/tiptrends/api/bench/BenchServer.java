package org.tiptrends.api.bench;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tiptrends.api.ApiApp;
import org.tiptrends.api.charts.render.ChartRenderer;
import org.tiptrends.api.routes.ApiRoutes;
import org.tiptrends.api.snapshot.SnapshotHolder;

/**
 * The API as it is served, plus {@code GET /bench/bare}: a bare Javalin handler returning a
 * constant from the same server, configuration and JVM, the ceiling the benchmark compares the
 * API's routes with ({@code bench/api}). Arguments: {@code MARTS_DIR PORT}.
 */
public final class BenchServer {
  private BenchServer() {}

  public static void main(String[] args) {
    Path marts = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    SnapshotHolder snapshots = new SnapshotHolder(marts);
    SnapshotHolder.ReloadResult loaded = snapshots.reload();
    if (loaded.outcome() != SnapshotHolder.Outcome.LOADED) {
      throw new IllegalStateException("no mart version under " + marts + ": " + loaded.message());
    }
    List<ApiRoutes> routes = new ArrayList<>(ApiApp.routes(snapshots, null));
    routes.add(r -> r.get("/bench/bare", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}")));
    Javalin app = ApiApp.create(routes).start("127.0.0.1", port);
    ChartRenderer.shared().warmUpInBackground();
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
  }
}
