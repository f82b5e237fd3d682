package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/admin/reload}: only with the configured token; absent without one. */
class AdminReloadTest {
  static final String TOKEN = "s3cret-token-for-tests";

  @Test
  void reloadNeedsTheToken() throws Exception {
    Path root = TestMarts.copyOfRoot();
    try (TestApi api = new TestApi(root, TOKEN, false)) {
      HttpResponse<String> none = post(api, null);
      assertEquals(401, none.statusCode(), none.body());
      assertEquals("application/problem+json", BadRequestTest.contentType(none));
      assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
      assertEquals(401, post(api, "Basic dXNlcjpwYXNz").statusCode());
      assertEquals(401, post(api, "Bearer ").statusCode());
      HttpResponse<String> wrong = post(api, "Bearer not-the-token");
      assertEquals(403, wrong.statusCode(), wrong.body());
      assertEquals("application/problem+json", BadRequestTest.contentType(wrong));
      assertEquals(403, post(api, "Bearer " + TOKEN + "x").statusCode());

      HttpResponse<String> unchanged = post(api, "Bearer " + TOKEN);
      assertEquals(200, unchanged.statusCode(), unchanged.body());
      assertEquals("unchanged", TestApi.parse(unchanged.body()).get("outcome").asText());

      // a new version, loaded at once by the admin call (this server does not watch CURRENT)
      String next = "v29991231T235959Z-0a0a0a";
      TestMarts.copyTree(root.resolve(TestMarts.version()), root.resolve(next));
      TestMarts.publish(root, next);
      assertEquals(TestMarts.version(), api.json("/api/v1/health").get("version").asText());
      HttpResponse<String> loaded = post(api, "bearer " + TOKEN);
      assertEquals(200, loaded.statusCode(), loaded.body());
      JsonNode body = TestApi.parse(loaded.body());
      assertEquals("loaded", body.get("outcome").asText());
      assertEquals(next, body.get("version").asText());
      assertEquals(TestMarts.version(), body.get("previousVersion").asText());
      assertEquals(next, api.json("/api/v1/health").get("version").asText());
      assertEquals("no-store", loaded.headers().firstValue("Cache-Control").orElse(""));
    }
  }

  @Test
  void withoutAConfiguredTokenTheRouteDoesNotExist() {
    HttpResponse<String> r = post(TestApi.shared(), "Bearer anything");
    assertEquals(404, r.statusCode());
    assertEquals("application/problem+json", BadRequestTest.contentType(r));
  }

  private static HttpResponse<String> post(TestApi api, String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(api.uri("/api/v1/admin/reload"))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return api.send(b.build());
  }
}
