package org.tiptrends.api.bench;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.tiptrends.api.ApiApp;
import org.tiptrends.api.charts.render.ChartRenderer;
import org.tiptrends.api.snapshot.SnapshotHolder;

/**
 * The soak: mixed routes at a fixed rate on loopback, an uncached chart (a width never drawn before)
 * every {@code 1 / UNCACHED_EVERY} of the requests, and a new mart version published halfway.
 * {@code SoakIT} runs it CI-sized and asserts on its {@link Report}; {@code bench/soak} runs it at full
 * size through {@link #main} and reports the figures.
 */
public final class Soak {
  /** The routes of the mix; charts and CSV included. */
  public static final List<String> MIX = List.of("/api/v1/health", "/api/v1/trends/victims?by=sex",
      "/api/v1/trends/victims?geo=150&by=form", "/api/v1/shares/demographic?geo=WLD&year=2016",
      "/api/v1/flows?origin=002&year=2016", "/api/v1/correlations/gdp-transregional", "/api/v1/meta",
      "/api/v1/charts/victims-trend", "/api/v1/charts/victims-trend?format=svg", "/api/v1/trends/victims?by=sex&format=csv");
  /** One request in this many draws a chart that is not cached. */
  public static final int UNCACHED_EVERY = 80;

  /**
   * What a soak saw: every request sent, answered (any status) or failed (a 5xx other than a busy
   * renderer's 503 with Retry-After, or no answer). Busy 503s are counted in {@code statuses}.
   */
  public record Report(int sent, int answered, Map<Integer, Integer> statuses, List<String> failures,
      long[] sortedMicros, long[] sortedHealthMicros, double seconds) {
    public double percentileMs(long[] sorted, double p) {
      return sorted.length == 0 ? Double.NaN : sorted[(int) Math.ceil(sorted.length * p) - 1] / 1000.0;
    }

    public int busy() {
      return statuses.getOrDefault(503, 0);
    }
  }

  private Soak() {}

  /**
   * Sends {@code seconds × perSecond} requests at a fixed rate through {@code get} from {@code clients}
   * threads, calls {@code halfway} once in the middle, and waits for every answer.
   */
  public static Report run(Function<String, HttpResponse<String>> get, int seconds, int perSecond, int clients,
      Runnable halfway) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicInteger answered = new AtomicInteger();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> healthMicros = new ConcurrentLinkedQueue<>();
    int total = seconds * perSecond;
    long intervalNanos = 1_000_000_000L / perSecond;
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long wait = start + i * intervalNanos - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      if (i == total / 2) {
        halfway.run();
      }
      String path = i % UNCACHED_EVERY == 7
          ? "/api/v1/charts/victims-trend?format=svg&width=" + (1000 + i / UNCACHED_EVERY) // not drawn before
          : MIX.get(i % MIX.size());
      pool.submit(() -> {
        long t = System.nanoTime();
        try {
          HttpResponse<String> r = get.apply(path);
          long us = (System.nanoTime() - t) / 1000;
          answered.incrementAndGet();
          micros.add(us);
          if (path.equals("/api/v1/health")) {
            healthMicros.add(us);
          }
          statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
          boolean busy = r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent();
          if (r.statusCode() >= 500 && !busy) {
            failures.add(r.statusCode() + " " + path + ": " + r.body());
          }
        } catch (RuntimeException e) {
          failures.add("dropped " + path + ": " + e);
        }
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(120, TimeUnit.SECONDS)) {
      failures.add("clients still waiting 120 s after the last request was sent");
      pool.shutdownNow();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    Map<Integer, Integer> counted = new TreeMap<>();
    statuses.forEach((k, v) -> counted.put(k, v.get()));
    return new Report(total, answered.get(), counted, List.copyOf(failures), sorted(micros), sorted(healthMicros), elapsed);
  }

  private static long[] sorted(ConcurrentLinkedQueue<Long> values) {
    long[] out = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(out);
    return out;
  }

  /**
   * {@code MARTS_ROOT SECONDS PER_SECOND}: serves a copy of the live version of {@code MARTS_ROOT}
   * (watching {@code CURRENT}), soaks it, publishes a second copy halfway, and prints one Markdown
   * table row: requests, achieved rate, statuses, failures, p50/p99 of every answer and of health.
   */
  public static void main(String[] args) throws Exception {
    Path source = Path.of(args[0]);
    int seconds = Integer.parseInt(args[1]);
    int perSecond = Integer.parseInt(args[2]);
    String version = Files.readString(source.resolve("CURRENT")).strip();
    Path root = Files.createTempDirectory("tiptrends-soak");
    String next = "v29991231T235959Z-50a1ed";
    MartDirs.copyTree(source.resolve(version), root.resolve(version));
    MartDirs.copyTree(source.resolve(version), root.resolve(next));
    MartDirs.publish(root, version);
    SnapshotHolder snapshots = new SnapshotHolder(root);
    snapshots.reload();
    snapshots.startWatching(SnapshotHolder.DEFAULT_WATCH_PERIOD);
    Javalin app = ApiApp.create(snapshots, null).start("127.0.0.1", 0);
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Function<String, HttpResponse<String>> get = path -> {
      try {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    };
    ChartRenderer.shared().warmUpInBackground();
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (get.apply("/api/v1/charts/victims-trend?format=svg&width=444").statusCode() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    Report r = run(get, seconds, perSecond, 64, () -> {
      try {
        MartDirs.publish(root, next);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    String live = get.apply("/api/v1/health").body();
    app.stop();
    snapshots.close();
    System.out.printf("| %d s at %d/s | %d | %.0f/s | %s | %d | %d | %d | %.1f | %.1f | %.1f | %s |%n", seconds, perSecond, r.sent(),
        r.answered() / r.seconds(), r.statuses(), r.failures().size(), r.busy(), r.sent() - r.answered(),
        r.percentileMs(r.sortedMicros(), 0.5), r.percentileMs(r.sortedMicros(), 0.99),
        r.percentileMs(r.sortedHealthMicros(), 0.99), live.contains(next) ? "yes" : "no");
    for (String f : r.failures().subList(0, Math.min(5, r.failures().size()))) {
      System.err.println("soak failure: " + f);
    }
    System.exit(r.failures().isEmpty() ? 0 : 1);
  }
}
