package org.tiptrends.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.tiptrends.api.http.Json;
import org.tiptrends.api.http.Params;
import org.tiptrends.api.http.StaticAsset;

/**
 * {@code GET /openapi.json} (the hand-written OpenAPI document, a classpath resource) and
 * {@code GET /api/docs} (that document as a plain HTML page, rendered here; no scripts, no CDN).
 */
public final class DocsRoutes implements ApiRoutes {
  public static final String OPENAPI_RESOURCE = "/org/tiptrends/api/openapi.json";
  /** The problem types answers use, as {@code /api/docs#problem-<slug>}. */
  static final List<String[]> PROBLEMS = List.of(
      new String[] {"invalid-parameter", "400", "A query parameter is unknown, repeated, empty, too long, "
          + "malformed, out of range or not one of the allowed values. <code>parameter</code> names it and "
          + "<code>allowed</code> lists what it accepts."},
      new String[] {"not-found", "404", "No such route; the routes are listed on this page."},
      new String[] {"method-not-allowed", "405", "The route exists but not for this method."},
      new String[] {"unauthorized", "401", "An admin route without <code>Authorization: Bearer &lt;token&gt;</code>."},
      new String[] {"forbidden", "403", "An admin route with a token that is not the admin token."},
      new String[] {"missing-data", "409", "The request is valid but the live mart version lacks the data it needs "
          + "(e.g. a version published before <code>justice_by_year</code> existed, or built without a UCDP file); "
          + "<code>detail</code> says which."},
      new String[] {"unavailable", "503", "No mart version has loaded yet (the job has not published, or the "
          + "published version failed to load); retry after <code>Retry-After</code> seconds."},
      new String[] {"busy", "503", "Every drawing slot for this image format is taken; retry after "
          + "<code>Retry-After</code> seconds (the request waited at most 2 s, holding nothing)."},
      new String[] {"internal", "500", "An error on the server; it is logged there. Never caused by what a client sends."},
      new String[] {"http-NNN", "4xx", "A request the HTTP server refused before routing (e.g. 431: headers too large)."});

  private final StaticAsset openApi;
  private final StaticAsset html;

  public DocsRoutes() {
    this.openApi = StaticAsset.of(readResource(), "application/json");
    try {
      this.html = StaticAsset.of(render(Json.MAPPER.readTree(openApi.body())).getBytes(StandardCharsets.UTF_8),
          "text/html; charset=utf-8");
    } catch (IOException e) {
      throw new UncheckedIOException("openapi.json is not valid JSON", e);
    }
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/openapi.json", openApi::serve);
    routes.get("/api/docs", html::serve);
  }

  /** The OpenAPI document's bytes. */
  public static byte[] readResource() {
    return StaticAsset.read(OPENAPI_RESOURCE);
  }

