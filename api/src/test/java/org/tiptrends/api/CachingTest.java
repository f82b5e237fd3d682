package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
