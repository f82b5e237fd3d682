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
}
