package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.api.charts.render.DrawingBudget;

/**
 * The packaged API in its own JVM with the heap the README recommends ({@code -Xmx1g}), asked for
 * the largest PNGs it allows from 8 clients at once, each a size not drawn before, for 30 s: every
 * answer is a 200 or a 503 with {@code Retry-After}, the process never logs an
 * {@code OutOfMemoryError}, and it still answers health at the end. (Issue 18: six 12,000 × 8,000
 * PNGs at once used to exhaust the heap.)
 */
class DrawingHeapIT {
  static final Path JAR = Path.of("target/tiptrends-api.jar").toAbsolutePath();
  static final int CLIENTS = 8;
  static final Duration BURST = Duration.ofSeconds(30);

  @Test
  void theLargestAllowedPngsFromManyClientsNeverExhaustAOneGigabyteHeap(@TempDir Path tmp) throws Exception {
    assertTrue(Files.isRegularFile(JAR), "the packaged API " + JAR + " (mvn package)");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = tmp.resolve("api.log");
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-jar", JAR.toString(), "--marts", TestMarts.root().toString(), "--port", Integer.toString(port))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      URI base = URI.create("http://127.0.0.1:" + port);
      awaitFirstPng(client, base, server, log);
      // the largest images allowed: height 2000 (its maximum) and the widest width within MAX_PIXELS at scale 2
      int height = 2000;
      int widest = (int) (DrawingBudget.MAX_PIXELS / (4L * height));
      AtomicInteger next = new AtomicInteger();
      Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
      List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
      long until = System.nanoTime() + BURST.toNanos();
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        clients.add(pool.submit(() -> {
          while (System.nanoTime() < until && server.isAlive() && wrong.isEmpty()) {
            int n = next.incrementAndGet();
            String chart = n % 2 == 0 ? "sectors" : "victims-trend";
            String path = "/api/v1/charts/" + chart + "?format=png&width=" + (widest - n % 400) + "&height=" + height + "&scale=2";
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
            statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
            boolean busy = r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent();
            if (r.statusCode() != 200 && !busy && wrong.size() < 10) {
              wrong.add(r.statusCode() + " " + path + ": " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            if (busy) {
              Thread.sleep(200);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : clients) {
        f.get(3, TimeUnit.MINUTES);
      }
      Map<Integer, Integer> counted = new TreeMap<>();
      statuses.forEach((k, v) -> counted.put(k, v.get()));
      System.out.println("DrawingHeapIT: statuses of the largest PNGs in " + BURST.toSeconds() + " s: " + counted);
      String output = Files.readString(log);
      assertFalse(output.contains("OutOfMemoryError"), "the server ran out of heap:\n" + tail(output));
      // issue 15: the packaged server's log alarms no newcomer with Hadoop's harmless native-library warning
      assertFalse(output.contains("native-hadoop"), "the server's log:\n" + tail(output));
      assertTrue(server.isAlive(), "the server died:\n" + tail(output));
      assertEquals(List.of(), List.copyOf(wrong), "statuses " + counted);
      assertTrue(counted.getOrDefault(200, 0) >= 2, "some of the largest PNGs were drawn: " + counted);
      HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode(), health.body());
    } finally {
      pool.shutdownNow();
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  /** Waits until the server answers a small PNG (ECharts loads into GraalJS after start-up). */
  private static void awaitFirstPng(HttpClient client, URI base, Process server, Path log) throws Exception {
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (System.nanoTime() < deadline && server.isAlive()) {
      try {
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/charts/victims-trend?format=png&width=400"))
            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // not listening yet, or still loading ECharts
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the server drew no PNG within 180 s:\n" + tail(Files.readString(log)));
  }

  private static String tail(String text) {
    return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
  }
}
