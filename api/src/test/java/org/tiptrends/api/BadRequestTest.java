package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile and mistaken requests: a 400 problem naming the parameter, never a 500 or a trace. */
class BadRequestTest {
  static final TestApi API = TestApi.shared();
  static final String TRENDS = "/api/v1/trends/victims?";
  static final String BIG = "A".repeat(10_000);

  static Stream<Arguments> hostile() {
    return Stream.of(
        // query, the parameter the problem must name, a value it must list as allowed (or null)
        Arguments.of(TRENDS + "geo=XYZ", "geo", "WLD"),
        Arguments.of(TRENDS + "geo=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "geo", null),
        Arguments.of(TRENDS + "geo=..%2F..%2Fetc%2Fpasswd", "geo", null),
        Arguments.of(TRENDS + "geo=../../etc/passwd", "geo", null),
        Arguments.of(TRENDS + "geo=005", "geo", "WLD"),
        Arguments.of(TRENDS + "geo=", "geo", null),
        Arguments.of(TRENDS + "geo=" + BIG, "geo", null),
        Arguments.of(TRENDS + "geo=WLD&geo=FRA", "geo", null),
        Arguments.of(TRENDS + "geo=%ZZ", "geo", null),
        Arguments.of(TRENDS + "geo=%00", "geo", null),
        Arguments.of(TRENDS + "by=foo", "by", "demographic"),
        Arguments.of(TRENDS + "by=", "by", null),
        Arguments.of(TRENDS + "from=abc", "from", "2010"),
        Arguments.of(TRENDS + "from=1800", "from", "2003"),
        Arguments.of(TRENDS + "to=3000", "to", "2021"),
        Arguments.of(TRENDS + "from=2015&to=2010", "from", null),
        Arguments.of(TRENDS + "from=99999999999999999999999", "from", null),
        Arguments.of(TRENDS + "from=-2010", "from", null),
        Arguments.of(TRENDS + "from=2010.0", "from", null),
        Arguments.of(TRENDS + "from=1e3", "from", null),
        Arguments.of(TRENDS + "from=%2B2010", "from", null),
        Arguments.of(TRENDS + "balanced=yes", "balanced", "true"),
        Arguments.of(TRENDS + "format=xml", "format", "csv"),
        Arguments.of(TRENDS + "year=2010", "year", "from"),
        Arguments.of(TRENDS + BIG + "=1", "A".repeat(37) + "...", "geo"),
        Arguments.of("/api/v1/shares/demographic?geo=WLD", "year", null),
        Arguments.of("/api/v1/shares/demographic?geo=WLD&year=abc", "year", "2016"),
        Arguments.of("/api/v1/shares/forms?geo=WLD&year=1800", "year", "2021"),
        Arguments.of("/api/v1/shares/forms?geo=Narnia&year=2016", "geo", null),
        Arguments.of("/api/v1/shares/forms?geo=WLD&year=2016&by=sex", "by", "year"),
        Arguments.of("/api/v1/flows", "destination", "origin"),
        Arguments.of("/api/v1/flows?destination=XXX", "destination", null),
        Arguments.of("/api/v1/flows?destination=150", "destination", null),
        Arguments.of("/api/v1/flows?origin=Mars", "origin", null),
        Arguments.of("/api/v1/flows?origin=ZZZ", "origin", null),
        Arguments.of("/api/v1/flows?destination=FRA&year=1800", "year", "2010"),
        Arguments.of("/api/v1/flows?destination=FRA&year=" + "9".repeat(300), "year", null),
        Arguments.of("/api/v1/meta?format=csv", "format", null),
        Arguments.of("/api/v1/health?x=1", "x", null));
  }

  @ParameterizedTest(name = "[{index}] parameter {1}")
  @MethodSource("hostile")
  void answersAProblemNamingTheParameter(String query, String parameter, String allowedValue) {
    TestApi.RawResponse r = API.raw(query);
    assertEquals(400, r.status(), r.body());
    assertEquals("application/problem+json", r.contentType());
    JsonNode p = TestApi.parse(r.body());
    assertEquals(400, p.get("status").asInt());
    assertEquals("/api/docs#problem-invalid-parameter", p.get("type").asText());
    assertEquals("Invalid request parameter", p.get("title").asText());
    assertFalse(p.get("detail").asText().isBlank());
    assertEquals(parameter, p.get("parameter").asText(), p.toString());
    if (allowedValue != null) {
      List<?> allowed = TestApi.JSON.convertValue(p.get("allowed"), List.class);
      assertTrue(allowed.contains(allowedValue), allowed + " should list " + allowedValue);
    }
    assertTrue(p.get("detail").asText().length() < 400, "a short detail, not an echo of the input");
    assertNoTrace(r.body());
    assertEquals("no-store", r.headers().get("cache-control"));
    assertFalse(r.headers().containsKey("etag"));
  }

  @Test
  void unknownRoutesAre404ProblemJson() {
    for (String path : List.of("/nope", "/api/v1/trends", "/api/v1/trends/victims/extra", "/api/v2/health",
        "/api/v1/admin/reload", "/%3Cscript%3E")) {
      HttpResponse<String> r = API.get(path);
      assertEquals(404, r.statusCode(), path);
      assertEquals("application/problem+json", contentType(r), path);
      JsonNode p = TestApi.parse(r.body());
      assertEquals(404, p.get("status").asInt());
      assertEquals("/api/docs#problem-not-found", p.get("type").asText());
      assertNoTrace(r.body());
    }
    HttpResponse<String> post = API.send(HttpRequest.newBuilder(API.uri("/api/v1/trends/victims"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    // the API is read-only: a POST on a data route is a method the path does not answer (issue 18: 405 + Allow)
    assertEquals(405, post.statusCode(), "the API is read-only: no POST on data routes");
    assertEquals("GET, HEAD, OPTIONS", post.headers().firstValue("Allow").orElse(null));
    assertEquals("application/problem+json", contentType(post));
  }

  @Test
  void headersTooLargeForTheServerStillGetAProblem() {
    HttpResponse<String> r = API.get("/api/v1/trends/victims?geo=" + "A".repeat(40_000));
    assertTrue(r.statusCode() == 414 || r.statusCode() == 431 || r.statusCode() == 400, r.statusCode() + "");
    assertEquals("application/problem+json", contentType(r));
    assertNoTrace(r.body());
  }

  @Test
  void randomGarbageIsNeverA500() {
    Random random = new Random(42);
    String[] paths = {"/api/v1/trends/victims", "/api/v1/shares/demographic", "/api/v1/shares/forms",
        "/api/v1/flows", "/api/v1/meta", "/api/v1/health", "/openapi.json", "/api/docs"};
    String[] names = {"geo", "by", "from", "to", "balanced", "year", "destination", "origin", "format", "", "%"};
    String alphabet = "abcXYZ019-_.~%25%20%2F%3C%3E%C3%A9%FF%'\"+&=;,()[]{}|\\^`<>#?/";
    for (int i = 0; i < 300; i++) {
      StringBuilder q = new StringBuilder(paths[random.nextInt(paths.length)]).append('?');
      for (int k = random.nextInt(4); k >= 0; k--) {
        q.append(names[random.nextInt(names.length)]).append('=');
        for (int n = random.nextInt(12); n > 0; n--) {
          q.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        q.append('&');
      }
      TestApi.RawResponse r = API.raw(q.toString());
      assertTrue(r.status() < 500, q + " -> " + r.status() + " " + r.body());
      if (r.status() >= 400) {
        assertEquals("application/problem+json", r.contentType(), q.toString());
        assertNoTrace(r.body());
      }
    }
  }

  static String contentType(HttpResponse<String> r) {
    return r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
  }

  static void assertNoTrace(String body) {
    assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("org.tiptrends")
        || body.contains("io.javalin") || body.contains("jetty"), body);
  }
}
