package org.tiptrends.jobs.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.jobs.TestSupport;
import org.tiptrends.jobs.publish.FailPoints;
import org.tiptrends.jobs.publish.MartStore;

/**
 * SIGKILL at several points of a run (while reading, while writing a mart, after every mart and
 * run.json are written, between the version's rename and the CURRENT swap): CURRENT still names
 * the previous complete version, no partial version is visible, and the next run succeeds and
 * sweeps what the killed ones left.
 */
class FaultToleranceIT {
  static final Path JAR = Path.of("target/tiptrends-jobs.jar").toAbsolutePath();
  static final List<String> MARTS = List.of("victims_by_year", "flows", "flow_shares", "indicators", "sectors",
      "conflict", "country_year_panel", "quarantine");

  static Process start(Path marts, String failPoint, Path out) throws Exception {
    return start(TestSupport.bundledSample().toString(), marts.toString(), failPoint, out);
  }

  /** The packaged job on {@code input} and {@code marts} (paths or URIs), armed at {@code failPoint} if any. */
  static Process start(String input, String marts, String failPoint, Path out, String... more) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString(), "run", "--input", input, "--marts", marts));
    cmd.addAll(List.of(more));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (failPoint != null) {
      pb.environment().put(FailPoints.ENV, failPoint);
    } else {
      pb.redirectOutput(out.toFile());
    }
    return pb.start();
  }

  static void runToCompletion(Path marts, Path tmp) throws Exception {
    Path out = tmp.resolve("run-" + System.nanoTime() + ".txt");
    Process p = start(marts, null, out);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), Files.readString(out));
  }

  /** Starts a run armed at {@code point}, waits until it gets there, and SIGKILLs it. */
  static void killAt(Path marts, String point) throws Exception {
    killAt(start(marts, point, null), point);
  }

  static void killAt(Process p, String point) throws Exception {
    boolean reached = false;
    StringBuilder seen = new StringBuilder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
      for (String line; System.nanoTime() < deadline && (line = r.readLine()) != null; ) {
        seen.append(line).append('\n');
        if (line.equals("fail point reached: " + point)) {
          reached = true;
          break;
        }
      }
      assertTrue(reached, "run reached " + point + ":\n" + seen);
      p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
      assertTrue(p.waitFor(1, TimeUnit.MINUTES));
    } finally {
      p.destroyForcibly();
    }
  }

  static List<String> visibleVersions(Path marts) throws Exception {
    return new MartStore(marts).versions();
  }

  static void assertComplete(Path version) {
    assertTrue(Files.isRegularFile(version.resolve("run.json")), version + " has run.json");
    for (String mart : MARTS) {
      assertTrue(Files.exists(version.resolve(mart).resolve("_SUCCESS")), version + " has " + mart);
    }
  }

  @Test
  void killedRunsNeverMoveCurrentNorShowAPartialVersion(@TempDir Path tmp) throws Exception {
    Path marts = tmp.resolve("marts");
    runToCompletion(marts, tmp);
    String live = Files.readString(marts.resolve("CURRENT")).strip();

    for (String point : List.of("reading", "writing:flows", "before-publish", "before-current-swap")) {
      killAt(marts, point);
      assertEquals(live, Files.readString(marts.resolve("CURRENT")).strip(), "CURRENT after a kill at " + point);
      assertComplete(marts.resolve(live));
      for (String v : visibleVersions(marts)) {
        assertComplete(marts.resolve(v)); // a version directory is only ever a complete one
      }
      long builds;
      try (Stream<Path> s = Files.list(marts)) {
        builds = s.filter(p -> p.getFileName().toString().startsWith(".building-")).count();
      }
      // each run sweeps the build its killed predecessor left; a kill before the swap leaves none
      assertEquals(point.equals("before-current-swap") ? 0 : 1, builds, "hidden builds after a kill at " + point);
    }

    runToCompletion(marts, tmp);
    String next = Files.readString(marts.resolve("CURRENT")).strip();
    assertTrue(next.compareTo(live) > 0, "a newer version is live");
    assertComplete(marts.resolve(next));
    List<String> left = new ArrayList<>();
    try (Stream<Path> s = Files.list(marts)) {
      s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".building-") || n.startsWith("CURRENT.tmp"))
          .forEach(left::add);
    }
    assertEquals(List.of(), left, "the next run cleaned up");
  }
}
