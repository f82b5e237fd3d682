package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.jobs.publish.FailPoints;

/**
 * The packaged job SIGKILLed at each of its fail points (while reading, while writing a mart,
 * after every mart and run.json are written, between the version's rename and the CURRENT swap)
 * beside a running API watching the same marts root: while the job waits at the point and after it
 * dies, the API answers meta and a data route with the previous version, body for body; then a
 * clean run publishes and the API switches to the new version. Runs after the jobs module is
 * packaged ({@code mvn verify}).
 */
class KilledJobIT {
  static final Path JAR = Path.of(System.getProperty("tiptrends.jobsJar", "../jobs/target/tiptrends-jobs.jar"))
      .toAbsolutePath().normalize();
  static final List<String> ROUTES = List.of("/api/v1/meta", "/api/v1/trends/victims?geo=WLD&by=sex",
      "/api/v1/health");
  static final List<String> POINTS = List.of("reading", "writing:flows", "before-publish", "before-current-swap");

  static Process start(Path input, Path marts, String failPoint, Path out) throws Exception {
    assertTrue(Files.isRegularFile(JAR), "the packaged job " + JAR + " (mvn -B package -pl core,jobs -DskipTests)");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString(), "run", "--input", input.toString(), "--marts", marts.toString(),
        "--allow-missing", "worldbank,ilo,ucdp") // generated GLOTIP data alone, said so
        .redirectErrorStream(true);
    if (failPoint != null) {
      pb.environment().put(FailPoints.ENV, failPoint);
    } else {
      pb.redirectOutput(out.toFile());
    }
    return pb.start();
  }

  static void runToCompletion(Path input, Path marts, Path tmp) throws Exception {
    Path out = tmp.resolve("run-" + System.nanoTime() + ".txt");
    Process p = start(input, marts, null, out);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), Files.readString(out));
  }

  static List<String> bodies(TestApi api) {
    List<String> out = new ArrayList<>();
    for (String route : ROUTES) {
      HttpResponse<String> r = api.get(route);
      assertEquals(200, r.statusCode(), route + ": " + r.body());
      out.add(r.body());
    }
    return out;
  }

  @Test
  void theApiKeepsServingThePreviousVersionThroughEveryKill(@TempDir Path tmp) throws Exception {
    Path input = tmp.resolve("input");
    int generated = org.tiptrends.jobs.cli.TipTrendsCommand.commandLine().execute("generate", "--rows", "600",
        "--seed", "3", "--format", "csv", "--years", "2012-2021", "--out", input.toString());
    assertEquals(0, generated);
    Path marts = tmp.resolve("marts");
    runToCompletion(input, marts, tmp);
    String live = Files.readString(marts.resolve("CURRENT")).strip();

    try (TestApi api = new TestApi(marts, null, true)) {
      List<String> before = bodies(api);
      assertTrue(before.get(0).contains(live), "meta names the live version");
      for (String point : POINTS) {
        Process p = start(input, marts, point, null);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          StringBuilder seen = new StringBuilder();
          boolean reached = false;
          for (String line; (line = r.readLine()) != null; ) {
            seen.append(line).append('\n');
            if (line.equals("fail point reached: " + point)) {
              reached = true;
              break;
            }
          }
          assertTrue(reached, "run reached " + point + ":\n" + seen);
          Thread.sleep(SnapshotPeriod.MILLIS); // the watcher has looked at the root while the job sits there
          assertEquals(before, bodies(api), "while the job waits at " + point);
          p.destroyForcibly(); // SIGKILL
          assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        } finally {
          p.destroyForcibly();
        }
        Thread.sleep(SnapshotPeriod.MILLIS);
        assertEquals(before, bodies(api), "after the kill at " + point);
        assertEquals(live, Files.readString(marts.resolve("CURRENT")).strip(), "CURRENT after the kill at " + point);
      }

      runToCompletion(input, marts, tmp);
      String next = Files.readString(marts.resolve("CURRENT")).strip();
      assertTrue(next.compareTo(live) > 0, "a newer version is live");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      String served = live;
      while (!served.equals(next) && System.nanoTime() < deadline) {
        Thread.sleep(100);
        served = api.json("/api/v1/health").get("version").asText();
      }
      assertEquals(next, served, "the API switched to the new version within 10 s");
      assertEquals(next, api.json("/api/v1/meta").get("version").asText());
    }
  }

  /** One watcher period of the API and a little more. */
  static final class SnapshotPeriod {
    static final long MILLIS = org.tiptrends.api.snapshot.SnapshotHolder.DEFAULT_WATCH_PERIOD.toMillis() + 300;
  }
}
