package org.tiptrends.api.bench;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tiptrends.api.ApiApp;
import org.tiptrends.api.snapshot.SnapshotHolder;

/**
 * Latency and throughput of the API against a bare Javalin handler in the same JVM and build
 * (closed loop: each client thread sends its next request when the previous answer arrived).
 * Not a test: run it through the {@code bench} profile (see BENCHMARKS.md).
 *
 * <p>Arguments: {@code MARTS_DIR [seconds per scenario, default 20] [client threads, default 4]}.
 */
public final class ApiBenchmark {
  private ApiBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path marts = Path.of(args[0]);
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    SnapshotHolder snapshots = new SnapshotHolder(marts);
    SnapshotHolder.ReloadResult loaded = snapshots.reload();
    if (loaded.outcome() != SnapshotHolder.Outcome.LOADED) {
      throw new IllegalStateException(loaded.message());
    }
    Javalin api = ApiApp.create(snapshots, null).start("127.0.0.1", 0);
    Javalin bare = Javalin.create(c -> {
      c.startup.showJavalinBanner = false;
      c.routes.get("/bare", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
    }).start("127.0.0.1", 0);
    String a = "http://127.0.0.1:" + api.port();
    String b = "http://127.0.0.1:" + bare.port();
    List<String> trends = List.of("/api/v1/trends/victims", "/api/v1/trends/victims?geo=150&by=sex",
        "/api/v1/trends/victims?geo=WLD&by=demographic&from=2010&to=2020",
        "/api/v1/trends/victims?geo=002&by=form&balanced=true&from=2012&to=2016",
        "/api/v1/trends/victims?geo=FRA&by=age", "/api/v1/trends/victims?geo=419&by=demographic&balanced=true");
    System.out.printf(Locale.ROOT, "mart version %s, %d client threads, %d s per scenario, %d cores%n",
        loaded.version(), threads, seconds, Runtime.getRuntime().availableProcessors());
    System.out.printf("%-34s %10s %9s %9s %9s %9s%n", "scenario", "req/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms");
    run("warm-up (not reported)", List.of(b + "/bare"), threads, Math.max(5, seconds / 2), false);
    run("warm-up (not reported)", prefix(a, trends), threads, Math.max(5, seconds / 2), false);
    double bareRate = run("bare Javalin handler", List.of(b + "/bare"), threads, seconds, true);
    run("GET /api/v1/health", List.of(a + "/api/v1/health"), threads, seconds, true);
    double trendRate = run("GET /api/v1/trends/victims (mix)", prefix(a, trends), threads, seconds, true);
    run("GET /api/v1/shares/demographic", List.of(a + "/api/v1/shares/demographic?geo=WLD&year=2016"), threads, seconds, true);
    run("GET /api/v1/flows?destination=", List.of(a + "/api/v1/flows?destination=USA&year=2018"), threads, seconds, true);
    System.out.printf(Locale.ROOT, "trends throughput = %.0f%% of the bare handler%n", 100 * trendRate / bareRate);
    api.stop();
    bare.stop();
    snapshots.close();
  }

  private static List<String> prefix(String base, List<String> paths) {
    return paths.stream().map(p -> base + p).toList();
  }

  /** Runs the scenario; returns requests per second. */
  private static double run(String name, List<String> uris, int threads, int seconds, boolean report)
      throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<HttpRequest> requests = uris.stream()
        .map(u -> HttpRequest.newBuilder(URI.create(u)).timeout(Duration.ofSeconds(10)).GET().build()).toList();
    AtomicBoolean stop = new AtomicBoolean();
    List<long[]> latencies = new ArrayList<>();
    int[] counts = new int[threads];
    long[] errors = new long[1];
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long[] lat = new long[4_000_000];
      latencies.add(lat);
      int id = t;
      Thread w = new Thread(() -> {
        int i = id;
        int n = 0;
        while (!stop.get() && n < lat.length) {
          HttpRequest r = requests.get(i++ % requests.size());
          long start = System.nanoTime();
          try {
            HttpResponse<byte[]> resp = client.send(r, HttpResponse.BodyHandlers.ofByteArray());
            if (resp.statusCode() != 200) {
              synchronized (errors) {
                errors[0]++;
              }
            }
          } catch (IOException | InterruptedException e) {
            synchronized (errors) {
              errors[0]++;
            }
          }
          lat[n++] = System.nanoTime() - start;
        }
        counts[id] = n;
      });
      workers.add(w);
      w.start();
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread w : workers) {
      w.join();
    }
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(latencies.get(t), 0, all, at, counts[t]);
      at += counts[t];
    }
    Arrays.sort(all);
    double rate = total / (double) seconds;
    if (report) {
      System.out.printf(Locale.ROOT, "%-34s %10.0f %9.2f %9.2f %9.2f %9.2f%s%n", name, rate, ms(all, 0.50),
          ms(all, 0.99), ms(all, 0.999), all.length == 0 ? 0 : all[all.length - 1] / 1e6,
          errors[0] == 0 ? "" : "  (" + errors[0] + " errors)");
    }
    return rate;
  }

  private static double ms(long[] sorted, double q) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
  }
}
