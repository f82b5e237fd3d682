package org.tiptrends.jobs.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.jobs.TestSupport;

/**
 * {@code jobs/bin/nightly} as cron runs it: the packaged jar, real Spark runs for the scheduling
 * behaviour (up to date, --force, two at once, config file), and a stand-in {@code java} for the
 * retry and exit-code logic (it plays back a list of exit codes, so no Spark is needed there).
 * Runs in the verify phase, after the jar is built.
 */
class NightlyScriptIT {
  static final Path SCRIPT = Path.of("bin/nightly").toAbsolutePath();

  @TempDir
  static Path shared;
  /** A private copy of the jar (lib/ linked beside it): a rebuild during the test cannot touch it. */
  static Path jar;
  /** A small input: a generated GLOTIP CSV, the bundled World Bank, ILO and UCDP files and a small data package. */
  static Path input;

  record Outcome(int exit, String out, String err) {}

  @BeforeAll
  static void packagedJarAndSmallInput() throws Exception {
    jar = PrivateJar.copyInto(shared);
    input = Files.createDirectories(shared.resolve("in"));
    for (String source : List.of("worldbank", "ilo", "ucdp")) {
      copyTree(TestSupport.bundledSample().resolve(source), input.resolve(source));
    }
    // a data package too: "up to date" must cover the files the job finds through a datapackage.json
    Path pkg = Files.createDirectories(input.resolve("worldbank/population/data"));
    Files.writeString(pkg.getParent().resolve("datapackage.json"), "{\"name\": \"population\", \"version\": \"2023-03-30\", "
        + "\"sources\": [{\"name\": \"World Bank\", \"path\": \"http://data.worldbank.org/indicator/SP.POP.TOTL\"}], "
        + "\"resources\": [{\"name\": \"population\", \"path\": \"data/population.csv\", \"format\": \"csv\"}]}");
    Files.writeString(pkg.resolve("population.csv"), "Country Name,Country Code,Year,Value\n"
        + "Chile,CHL,2018,18729160\nWorld,WLD,2018,7592000000\n");
    Process gen = new ProcessBuilder(javaBin(), "-jar", jar.toString(), "generate", "--rows", "3000", "--seed", "7",
        "--years", "2012-2021", "--out", input.toString()).redirectErrorStream(true)
        .redirectOutput(shared.resolve("generate.txt").toFile()).start();
    assertTrue(gen.waitFor(2, TimeUnit.MINUTES), "generate ended");
    assertEquals(0, gen.exitValue(), Files.readString(shared.resolve("generate.txt")));
  }

  @AfterAll
  static void unlinkLib() throws IOException {
    PrivateJar.unlink(shared);
  }

