package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tiptrends.api.routes.DocsRoutes;

/** The OpenAPI document lists every route the app serves, and the docs page shows them. */
class OpenApiTest {
  static final TestApi API = TestApi.shared();

  @Test
  void everyRegisteredRouteIsInTheDocument() throws Exception {
    try (TestApi withAdmin = new TestApi(TestMarts.root(), "a-token-for-the-test", false)) {
      JsonNode paths = API.json("/openapi.json").get("paths");
      Set<String> registered = new TreeSet<>();
      for (ParsedEndpoint e : withAdmin.app().unsafe.internalRouter.allHttpHandlers()) {
        if (e.endpoint.method == HandlerType.GET || e.endpoint.method == HandlerType.POST) {
          registered.add(e.endpoint.method.name().toLowerCase() + " " + e.endpoint.path);
        }
      }
      assertTrue(registered.size() >= 8, registered.toString());
      Set<String> missing = new TreeSet<>();
      for (String route : registered) {
        String[] mp = route.split(" ");
        if (!paths.has(mp[1]) || !paths.get(mp[1]).has(mp[0])) {
          missing.add(route);
        }
      }
      assertEquals(Set.of(), missing, "routes served but not in openapi.json");
      Set<String> documented = new TreeSet<>();
      paths.properties().forEach(p -> p.getValue().properties().forEach(m -> documented.add(m.getKey() + " " + p.getKey())));
      assertEquals(registered, documented, "openapi.json documents a route that is not served");
    }
  }

  @Test
  void theDocumentIsOpenApi3AndTheDocsPageRendersEveryPath() {
    JsonNode api = API.json("/openapi.json");
    assertTrue(api.get("openapi").asText().startsWith("3."));
    HttpResponse<String> docs = API.get("/api/docs");
    assertEquals(200, docs.statusCode());
    assertTrue(docs.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    String html = docs.body();
    api.get("paths").properties().forEach(p -> assertTrue(html.contains("<code>" + p.getKey() + "</code>"), p.getKey()));
    assertTrue(html.contains("id=\"problem-invalid-parameter\""));
    assertFalse(html.contains("<script"), "no scripts, no CDN");
    assertFalse(html.contains("http://") || html.contains("https://"), "no external resources");
  }

  /** The section of the docs page for {@code GET path}: from its heading to the next. */
  private static String section(String html, String path) {
    int at = html.indexOf("<h3 id=\"get" + path.replaceAll("[^A-Za-z0-9]+", "-") + "\"");
    assertTrue(at >= 0, "no section for GET " + path);
    int end = html.indexOf("<h3", at + 4);
    return html.substring(at, end < 0 ? html.length() : end);
  }

  @Test
  void sharedParametersAndResponsesAreRenderedFromTheirReferences() {
    JsonNode api = API.json("/openapi.json");
    String trends = section(API.get("/api/docs").body(), "/api/v1/trends/victims");
    String geoDescription = api.at("/components/parameters/geo/description").asText();
    assertFalse(geoDescription.isEmpty());
    assertTrue(trends.contains("<code>geo</code>"), trends);
    assertTrue(trends.contains(DocsRoutes.esc(geoDescription)), "geo's description from components: " + trends);
    assertTrue(trends.contains("<code>format</code>"), trends);
    for (String code : new String[] {"304", "400", "503"}) {
      String ref = api.at("/paths/~1api~1v1~1trends~1victims/get/responses/" + code + "/$ref").asText();
      String description = api.at(ref.substring(1) + "/description").asText();
      assertFalse(description.isEmpty(), code + " " + ref);
      assertTrue(trends.contains("<code>" + code + "</code></td><td>" + DocsRoutes.esc(description)), code + ": " + trends);
    }
    assertFalse(API.get("/api/docs").body().contains("</code></td><td></td>"), "a parameter or response without a description");
  }

  /** Every route shows an example request, and every example GET answers 200 on the bundled sample. */
  @Test
  void everyRouteHasAnExampleRequestThatAnswers() {
    JsonNode api = API.json("/openapi.json");
    String html = API.get("/api/docs").body();
    api.get("paths").properties().forEach(p -> p.getValue().properties().forEach(m -> {
      String example = m.getValue().path("x-example").asText("");
      String where = m.getKey() + " " + p.getKey();
      assertFalse(example.isEmpty(), "no example for " + where);
      String template = p.getKey().replaceAll("\\{[^}]+}", "[^/?]+");
      assertTrue(example.matches(template + "(\\?.*)?"),
          where + ": example " + example + " is not a request of this path");
      assertTrue(html.contains("<code>" + m.getKey().toUpperCase() + " " + DocsRoutes.esc(example) + "</code>"), where);
      if (m.getKey().equals("get")) {
        HttpResponse<String> r = API.get(example);
        assertEquals(200, r.statusCode(), where + ": " + example + " answered " + r.body());
      }
    }));
  }

  /**
   * The chart route's document names every chart of the catalogue (and no other) and every
   * parameter a chart takes, so a chart added to the catalogue is added to the document too.
   */
  @Test
  void theChartRouteDocumentsEveryChartAndParameterOfTheCatalogue() {
    JsonNode route = API.json("/openapi.json").get("paths").get("/api/v1/charts/{id}").get("get");
    Set<String> ids = new TreeSet<>();
    Set<String> parameters = new TreeSet<>();
    for (JsonNode p : route.get("parameters")) {
      JsonNode param = p.has("$ref") ? API.json("/openapi.json").at(p.get("$ref").asText().substring(1)) : p;
      parameters.add(param.get("name").asText());
      if (param.get("name").asText().equals("id")) {
        param.at("/schema/enum").forEach(id -> ids.add(id.asText()));
      }
    }
    Set<String> catalogue = new TreeSet<>();
    Set<String> taken = new TreeSet<>();
    for (JsonNode c : API.json("/api/v1/charts").get("charts")) {
      catalogue.add(c.get("id").asText());
      c.get("parameters").forEach(name -> taken.add(name.asText()));
    }
    assertTrue(catalogue.size() >= 8, catalogue.toString());
    assertEquals(catalogue, ids, "the id enum of /api/v1/charts/{id}");
    taken.removeAll(parameters);
    assertEquals(Set.of(), taken, "chart parameters the document does not list");
  }
}
