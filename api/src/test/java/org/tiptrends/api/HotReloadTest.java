package org.tiptrends.api;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;

/**
 * Publishing a new version while requests run: every request succeeds, each answer is entirely from
 * one version (its ETag, its {@code martVersion} and all its numbers those of the same version;
 * the two versions' numbers differ), and the new version is served within 10 s. A version that fails
 * to load leaves the old one serving.
 */
class HotReloadTest {
  static final String NEXT = "v29991231T235959Z-abcdef";

  /** What the clients ask, each in its own thread; the second is Europe over the two years with the largest balanced panel. */
  static List<String> queries() {
    int[] window = TrendsContractTest.widestPanel(c -> "150".equals(c.regionCode()), 2);
    assertTrue(window[1] > 0, "some European countries report two years running");
    return List.of("/api/v1/trends/victims?geo=WLD&by=demographic",
        "/api/v1/trends/victims?geo=150&by=sex&balanced=true&from=" + window[0] + "&to=" + (window[0] + 1),
        "/api/v1/shares/demographic?geo=WLD&year=2016", "/api/v1/flows?origin=002&year=2016");
  }

  /** One answer as a client saw it. */
  record Seen(String query, String etag, JsonNode body) {
    String version() {
      return body.get("source").get("martVersion").asText();
    }
  }

  @Test
  void aNewVersionGoesLiveUnderLoadWithoutAFailedOrMixedAnswer() throws Exception {
    List<String> queries = queries();
    Path root = TestMarts.copyOfRoot();
    String old = TestMarts.version();
    // the next version: the same marts with every victim count doubled, so that every answer's numbers differ
    doubleVictimCounts(root.resolve(old), root.resolve(NEXT));
    try (TestApi api = new TestApi(root, null, true)) {
      assertEquals(old, api.json("/api/v1/health").get("version").asText());
      Map<String, Seen> before = quietAnswers(api, old, queries);
      AtomicBoolean stop = new AtomicBoolean();
      List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
      List<Seen> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(queries.size());
      List<Future<?>> workers = new java.util.ArrayList<>();
      for (String q : queries) {
        workers.add(pool.submit(() -> {
          while (!stop.get()) {
            try {
              HttpResponse<String> r = api.get(q);
              if (r.statusCode() != 200) {
                failures.add(q + " -> " + r.statusCode() + " " + r.body());
                continue;
              }
              seen.add(new Seen(q, r.headers().firstValue("ETag").orElse(""), TestApi.parse(r.body())));
            } catch (RuntimeException e) {
              failures.add(q + " -> " + e);
            }
          }
        }));
      }
      waitForAnswers(seen, 20);
      long published = System.nanoTime();
      TestMarts.publish(root, NEXT);
      String live = old;
      while (!live.equals(NEXT) && System.nanoTime() - published < 10_000_000_000L) {
        Thread.sleep(100);
        live = api.json("/api/v1/health").get("version").asText();
      }
      double seconds = (System.nanoTime() - published) / 1e9;
      waitForAnswers(seen, seen.size() + 20); // requests keep running on the new version
      stop.set(true);
      for (Future<?> w : workers) {
        w.get();
      }
      pool.shutdown();
      assertEquals(NEXT, live, "the new version is served within 10 s (waited " + seconds + " s)");
      assertEquals(List.of(), failures, "no request failed during the swap");
      Map<String, Seen> after = quietAnswers(api, NEXT, queries);

      // each version's answers carry that version's own figures, read from its Parquet with Spark
      assertEquals(women2016(root.resolve(old)), women2016(before.get(queries.get(0)).body()), 1e-9);
      assertEquals(women2016(root.resolve(NEXT)), women2016(after.get(queries.get(0)).body()), 1e-9);
      for (String q : queries) {
        assertNotEquals(withoutVersion(before.get(q).body()), withoutVersion(after.get(q).body()),
            q + ": the versions' answers differ, so a mixed answer would show");
        assertNotEquals(before.get(q).etag(), after.get(q).etag(), q);
      }
      Set<String> versionsSeen = new java.util.HashSet<>();
      int mixed = 0;
      for (Seen s : seen) {
        versionsSeen.add(s.version());
        Seen expected = (s.version().equals(old) ? before : s.version().equals(NEXT) ? after : Map.<String, Seen>of())
            .get(s.query());
        if (expected == null || !expected.etag().equals(s.etag()) || !expected.body().equals(s.body())) {
          mixed++;
        }
      }
      assertEquals(0, mixed, "answers not entirely from the version they name, of " + seen.size());
      assertEquals(Set.of(old, NEXT), versionsSeen, "answers came from the old, then the new version");
      // each query runs in one thread, one request after the other: once it saw the new version, a
      // later request never gets the old one back
      for (String q : queries) {
        List<String> versions = seen.stream().filter(x -> x.query().equals(q)).map(Seen::version).toList();
        int firstNew = versions.indexOf(NEXT);
        assertTrue(firstNew > 0, q + ": answered by the old version, then the new one");
        assertEquals(List.of(NEXT), versions.subList(firstNew, versions.size()).stream().distinct().toList(), q);
      }
    }
  }

  /** Each query answered once, while no version changes. */
  static Map<String, Seen> quietAnswers(TestApi api, String version, List<String> queries) {
    Map<String, Seen> answers = new java.util.HashMap<>();
    for (String q : queries) {
      HttpResponse<String> r = api.get(q);
      assertEquals(200, r.statusCode(), q + ": " + r.body());
      Seen s = new Seen(q, r.headers().firstValue("ETag").orElseThrow(), TestApi.parse(r.body()));
      assertEquals(version, s.version(), q);
      answers.put(q, s);
    }
    return answers;
  }

  static void waitForAnswers(List<Seen> seen, int count) throws InterruptedException {
    long until = System.nanoTime() + 30_000_000_000L;
    while (seen.size() < count && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertTrue(seen.size() >= count, seen.size() + " answers, waited for " + count);
  }

  static JsonNode withoutVersion(JsonNode body) {
    JsonNode copy = body.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) copy.get("source")).remove("martVersion");
    return copy;
  }

  /** World detected women (female adults), 2016, in the answer. */
  static double women2016(JsonNode trend) {
    for (JsonNode series : trend.get("series")) {
      if (series.get("key").asText().equals("women")) {
        for (JsonNode p : series.get("points")) {
          if (p.get("year").asInt() == 2016) {
            return p.get("value").asDouble();
          }
        }
      }
    }
    throw new AssertionError("no women 2016 in " + trend);
  }

  /** The same, from a version's victims_by_year Parquet. */
  static double women2016(Path version) {
    return TestMarts.spark().read().parquet(version.resolve("victims_by_year").toString())
        .filter("geo_code = 'WLD' AND sex = 'female' AND age = 'adult' AND form = 'total' AND year = 2016")
        .first().<Double>getAs("victims");
  }

  /** {@code to}: a copy of version {@code from} whose victim counts (points and bounds) are doubled. */
  static void doubleVictimCounts(Path from, Path to) throws java.io.IOException {
    TestMarts.copyTree(from, to);
    for (String mart : List.of("victims_by_year", "flows", "flow_shares")) {
      Dataset<Row> d = TestMarts.spark().read().parquet(from.resolve(mart).toString());
      for (String c : d.columns()) {
        if (c.contains("victims") || c.startsWith("known_origin")) {
          d = d.withColumn(c, col(c).multiply(2.0));
        }
      }
      d.write().mode(SaveMode.Overwrite).parquet(to.resolve(mart).toString());
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
