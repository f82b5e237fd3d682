package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Publishing a new version while requests run: every request succeeds, answers come from one
 * version or the other (never a mix), and the new version is served within 10 s. A version that
 * fails to load leaves the old one serving.
 */
class HotReloadTest {
  static final String NEXT = "v29991231T235959Z-abcdef";

  @Test
  void aNewVersionGoesLiveUnderLoadWithoutAFailedRequest() throws Exception {
    Path root = TestMarts.copyOfRoot();
    try (TestApi api = new TestApi(root, null, true)) {
      String old = TestMarts.version();
      assertEquals(old, api.json("/api/v1/health").get("version").asText());
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger requests = new AtomicInteger();
      List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
      Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<String> queries = List.of("/api/v1/trends/victims?geo=WLD&by=demographic",
          "/api/v1/trends/victims?geo=150&by=sex&balanced=true&from=2012&to=2016",
          "/api/v1/shares/demographic?geo=WLD&year=2016", "/api/v1/flows?origin=002&year=2016");
      List<Future<?>> workers = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String q = queries.get(t);
        workers.add(pool.submit(() -> {
          while (!stop.get()) {
            try {
              HttpResponse<String> r = api.get(q);
              requests.incrementAndGet();
              if (r.statusCode() != 200) {
                failures.add(q + " -> " + r.statusCode() + " " + r.body());
                continue;
              }
              JsonNode body = TestApi.parse(r.body());
              versionsSeen.add(body.get("source").get("martVersion").asText());
            } catch (RuntimeException e) {
              failures.add(q + " -> " + e);
            }
          }
        }));
      }
      Thread.sleep(300);
      TestMarts.copyTree(root.resolve(old), root.resolve(NEXT));
      long published = System.nanoTime();
      TestMarts.publish(root, NEXT);
      String live = old;
      while (!live.equals(NEXT) && System.nanoTime() - published < 10_000_000_000L) {
        Thread.sleep(100);
        live = api.json("/api/v1/health").get("version").asText();
      }
      double seconds = (System.nanoTime() - published) / 1e9;
      Thread.sleep(500); // requests keep running on the new version
      stop.set(true);
      for (Future<?> w : workers) {
        w.get();
      }
      pool.shutdown();
      assertEquals(NEXT, live, "the new version is served within 10 s (waited " + seconds + " s)");
      assertEquals(List.of(), failures, "no request failed during the swap");
      assertTrue(requests.get() > 20, "requests ran during the swap: " + requests.get());
      assertEquals(Set.of(old, NEXT), versionsSeen, "answers came from the old, then the new version");
      assertEquals(NEXT, api.json("/api/v1/trends/victims").get("source").get("martVersion").asText());
    }
  }

  @Test
  void aVersionThatFailsToLoadLeavesTheOldOneServing() throws Exception {
    Path root = TestMarts.copyOfRoot();
    try (TestApi api = new TestApi(root, "admin-secret", true)) {
      String old = TestMarts.version();
      String broken = "v29991231T235959Z-b0b0b0";
      TestMarts.copyTree(root.resolve(old), root.resolve(broken));
      try (Stream<Path> parts = Files.list(root.resolve(broken).resolve("victims_by_year"))) {
        for (Path p : parts.filter(p -> p.toString().endsWith(".parquet")).toList()) {
          Files.write(p, new byte[] {'P', 'A', 'R', '1', 0, 0}); // a truncated Parquet file
        }
      }
      TestMarts.publish(root, broken);
      Thread.sleep(2_500); // at least one watcher period
      JsonNode health = api.json("/api/v1/health");
      assertEquals("ok", health.get("status").asText());
      assertEquals(old, health.get("version").asText(), "the old version keeps serving");
      assertEquals(200, api.get("/api/v1/trends/victims?by=sex").statusCode());
      HttpResponse<String> forced = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/admin/reload"))
          .header("Authorization", "Bearer admin-secret").POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
      assertEquals(409, forced.statusCode(), forced.body());
      assertEquals("failed", TestApi.parse(forced.body()).get("outcome").asText());
      assertEquals(old, api.json("/api/v1/health").get("version").asText());
    }
  }
}