  static String render(JsonNode api) {
    StringBuilder h = new StringBuilder(16_384);
    String title = api.path("info").path("title").asText("API");
    h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(esc(title)).append("</title><style>")
        .append("body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}")
        .append("code,pre{font:13px ui-monospace,monospace;background:#f4f4f4;padding:0 .2em}")
        .append("h2{border-bottom:1px solid #ccc;margin-top:2.5rem}h3{margin-bottom:.3rem}")
        .append("table{border-collapse:collapse;width:100%;margin:.5rem 0}")
        .append("td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}")
        .append(".m{display:inline-block;min-width:3.5rem;font-weight:bold}.get{color:#1a6}.post{color:#a61}")
        .append("</style></head><body>\n");
    h.append("<h1>").append(esc(title)).append(" <small>").append(esc(api.path("info").path("version").asText()))
        .append("</small></h1>\n<p>").append(esc(api.path("info").path("description").asText())).append("</p>\n");
    h.append("<p>Machine-readable: <a href=\"/openapi.json\">/openapi.json</a> (OpenAPI ")
        .append(esc(api.path("openapi").asText())).append(").</p>\n<h2>Routes</h2>\n<ul>\n");
    forEachOperation(api, (path, method, op) -> h.append("<li><a href=\"#").append(anchor(method, path))
        .append("\"><span class=\"m ").append(method).append("\">").append(method.toUpperCase()).append("</span><code>")
        .append(esc(path)).append("</code></a> ").append(esc(op.path("summary").asText())).append("</li>\n"));
    h.append("</ul>\n");
    forEachOperation(api, (path, method, op) -> {
      h.append("<h3 id=\"").append(anchor(method, path)).append("\"><span class=\"m ").append(method).append("\">")
          .append(method.toUpperCase()).append("</span><code>").append(esc(path)).append("</code></h3>\n<p><b>")
          .append(esc(op.path("summary").asText())).append("</b></p>\n");
      if (op.has("description")) {
        h.append("<p>").append(esc(op.path("description").asText())).append("</p>\n");
      }
      if (op.path("parameters").size() > 0) {
        h.append("<table><tr><th>parameter</th><th>type</th><th>default</th><th>description</th></tr>\n");
        for (JsonNode ref : op.path("parameters")) {
          JsonNode p = resolved(api, ref);
          JsonNode schema = p.path("schema");
          String type = schema.path("type").asText("");
          if (schema.has("enum")) {
            StringBuilder values = new StringBuilder();
            schema.path("enum").forEach(v -> values.append(values.length() == 0 ? "" : " | ").append(v.asText()));
            type = values.toString();
          }
          h.append("<tr><td><code>").append(esc(p.path("name").asText())).append("</code>")
              .append(p.path("required").asBoolean() ? " (required)" : "").append(" <small>")
              .append(esc(p.path("in").asText())).append("</small></td><td>").append(esc(type)).append("</td><td>")
              .append(schema.has("default") ? "<code>" + esc(schema.path("default").asText()) + "</code>" : "")
              .append("</td><td>").append(esc(p.path("description").asText())).append("</td></tr>\n");
        }
        h.append("</table>\n");
      }
      String example = op.path("x-example").asText("");
      if (!example.isEmpty()) {
        h.append("<p>Example: ").append(method.equals("get") ? "<a href=\"" + esc(example) + "\">" : "")
            .append("<code>").append(method.toUpperCase()).append(' ').append(esc(example)).append("</code>")
            .append(method.equals("get") ? "</a>" : "").append("</p>\n");
      }
      h.append("<table><tr><th>response</th><th>meaning</th></tr>\n");
      for (Map.Entry<String, JsonNode> r : op.path("responses").properties()) {
        h.append("<tr><td><code>").append(esc(r.getKey())).append("</code></td><td>")
            .append(esc(resolved(api, r.getValue()).path("description").asText())).append("</td></tr>\n");
      }
      h.append("</table>\n");
    });
    h.append("<h2>Problems</h2>\n<p>Every error is <code>application/problem+json</code> (RFC 9457) with "
        + "<code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code> and, for bad "
        + "parameters, <code>parameter</code> and <code>allowed</code>.</p>\n<table><tr><th>type</th><th>status</th><th>meaning</th></tr>\n");
    for (String[] p : PROBLEMS) {
      h.append("<tr id=\"problem-").append(p[0]).append("\"><td><code>/api/docs#problem-").append(p[0])
          .append("</code></td><td>").append(p[1]).append("</td><td>").append(p[2]).append("</td></tr>\n");
    }
    h.append("</table>\n</body></html>\n");
    return h.toString();
  }

  /** {@code node}, or what its {@code $ref} (a pointer into this document, {@code #/components/...}) names. */
  static JsonNode resolved(JsonNode api, JsonNode node) {
    String ref = node.path("$ref").asText("");
    if (!ref.startsWith("#/")) {
      return node;
    }
    JsonNode target = api.at(ref.substring(1));
    if (target.isMissingNode()) {
      throw new IllegalStateException("openapi.json refers to " + ref + ", which it does not define");
    }
    return target;
  }

  interface OperationVisitor {
    void visit(String path, String method, JsonNode operation);
  }

  static void forEachOperation(JsonNode api, OperationVisitor visitor) {
    for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
      for (String method : List.of("get", "post", "put", "patch", "delete")) {
        if (path.getValue().has(method)) {
          visitor.visit(path.getKey(), method, path.getValue().get(method));
        }
      }
    }
  }

  private static String anchor(String method, String path) {
    return method + path.replaceAll("[^A-Za-z0-9]+", "-");
  }

  public static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
