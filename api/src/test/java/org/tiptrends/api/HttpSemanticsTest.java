package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HEAD, 405 with Allow, OPTIONS and the security headers, as a client sees them. */
class HttpSemanticsTest {
  static final TestApi API = TestApi.shared();

  private static HttpResponse<String> send(String method, String path) {
    return API.send(HttpRequest.newBuilder(API.uri(path)).method(method, HttpRequest.BodyPublishers.noBody()).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/trends/victims?by=sex", "/api/v1/meta", "/", "/api/v1/charts/victims-trend?format=csv"})
  void headAnswersTheHeadersOfGetWithoutABody(String path) {
    HttpResponse<String> get = API.get(path);
    HttpResponse<String> head = send("HEAD", path);
    assertEquals(200, get.statusCode());
    assertEquals(200, head.statusCode(), head.body());
    assertEquals("", head.body());
    for (String h : new String[] {"Content-Type", "ETag", "Cache-Control"}) {
      assertEquals(get.headers().firstValue(h), head.headers().firstValue(h), h);
    }
    assertEquals(Integer.toString(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
        head.headers().firstValue("Content-Length").orElse(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PUT", "DELETE", "PATCH", "POST"})
  void aWrongMethodOnAKnownPathIs405WithAllow(String method) {
    HttpResponse<String> r = send(method, "/api/v1/trends/victims");
    assertEquals(405, r.statusCode(), r.body());
    assertEquals("GET, HEAD, OPTIONS", r.headers().firstValue("Allow").orElse(null));
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    r = send(method, "/api/v1/charts/sectors");
    assertEquals(405, r.statusCode(), r.body());
    assertEquals("GET, HEAD, OPTIONS", r.headers().firstValue("Allow").orElse(null));
  }

  @Test
  void optionsOnAKnownPathListsItsMethods() {
    HttpResponse<String> r = send("OPTIONS", "/api/v1/flows");
    assertEquals(204, r.statusCode(), r.body());
    assertEquals("GET, HEAD, OPTIONS", r.headers().firstValue("Allow").orElse(null));
  }

  @Test
  void anUnknownPathIsStill404() {
    assertEquals(404, send("PUT", "/api/v1/nothing-here").statusCode());
    assertEquals(404, API.get("/api/v1/nothing-here").statusCode());
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() {
    for (String path : new String[] {"/", "/api/v1/meta", "/api/v1/nothing-here", "/api/v1/trends/victims?by=bogus"}) {
      HttpResponse<String> r = API.get(path);
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
      assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null), path);
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("frame-ancestors 'none'"), path + ": " + csp);
      assertTrue(!csp.contains("script-src") || !csp.contains("'unsafe-inline'; img") || csp.contains("script-src 'self';"), csp);
    }
    String dashboard = API.get("/").headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(dashboard.contains("script-src 'self';"), dashboard);
  }
}
