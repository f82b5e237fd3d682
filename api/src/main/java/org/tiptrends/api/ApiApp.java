package org.tiptrends.api;

import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tiptrends.api.http.Json;
import org.tiptrends.api.http.HeaderReadDeadline;
import org.tiptrends.api.http.HttpSemantics;
import org.tiptrends.api.http.JettyProblems;
import org.tiptrends.api.http.Problems;
import org.tiptrends.api.charts.render.ChartRenderer;
import org.tiptrends.api.routes.AdminRoutes;
import org.tiptrends.api.routes.ChartRoutes;
import org.tiptrends.api.routes.DashboardRoutes;
import org.tiptrends.api.routes.CorrelationRoutes;
import org.tiptrends.api.routes.SectorConflictRoutes;
import org.tiptrends.api.routes.ApiRoutes;
import org.tiptrends.api.routes.DocsRoutes;
import org.tiptrends.api.routes.FlowRoutes;
import org.tiptrends.api.routes.PlacePairRoutes;
import org.tiptrends.api.routes.HealthRoutes;
import org.tiptrends.api.routes.JusticeRoutes;
import org.tiptrends.api.routes.MetaRoutes;
import org.tiptrends.api.routes.ShareRoutes;
import org.tiptrends.api.routes.TrendRoutes;
import org.tiptrends.api.snapshot.SnapshotHolder;

/**
 * The app factory: one Javalin instance serving the live snapshot of {@code snapshots}. Routes are
 * groups ({@link ApiRoutes}) registered in order; errors become problems ({@link Problems}).
 */
public final class ApiApp {
  /** Request headers (query string included) Jetty accepts, so that an over-long parameter reaches
   * the parameter checks and is answered with a problem naming it. */
  static final int REQUEST_HEADER_BYTES = 32 * 1024;
  /** Longest pause while a request is read (headers included) or a connection is idle. */
  static final long IDLE_TIMEOUT_MS = 10_000;
  private static final Logger ACCESS = LoggerFactory.getLogger("org.tiptrends.api.access");

  private ApiApp() {}

  /** The route groups of the API; {@code adminToken} {@code null} leaves the admin route out. */
  public static List<ApiRoutes> routes(SnapshotHolder snapshots, String adminToken) {
    return routes(snapshots, adminToken, ChartRenderer.shared());
  }

  public static List<ApiRoutes> routes(SnapshotHolder snapshots, String adminToken, ChartRenderer renderer) {
    List<ApiRoutes> routes = new ArrayList<>(List.of(
        new HealthRoutes(snapshots),
        new MetaRoutes(snapshots),
        new TrendRoutes(snapshots),
        new JusticeRoutes(snapshots),
        new ShareRoutes(snapshots),
        new FlowRoutes(snapshots),
        new PlacePairRoutes(snapshots),
        new CorrelationRoutes(snapshots),
        new SectorConflictRoutes(snapshots),
        new ChartRoutes(snapshots, renderer),
        new DashboardRoutes(),
        new DocsRoutes()));
    if (adminToken != null) {
      routes.add(new AdminRoutes(snapshots, adminToken));
    }
    return routes;
  }

  /** A configured, not yet started, Javalin app ({@code start(port)} it). */
  public static Javalin create(SnapshotHolder snapshots, String adminToken) {
    return create(routes(snapshots, adminToken));
  }

  public static Javalin create(List<ApiRoutes> routes) {
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.generateEtags = false;
      config.http.maxRequestSize = 64 * 1024;
      config.jsonMapper(new io.javalin.json.JavalinJackson(Json.MAPPER, false));
      config.jetty.modifyHttpConfiguration(http -> {
        http.setRequestHeaderSize(REQUEST_HEADER_BYTES);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setIdleTimeout(IDLE_TIMEOUT_MS);
      });
      config.jetty.modifyServer(server -> {
        server.setErrorHandler(new JettyProblems());
        HeaderReadDeadline.install(server);
        // a pause of 10 s while a request is read, or on an idle connection, closes it; headers
        // trickled faster than that are cut by HeaderReadDeadline
        server.addEventListener(new org.eclipse.jetty.util.component.LifeCycle.Listener() {
          @Override
          public void lifeCycleStarting(org.eclipse.jetty.util.component.LifeCycle event) {
            for (org.eclipse.jetty.server.Connector c : server.getConnectors()) {
              if (c instanceof org.eclipse.jetty.server.AbstractConnector a) {
                a.setIdleTimeout(IDLE_TIMEOUT_MS);
              }
            }
          }
        });
      });
      config.requestLogger.http((ctx, ms) -> {
        if (ACCESS.isDebugEnabled()) {
          ACCESS.debug("{} {} {} {} ms", ctx.method(), ctx.path(), ctx.statusCode(), String.format("%.1f", ms));
        }
      });
      Problems.register(config.routes);
      HttpSemantics semantics = HttpSemantics.install(config);
      for (ApiRoutes r : routes) {
        r.register(config.routes);
      }
      semantics.addHeadRoutes(config);
    });
  }
}
