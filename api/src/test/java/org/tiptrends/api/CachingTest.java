package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** ETags (mart version + path + sorted query), If-None-Match → 304, Cache-Control. */
class CachingTest {
  static final TestApi API = TestApi.shared();

  @Test
  void getAnswersCarryAnETagAndHonourIfNoneMatch() {
    for (String q : new String[] {"/api/v1/trends/victims?geo=WLD&by=sex", "/api/v1/meta",
        "/api/v1/shares/forms?geo=WLD&year=2016", "/api/v1/flows?origin=NGA", "/openapi.json", "/api/docs"}) {
      HttpResponse<String> first = API.get(q);
      assertEquals(200, first.statusCode(), q);
      String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(q + ": no ETag"));
      assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
      assertTrue(first.headers().firstValue("Cache-Control").orElse("").contains("max-age"), q);
      HttpResponse<String> again = API.get(q, "If-None-Match", etag);
      assertEquals(304, again.statusCode(), q);
      assertEquals("", again.body(), q);
      assertEquals(etag, again.headers().firstValue("ETag").orElse(""), q);
      assertEquals(304, API.get(q, "If-None-Match", "\"other\", W/" + etag).statusCode(), q + ": weak, in a list");
      assertEquals(200, API.get(q, "If-None-Match", "\"0123\"").statusCode(), q + ": another tag");
    }
  }

  @Test
  void theTagDependsOnPathAndQueryButNotOnParameterOrder() {
    String a = tag("/api/v1/trends/victims?geo=WLD&by=sex&from=2010");
    assertEquals(a, tag("/api/v1/trends/victims?from=2010&by=sex&geo=WLD"));
    assertNotEquals(a, tag("/api/v1/trends/victims?geo=WLD&by=sex&from=2011"));
    assertNotEquals(a, tag("/api/v1/trends/victims?geo=WLD&by=sex&from=2010&format=csv"));
    assertNotEquals(tag("/api/v1/shares/forms?year=2016"), tag("/api/v1/shares/demographic?year=2016"));
  }

  @Test
  void errorsAndHealthAreNotCached() {
    HttpResponse<String> bad = API.get("/api/v1/trends/victims?by=nope");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.headers().firstValue("ETag").isEmpty());
    assertEquals("no-store", bad.headers().firstValue("Cache-Control").orElse(""));
    assertEquals("no-store", API.get("/api/v1/health").headers().firstValue("Cache-Control").orElse(""));
  }

  private static String tag(String q) {
    HttpResponse<String> r = API.get(q);
    assertEquals(200, r.statusCode(), q + " " + r.body());
    return r.headers().firstValue("ETag").orElseThrow();
  }

  /**
   * Issue 18: the ETag is of the query as the endpoint understood it. For every documented GET
   * route's example, the same request with its documented defaults spelt out, and again with its
   * values upper-cased where the route accepts that, answers the same bytes under the same ETag,
   * and its If-None-Match is honoured across spellings; a different value is a different tag.
   */
  @Test
  void equivalentSpellingsOfAQueryShareOneETag() {
    JsonNode api = API.json("/openapi.json");
    int compared = 0;
    for (var path : (Iterable<java.util.Map.Entry<String, JsonNode>>) api.get("paths").properties()::iterator) {
      JsonNode get = path.getValue().get("get");
      String example = get == null ? "" : get.path("x-example").asText("");
      if (!example.startsWith("/api/v1/") || example.startsWith("/api/v1/charts") || example.equals("/api/v1/health")) {
        continue; // charts have their own cache; health is not cached
      }
      StringBuilder defaults = new StringBuilder();
      for (JsonNode p : get.path("parameters")) {
        JsonNode param = p.has("$ref") ? api.at(p.get("$ref").asText().substring(1)) : p;
        String name = param.path("name").asText();
        if (param.path("in").asText().equals("query") && param.path("schema").has("default")
            && !example.matches(".*[?&]" + name + "=.*")) {
          defaults.append('&').append(name).append('=').append(param.path("schema").path("default").asText());
        }
      }
      int q = example.indexOf('?');
      String route = q < 0 ? example : example.substring(0, q);
      String query = q < 0 ? "" : example.substring(q + 1);
      String spelt = route + "?" + (query + defaults).replaceFirst("^&", "");
      String shouted = route + "?" + (query.toUpperCase(java.util.Locale.ROOT) + defaults).replaceFirst("^&", "");
      HttpResponse<String> a = API.get(example);
      assertEquals(200, a.statusCode(), example);
      String etag = a.headers().firstValue("ETag").orElseThrow();
      for (String variant : new String[] {spelt, shouted}) {
        HttpResponse<String> b = API.get(variant);
        if (variant == shouted && b.statusCode() == 400) {
          continue; // a value this route reads case-sensitively (an indicator code, say)
        }
        assertEquals(200, b.statusCode(), variant + ": " + b.body());
        assertEquals(a.body(), b.body(), example + " and " + variant + " answer different bodies");
        assertEquals(etag, b.headers().firstValue("ETag").orElse(""), example + " and " + variant);
        assertEquals(304, API.get(variant, "If-None-Match", etag).statusCode(), variant);
        compared++;
      }
    }
    assertTrue(compared >= 10, "compared " + compared + " spellings");
    assertNotEquals(tag("/api/v1/trends/victims?by=SEX&format=JSON"), tag("/api/v1/trends/victims?by=age"));
    assertEquals(tag("/api/v1/trends/victims?by=sex"), tag("/api/v1/trends/victims?by=SEX&format=JSON&geo=wld"));
  }
}
