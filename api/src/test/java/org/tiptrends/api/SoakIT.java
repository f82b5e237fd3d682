package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A CI-sized soak: 20 s at a fixed rate (40 requests/s) of mixed routes on loopback, uncached charts
 * among them (a new width every 2 s), with a new mart version published in the middle. Every request
 * is answered (none dropped, none timed out) and none with a 5xx. Bounded rate and generous limits,
 * so that a loaded 2-core CI machine passes it; the full figures are {@code bench/api}'s.
 */
class SoakIT {
  static final String NEXT = "v29991231T235959Z-50a1ed";
  static final int SECONDS = 20;
  static final int PER_SECOND = 40;
  static final List<String> MIX = List.of("/api/v1/health", "/api/v1/trends/victims?by=sex",
      "/api/v1/trends/victims?geo=150&by=form", "/api/v1/shares/demographic?geo=WLD&year=2016",
      "/api/v1/flows?origin=002&year=2016", "/api/v1/correlations/gdp-transregional", "/api/v1/meta",
      "/api/v1/charts/victims-trend", "/api/v1/charts/victims-trend?format=svg", "/api/v1/trends/victims?by=sex&format=csv");

  @Test
  void twentySecondsOfMixedTrafficWithAReloadLoseNothingAndAnswerNo5xx() throws Exception {
    Path root = TestMarts.copyOfRoot();
    String old = TestMarts.version();
    TestMarts.copyTree(root.resolve(old), root.resolve(NEXT));
    try (TestApi api = new TestApi(root, null, true)) {
      warmUp(api);
      ExecutorService clients = Executors.newFixedThreadPool(24);
      AtomicInteger sent = new AtomicInteger();
      AtomicInteger answered = new AtomicInteger();
      Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      long start = System.nanoTime();
      long intervalNanos = 1_000_000_000L / PER_SECOND;
      boolean published = false;
      for (int i = 0; i < SECONDS * PER_SECOND; i++) {
        long due = start + i * intervalNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        if (!published && i >= SECONDS * PER_SECOND / 2) {
          TestMarts.publish(root, NEXT);
          published = true;
        }
        String path = i % (2 * PER_SECOND) == 7
            ? "/api/v1/charts/victims-trend?format=svg&width=" + (1000 + i) // not drawn before
            : MIX.get(i % MIX.size());
        sent.incrementAndGet();
        clients.submit(() -> {
          try {
            HttpResponse<String> r = api.get(path);
            answered.incrementAndGet();
            statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
            if (r.statusCode() >= 500) {
              failures.add(r.statusCode() + " " + path + ": " + r.body());
            }
          } catch (RuntimeException e) {
            failures.add("dropped " + path + ": " + e);
          }
        });
      }
      clients.shutdown();
      assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS), "clients did not finish");
      assertEquals(List.of(), List.copyOf(failures), "statuses " + statuses);
      assertEquals(sent.get(), answered.get(), "every request answered; statuses " + statuses);
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