  @Test
  void unchangedInputRebuildsOnceForceRebuildsAndTwoAtOnceRunOnce(@TempDir Path tmp) throws Exception {
    Path marts = tmp.resolve("marts");
    // 1. from a config file (relative paths are relative to it); LOG_DIR moves the logs
    Path config = tmp.resolve("nightly.conf");
    Files.writeString(config, """
        # tip-trends nightly
        INPUT=%s
        MARTS=marts
        RETRIES=0
        LOG_DIR="logs"
        """.formatted(input));
    Outcome first = nightly(tmp, Map.of(), "--config", config.toString());
    assertEquals(0, first.exit(), first.out() + first.err());
    assertTrue(first.out().contains("reading"), "the job's progress reaches stdout: " + first.out());
    assertTrue(first.out().contains("done: published v"), first.out());
    String v1 = current(marts);
    assertEquals(1, publishedRuns(marts));
    List<Path> logs = logs(tmp.resolve("logs"));
    assertEquals(1, logs.size(), "one log file per nightly run in LOG_DIR");
    assertTrue(Files.readString(logs.get(0)).contains("reading"), "the job's progress reaches the log");
    assertTrue(Files.readString(logs.get(0)).contains("published " + v1));

    // 2. the same input again, from flags: nothing to do, no Spark
    long t0 = System.nanoTime();
    Outcome second = nightly(tmp, Map.of(), "--input", input.toString(), "--marts", marts.toString());
    assertEquals(0, second.exit(), second.out() + second.err());
    assertTrue(second.out().contains("up to date: " + v1), second.out());
    assertFalse(second.out().contains("reading"), "no run started: " + second.out());
    assertTrue((System.nanoTime() - t0) / 1e9 < 30, "up to date in seconds");
    assertEquals(v1, current(marts));
    assertEquals(1, publishedRuns(marts), "runs.jsonl has one published line");
    assertEquals(1, logs(marts.resolve("logs")).size(), "default LOG_DIR is <marts>/logs");

    // 3. --force rebuilds; a second --force started while the first holds the lock exits 3 at once
    Path outA = tmp.resolve("a.out");
    Process a = start(tmp, outA, tmp.resolve("a.err"), Map.of(), "--input", input.toString(), "--marts",
        marts.toString(), "--force", "--retries", "0");
    // the job prints "reading" only once it holds <marts>/.lock
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!Files.readString(outA).contains("reading")) {
      assertTrue(a.isAlive(), "the first run is still going: " + Files.readString(outA)
          + Files.readString(tmp.resolve("a.err")));
      assertTrue(System.nanoTime() < deadline, "the first run started reading within 3 minutes");
      Thread.sleep(200);
    }
    Outcome b = nightly(tmp, Map.of(), "--input", input.toString(), "--marts", marts.toString(), "--force");
    assertTrue(a.isAlive(), "the first run was still running when the second ended");
    assertEquals(3, b.exit(), b.out() + b.err());
    assertTrue(b.err().contains("another run is publishing"), b.err());
    assertFalse(b.out().contains("attempt 2"), "a held lock is not retried");
    assertTrue(a.waitFor(5, TimeUnit.MINUTES), "the first run ended");
    assertEquals(0, a.exitValue(), Files.readString(outA) + Files.readString(tmp.resolve("a.err")));
    String v2 = current(marts);
    assertNotEquals(v1, v2, "--force published a new version");
    assertTrue(Files.readString(outA).contains("--force"), Files.readString(outA));
    assertEquals(2, publishedRuns(marts), "exactly one of the two at once published");
  }

  @Test
  void transientFailuresAreRetriedWithBackOff(@TempDir Path tmp) throws Exception {
    Map<String, String> env = fakeJava(tmp, "1", "1", "0");
    Outcome o = nightly(tmp, env, "--input", input.toString(), "--marts", tmp.resolve("marts").toString());
    assertEquals(0, o.exit(), o.out() + o.err());
    assertEquals(3, calls(tmp));
    assertTrue(o.err().contains("retrying in 1s"), o.err());
    assertTrue(o.err().contains("retrying in 4s"), "the back-off grows: " + o.err());
    assertTrue(o.out().contains("attempt 3 of 3"), o.out());
  }

  @Test
  void retriesRunOutWithExit1(@TempDir Path tmp) throws Exception {
    Map<String, String> env = fakeJava(tmp, "1", "1", "1");
    Outcome o = nightly(tmp, env, "--input", input.toString(), "--marts", tmp.resolve("marts").toString(),
        "--retries", "1");
    assertEquals(1, o.exit(), o.out() + o.err());
    assertEquals(2, calls(tmp));
    assertTrue(o.err().contains("failed after 2 attempts"), o.err());
  }

  @Test
  void inputAndDataProblemsAreNotRetried(@TempDir Path tmp) throws Exception {
    for (String problem : List.of("export.csv: no GLOTIP header", "data-quality check failed: marts_non_empty",
        "x.csv: missing required column txtVALUE", "x.xlsx: not a readable xlsx file",
        "input directory not found: /nowhere", "in/unodc: required source missing: holds no GLOTIP exports",
        "API_x.csv: header cell '2O15' at column BH (60) is not a year (the World Bank header has one column per year")) {
      Map<String, String> env = fakeJava(tmp, "1:" + problem);
      Files.deleteIfExists(tmp.resolve("calls"));
      Outcome o = nightly(tmp, env, "--input", input.toString(), "--marts", tmp.resolve("marts").toString());
      assertEquals(1, o.exit(), problem + ": " + o.out() + o.err());
      assertEquals(1, calls(tmp), problem + " is not retried");
      assertTrue(o.err().contains(problem), "the job's message reaches stderr: " + o.err());
      assertTrue(o.err().contains("not retried"), o.err());
    }
  }

  @Test
  void aHeldLockExits3AtOnce(@TempDir Path tmp) throws Exception {
    Map<String, String> env = fakeJava(tmp, "3:tiptrends: another run is publishing to m (it holds .lock)");
    Outcome o = nightly(tmp, env, "--input", input.toString(), "--marts", tmp.resolve("marts").toString());
    assertEquals(3, o.exit(), o.out() + o.err());
    assertEquals(1, calls(tmp));
    assertTrue(o.err().contains("not starting a second one"), o.err());
  }

  @Test
  void flagsWinOverTheConfigFileAndTheJarIsFoundBesideTheScript(@TempDir Path tmp) throws Exception {
    Map<String, String> env = new HashMap<>(fakeJava(tmp, "0"));
    env.put("TIPTRENDS_JOBS_JAR", ""); // unset: the script looks beside itself
    Path config = tmp.resolve("c.conf");
    Files.writeString(config, "INPUT=" + input + "\nMARTS=m\nMASTER=local[1]\nJOB_ARGS=--verbose\n");
    Outcome o = nightly(tmp, env, "--config", config.toString(), "--master", "local[2]");
    assertEquals(0, o.exit(), o.out() + o.err());
    String args = Files.readString(tmp.resolve("args"));
    assertTrue(args.contains("-jar " + SCRIPT.getParent().getParent().resolve("target/tiptrends-jobs.jar")), args);
    assertTrue(args.contains("--marts " + tmp.resolve("m")), "MARTS relative to the config file: " + args);
    assertTrue(args.contains("--master local[2]"), "the flag wins: " + args);
    assertTrue(args.contains("--verbose"), "JOB_ARGS reach the job: " + args);
  }

  @Test
  void badCommandLinesExit2(@TempDir Path tmp) throws Exception {
    Map<String, String> env = fakeJava(tmp, "0");
    assertEquals(2, nightly(tmp, env).exit(), "no arguments");
    assertEquals(2, nightly(tmp, env, "--input", input.toString()).exit(), "no --marts");
    assertEquals(2, nightly(tmp, env, "--input", "x", "--marts", "y", "--bogus").exit());
    assertEquals(2, nightly(tmp, env, "--input", "x", "--marts", "y", "--retries", "many").exit());
    Files.writeString(tmp.resolve("bad.conf"), "INPTU=x\n");
    Outcome o = nightly(tmp, env, "--config", tmp.resolve("bad.conf").toString());
    assertEquals(2, o.exit());
    assertTrue(o.err().contains("unknown key INPTU"), o.err());
    assertEquals(2, nightly(tmp, env, "--config", tmp.resolve("missing.conf").toString()).exit());
    assertFalse(Files.exists(tmp.resolve("calls")), "the job never started");
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /**
   * A stand-in JAVA_HOME whose {@code bin/java} records its arguments and answers call N with the
   * N-th plan entry: {@code CODE} or {@code CODE:stderr line}.
   */
  static Map<String, String> fakeJava(Path tmp, String... plan) throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("fake-jdk/bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, """
        #!/usr/bin/env bash
        n=$(( $(cat "$FAKE_DIR/calls" 2>/dev/null || echo 0) + 1 ))
        echo "$n" > "$FAKE_DIR/calls"
        echo "$*" > "$FAKE_DIR/args"
        entry=$(sed -n "${n}p" "$FAKE_DIR/plan")
        code=${entry%%:*}
        echo "[   0.1s] reading (stand-in java, call $n)"
        case "$entry" in *:*) echo "tiptrends: ${entry#*:}" >&2 ;; esac
        [ "$code" = 1 ] && [ "$entry" = 1 ] && echo "tiptrends: java.io.IOException: connection reset" >&2
        exit "${code:-0}"
        """);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(tmp.resolve("plan"), String.join("\n", plan) + "\n");
    Files.deleteIfExists(tmp.resolve("calls"));
    return Map.of("JAVA_HOME", tmp.resolve("fake-jdk").toString(), "FAKE_DIR", tmp.toString(),
        "TIPTRENDS_JOBS_JAR", jar.toString());
  }

  static int calls(Path tmp) throws IOException {
    return Integer.parseInt(Files.readString(tmp.resolve("calls")).strip());
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static Process start(Path tmp, Path out, Path err, Map<String, String> env, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("TIPTRENDS_JOBS_JAR", jar.toString());
    pb.environment().put("NIGHTLY_BACKOFF_SECONDS", "1");
    env.forEach((k, v) -> {
      if (v.isEmpty()) {
        pb.environment().remove(k);
      } else {
        pb.environment().put(k, v);
      }
    });
    return pb.start();
  }

  static Outcome nightly(Path tmp, Map<String, String> env, String... args) throws Exception {
    Path out = Files.createTempFile(tmp, "nightly", ".out");
    Path err = Files.createTempFile(tmp, "nightly", ".err");
    Process p = start(tmp, out, err, env, args);
    assertTrue(p.waitFor(6, TimeUnit.MINUTES), "nightly ended within 6 minutes");
    return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  static String current(Path marts) throws IOException {
    return Files.readString(marts.resolve("CURRENT")).strip();
  }

  static long publishedRuns(Path marts) throws IOException {
    try (Stream<String> lines = Files.lines(marts.resolve("runs.jsonl"))) {
      return lines.filter(l -> l.contains("\"status\":\"published\"")).count();
    }
  }

  static List<Path> logs(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches("nightly-\\d{8}T\\d{6}Z(-\\d+)?\\.log")).toList();
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
