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

  /** A browser asks with Accept-Encoding: gzip; the memoised bytes must be compressible like fresh ones. */
  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/trends/victims?by=sex&geo=150", "/api/v1/correlations/gdp-transregional", "/api/v1/meta"})
  void gzipAnswersFromTheMemoAndHeadWithGzipAre200(String path) throws Exception {
    String identity = API.get(path).body(); // the first answer, now memoised
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    for (int i = 0; i < 2; i++) {
      HttpResponse<byte[]> gz = client.send(HttpRequest.newBuilder(API.uri(path)).header("Accept-Encoding", "gzip").build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, gz.statusCode(), new String(gz.body(), java.nio.charset.StandardCharsets.UTF_8));
      byte[] body = "gzip".equals(gz.headers().firstValue("Content-Encoding").orElse(null))
          ? new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body())).readAllBytes() : gz.body();
      assertEquals(identity, new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }
    HttpResponse<String> head = API.send(HttpRequest.newBuilder(API.uri(path)).header("Accept-Encoding", "gzip")
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(200, head.statusCode(), head.body());
    assertEquals(Integer.toString(identity.getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
        head.headers().firstValue("Content-Length").orElse(null), "HEAD says the identity length it does not compress");
  }

  @Test
  void optionsStarAsksTheServerAndIsAnsweredWithAllow() {
    TestApi.RawResponse r = API.exchange("OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertEquals(204, r.status(), r.body());
    assertEquals("GET, HEAD, POST, OPTIONS", r.headers().get("allow"));
  }

  @Test
  void anHttp2PrefaceOnThisHttp1PortIsAProblem() {
    TestApi.RawResponse r = API.exchange("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
    assertEquals(426, r.status(), r.body());
    assertTrue(r.contentType().startsWith("application/problem+json"), r.headers().toString());
    assertEquals(426, TestApi.parse(r.body()).get("status").asInt(), r.body());
  }

  @Test
  void anUnknownMethodOnAnUnknownPathIsAProblemToo() {
    TestApi.RawResponse r = API.exchange("BREW /coffee HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertTrue(r.status() >= 400 && r.status() < 500, r.status() + " " + r.body());
    assertTrue(r.contentType().startsWith("application/problem+json"), r.status() + " " + r.headers());
  }
}
