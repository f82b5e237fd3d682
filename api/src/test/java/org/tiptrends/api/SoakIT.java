package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tiptrends.api.bench.Soak;

/**
 * A CI-sized soak ({@link Soak}): 20 s at a fixed rate (40 requests/s) of mixed routes on loopback,
 * uncached charts among them, with a new mart version published in the middle. Every request is
 * answered (none dropped, none timed out) and none with a 5xx. Bounded rate and generous limits, so
 * that a loaded 2-core CI machine passes it; the full figures are {@code bench/soak}'s.
 */
class SoakIT {
  static final String NEXT = "v29991231T235959Z-50a1ed";
  static final int SECONDS = 20;
  static final int PER_SECOND = 40;

  @Test
  void twentySecondsOfMixedTrafficWithAReloadLoseNothingAndAnswerNo5xx() throws Exception {
    Path root = TestMarts.copyOfRoot();
    String old = TestMarts.version();
    TestMarts.copyTree(root.resolve(old), root.resolve(NEXT));
    try (TestApi api = new TestApi(root, null, true)) {
      warmUp(api);
      Soak.Report r = Soak.run(api::get, SECONDS, PER_SECOND, 24, () -> {
        try {
          TestMarts.publish(root, NEXT);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      assertEquals(List.of(), r.failures(), "statuses " + r.statuses());
      assertEquals(r.sent(), r.answered(), "every request answered; statuses " + r.statuses());
      assertTrue(r.statuses().keySet().stream().allMatch(s -> s < 500), r.statuses().toString());
      assertEquals(NEXT, api.json("/api/v1/health").get("version").asText(), "the new version went live");
    }
  }

  private static void warmUp(TestApi api) throws InterruptedException {
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (System.nanoTime() < deadline) {
      try {
        if (api.get("/api/v1/charts/victims-trend?format=svg&width=444").statusCode() == 200) {
          return;
        }
      } catch (java.io.UncheckedIOException timedOut) {
        // ECharts still loading into GraalJS
      }
      Thread.sleep(500);
    }
  }
}
