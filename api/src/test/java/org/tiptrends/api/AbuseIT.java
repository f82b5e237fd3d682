package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The chart abuse cases of issue 18 replayed against a server in this JVM: they answer 400 or 503
 * fast, never 500, and the health route stays fast meanwhile. (The failsafe JVM has -Xmx2g because it
 * also runs Spark to build the marts; the huge PNGs are refused before any drawing, so no heap is at
 * stake; the server's own bound is {@code DrawingBudget}, sized for the README's -Xmx1g.)
 */
class AbuseIT {
  static final TestApi API = TestApi.shared();

  @Test
  void sixHugePngsAtOnceAre400FastAndTheServerStaysHealthy() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      long started = System.nanoTime();
      for (int w = 2985; w <= 2990; w++) {
        String path = "/api/v1/charts/sectors?format=png&width=" + w + "&height=2000&scale=4";
        answers.add(pool.submit(() -> API.get(path)));
      }
      for (Future<HttpResponse<String>> a : answers) {
        HttpResponse<String> r = a.get();
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("pixels"), r.body());
      }
      long ms = (System.nanoTime() - started) / 1_000_000;
      assertTrue(ms < 5_000, "six refused PNGs took " + ms + " ms");
      assertEquals(200, API.get("/api/v1/health").statusCode());
    } finally {
      pool.shutdownNow();
    }
  }

  /** ECharts loaded into GraalJS before the burst (seconds on a loaded machine; not what is measured). */
  private static void warmUp() throws InterruptedException {
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (System.nanoTime() < deadline) {
      try {
        if (API.get("/api/v1/charts/victims-trend?format=svg&width=333").statusCode() == 200) {
          return;
        }
      } catch (java.io.UncheckedIOException timedOut) {
        // the first draw waits for ECharts to load; ask again
      }
      Thread.sleep(500);
    }
  }

  @Test
  void manyUncachedSvgsAtOnceAre200Or503NeverA500AndHealthStaysFast() throws Exception {
    warmUp();
    ExecutorService pool = Executors.newFixedThreadPool(60);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        String path = "/api/v1/charts/victims-trend?format=" + (i % 4 == 0 ? "png" : "svg") + "&width=" + (1200 + i);
        answers.add(pool.submit(() -> API.get(path)));
      }
      List<Long> health = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        long t = System.nanoTime();
        assertEquals(200, API.get("/api/v1/health").statusCode());
        health.add((System.nanoTime() - t) / 1_000_000);
        Thread.sleep(25);
      }
      Map<Integer, Integer> statuses = new TreeMap<>();
      for (Future<HttpResponse<String>> a : answers) {
        HttpResponse<String> r = a.get();
        statuses.merge(r.statusCode(), 1, Integer::sum);
        if (r.statusCode() == 503) {
          assertTrue(r.headers().firstValue("Retry-After").isPresent(), r.body());
          assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        }
      }
      assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 503), statuses.toString());
      health.sort(null);
      long p95 = health.get((int) Math.ceil(health.size() * 0.95) - 1);
      // generous for a loaded 2-core machine: the point is seconds (a held thread pool) versus milliseconds
      assertTrue(p95 < 1_000, "health p95 " + p95 + " ms during the burst; " + health);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void headersTrickledFasterThanTheIdleTimeoutAreCutAtTheHeaderDeadline() throws Exception {
    // one byte every 2 s never trips the 10 s idle timeout; only a deadline on the whole header ends it
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", API.app().port())) {
      socket.setSoTimeout(1_000);
      java.io.OutputStream out = socket.getOutputStream();
      out.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.flush();
      long started = System.nanoTime();
      long limitMs = org.tiptrends.api.http.HeaderReadDeadline.DEADLINE.toMillis() + 10_000;
      java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
      boolean closed = false;
      while (!closed && (System.nanoTime() - started) / 1_000_000 < limitMs) {
        try {
          out.write('a');
          out.flush();
        } catch (java.io.IOException reset) {
          break; // the server closed its side
        }
        long pauseUntil = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < pauseUntil) {
          try {
            int b = socket.getInputStream().read();
            if (b < 0) {
              closed = true;
              break;
            }
            answer.write(b);
          } catch (java.net.SocketTimeoutException quiet) {
            // nothing yet
          } catch (java.io.IOException reset) {
            closed = true;
            break;
          }
        }
      }
      long ms = (System.nanoTime() - started) / 1_000_000;
      String text = answer.toString(java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(text.startsWith("HTTP/1.1 408"), "after " + ms + " ms the server sent: " + text);
      assertTrue(text.contains("application/problem+json") && text.contains("\"status\":408"), text);
      assertTrue(ms >= org.tiptrends.api.http.HeaderReadDeadline.DEADLINE.toMillis() - 1_000 && ms < limitMs,
          "cut after " + ms + " ms");
    }
    assertEquals(200, API.get("/api/v1/health").statusCode());
  }
}
