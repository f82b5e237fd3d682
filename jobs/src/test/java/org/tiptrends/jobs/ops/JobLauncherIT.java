package org.tiptrends.jobs.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.jobs.TestSupport;

/**
 * {@code jobs/bin/tiptrends-job}, the AppCDS launcher the README's set-up and {@code jobs/bin/nightly}
 * use: its first call dumps an archive and later calls map it, with the same results; and a
 * scheduler's TERM reaches the JVM even on the first call, where the JVM is the script's child
 * (killed, the run leaves no JVM behind and publishes nothing).
 */
class JobLauncherIT {
  static final Path SCRIPT = Path.of("bin/tiptrends-job").toAbsolutePath();

  @TempDir
  static Path shared;
  static Path jar;

  @BeforeAll
  static void privateJar() throws Exception {
    jar = PrivateJar.copyInto(shared);
  }

  @AfterAll
  static void unlinkLib() throws Exception {
    PrivateJar.unlink(shared);
  }

  static ProcessBuilder launcher(Path tmp, Path archive, String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("TIPTRENDS_JOBS_JAR", jar.toString());
    pb.environment().put("TIPTRENDS_CDS_ARCHIVE", archive.toString());
    pb.environment().remove("TIPTRENDS_CDS");
    return pb;
  }

  @Test
  void theFirstCallDumpsAnArchiveAndTheNextMapsItWithTheSameOutput(@TempDir Path tmp) throws Exception {
    Path archive = tmp.resolve("jobs.jsa");
    for (String round : List.of("dump", "map")) {
      Path out = tmp.resolve(round);
      Process p = launcher(tmp, archive, "generate", "--rows", "200", "--seed", "3", "--years", "2019-2020",
          "--out", out.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve(round + ".txt").toFile()).start();
      assertTrue(p.waitFor(3, TimeUnit.MINUTES), round + " ended");
      assertEquals(0, p.exitValue(), round + ": " + Files.readString(tmp.resolve(round + ".txt")));
      assertTrue(Files.size(archive) > 1_000_000, round + ": the archive is in place");
      assertFalse(Files.readString(tmp.resolve(round + ".txt")).contains("cds"), "no CDS chatter in the output");
    }
    assertEquals(Files.readString(tmp.resolve("dump/unodc/glotip_generated.csv")),
        Files.readString(tmp.resolve("map/unodc/glotip_generated.csv")), "the same rows either way");
    try (var leftovers = Files.list(tmp)) {
      assertEquals(List.of(), leftovers.filter(f -> f.toString().endsWith(".tmp")).toList(), "no half-written archive");
    }
  }

  @Test
  void termOnTheFirstCallStopsTheJvmAndPublishesNothing(@TempDir Path tmp) throws Exception {
    Path marts = tmp.resolve("marts");
    Path out = tmp.resolve("run.txt");
    Process p = launcher(tmp, tmp.resolve("fresh.jsa"), "run", "--input", TestSupport.bundledSample().toString(),
        "--marts", marts.toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    // "reading" comes once the job holds the marts' lock: well inside a run
    while (!Files.readString(out).contains("reading")) {
      assertTrue(p.isAlive(), "the run is going: " + Files.readString(out));
      assertTrue(System.nanoTime() < deadline, "the run started reading within 3 minutes");
      Thread.sleep(200);
    }
    List<ProcessHandle> jvms = p.descendants().toList();
    assertFalse(jvms.isEmpty(), "the first call runs the JVM as the script's child");
    p.destroy(); // SIGTERM to the script, as cron's or systemd's stop sends it
    assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the launcher ended after TERM: " + Files.readString(out));
    assertNotEquals(0, p.exitValue(), "a killed run fails");
    for (ProcessHandle jvm : jvms) {
      try {
        jvm.onExit().get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        jvm.destroyForcibly();
        throw new AssertionError("the JVM " + jvm.pid() + " was left running after the launcher's TERM");
      }
    }
    assertFalse(Files.exists(marts.resolve("CURRENT")), "nothing was published");
  }
}
