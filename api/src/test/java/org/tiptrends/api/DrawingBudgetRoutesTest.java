package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;
import org.tiptrends.api.charts.render.ChartRenderer;
import org.tiptrends.api.charts.render.DrawingBudget;
import org.tiptrends.api.routes.ChartRoutes;
import org.tiptrends.api.snapshot.SnapshotHolder;

/**
 * The chart drawing budget as a client sees it: an image over the pixel limit is a 400 naming the
 * limit, answered before any drawing; no free drawing slot within the wait is a 503 with
 * {@code Retry-After} and a problem, answered after the short wait, never a 500.
 */
class DrawingBudgetRoutesTest {
  static final TestApi API = TestApi.shared();
  /** A server whose budget has no permit at all: every SVG and PNG draw finds the renderer busy. */
  static final SnapshotHolder HOLDER = new SnapshotHolder(TestMarts.root());
  static final Javalin BUSY;

  static {
    HOLDER.reload();
    BUSY = ApiApp.create(List.of(new ChartRoutes(HOLDER, ChartRenderer.shared(),
        new DrawingBudget(0, 0, Duration.ofMillis(100))))).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    BUSY.stop();
    HOLDER.close();
  }

  @Test
  void anImageOverThePixelLimitIsRefusedWithTheLimitBeforeAnyDrawing() {
    // the out-of-memory case: 2990 x 2000 at scale 4 is 95.7 million pixels
    long started = System.nanoTime();
    HttpResponse<String> r = API.get("/api/v1/charts/sectors?format=png&width=2990&height=2000&scale=4");
    long ms = (System.nanoTime() - started) / 1_000_000;
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    JsonNode p = TestApi.parse(r.body());
    assertEquals("scale", p.get("parameter").asText());
    assertTrue(p.get("detail").asText().contains(Long.toString(2990L * 2000 * 16)), p.toString());
    assertTrue(p.get("detail").asText().contains("16777216"), p.toString());
    assertTrue(ms < 5_000, ms + " ms");
  }

  @Test
  void theLargestImageWithinTheLimitIsStillDrawn() {
    // 2048 x 2048 x 2^2 = 16777216, exactly the limit
    HttpResponse<String> r = API.get("/api/v1/charts/sectors?format=png&width=2048&height=2000&scale=2");
    assertEquals(200, r.statusCode(), r.body());
  }

  @Test
  void noFreeDrawingSlotIsA503WithRetryAfterAfterAShortWait() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    for (String format : List.of("svg", "png")) {
      long started = System.nanoTime();
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + BUSY.port()
          + "/api/v1/charts/victims-trend?format=" + format + "&width=777")).build(),
          HttpResponse.BodyHandlers.ofString());
      long ms = (System.nanoTime() - started) / 1_000_000;
      assertEquals(503, r.statusCode(), r.body());
      assertEquals("2", r.headers().firstValue("Retry-After").orElse(null));
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
      // a PNG is drawn from its SVG, so with no permit at all both stop at the SVG slot
      assertTrue(TestApi.parse(r.body()).get("detail").asText().contains("drawing slot is taken"), r.body());
      assertTrue(ms < 10_000, ms + " ms");
    }
  }

  @Test
  void theBudgetRefusesOnlyAfterItsWaitAndFreesItsPermits() {
    DrawingBudget budget = new DrawingBudget(1, 1, Duration.ofMillis(200));
    assertEquals("a", budget.svg(() -> "a"));
    assertEquals("b", budget.svg(() -> "b"));
    long started = System.nanoTime();
    DrawingBudget.Busy busy = org.junit.jupiter.api.Assertions.assertThrows(DrawingBudget.Busy.class,
        () -> budget.png(() -> budget.png(() -> "never")));
    long ms = (System.nanoTime() - started) / 1_000_000;
    assertEquals("png", busy.format());
    assertTrue(ms >= 190, ms + " ms");
    assertEquals("c", budget.png(() -> "c"));
  }
}
