package org.tiptrends.api.routes;

import io.javalin.config.RoutesConfig;
import org.tiptrends.api.charts.render.SvgRenderer;
import org.tiptrends.api.http.StaticAsset;

/**
 * {@code GET /}: the dashboard, a page and a script that draw the chart catalogue's options with
 * ECharts in the browser. ECharts comes from the webjar the server renders SVG with (no CDN; it
 * works offline), so the page and the downloads draw the same chart.
 */
public final class DashboardRoutes implements ApiRoutes {
  static final String BASE = "/org/tiptrends/api/dashboard/";

  private final StaticAsset page = StaticAsset.resource(BASE + "index.html", "text/html; charset=utf-8");
  private final StaticAsset script = StaticAsset.resource(BASE + "dashboard.js", "text/javascript; charset=utf-8");
  private final StaticAsset style = StaticAsset.resource(BASE + "dashboard.css", "text/css; charset=utf-8");
  private final StaticAsset worldMap = StaticAsset.resource(org.tiptrends.api.charts.WorldMap.RESOURCE,
      "application/geo+json");
  private final StaticAsset echarts = StaticAsset.resource(SvgRenderer.ECHARTS_RESOURCE,
      "text/javascript; charset=utf-8");

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/", page::serveWithAnyQuery);
    routes.get("/assets/dashboard.js", script::serve);
    routes.get("/assets/dashboard.css", style::serve);
    routes.get("/assets/echarts.min.js", echarts::serve);
    routes.get("/assets/world.geo.json", worldMap::serve); // issue 14: the map chart's shapes
  }
}
