package org.tiptrends.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a user runs it: plain {@code java -jar}, no JVM flags, Spark from the
 * manifest Class-Path. Runs in the verify phase, after the jar is built.
 */
class PackagedJarIT {
  static final Path JAR = Path.of("target/tiptrends-jobs.jar");

  record Outcome(int exit, String out, String err) {}

  static Outcome java(Path workDir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    Path out = workDir.resolve("stdout.txt");
    Path err = workDir.resolve("stderr.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the job ended within 5 minutes");
    return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void runsTheBundledSampleWithJavaJarAlone(@TempDir Path tmp) throws Exception {
    Path marts = tmp.resolve("marts");
    Outcome o = java(tmp, "run", "--input", TestSupport.bundledSample().toString(), "--marts", marts.toString());
    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().contains("published v"), o.out());
    String version = Files.readString(marts.resolve("CURRENT")).strip();
    for (String mart : List.of("victims_by_year", "flows", "flow_shares")) {
      assertTrue(Files.exists(marts.resolve(version).resolve(mart).resolve("_SUCCESS")), mart);
    }
    assertEquals("", o.err().strip(), "a successful run prints nothing on stderr");
  }

  @Test
  void aBadInputFileFailsWithOneLineNamingItAndPublishesNothing(@TempDir Path tmp) throws Exception {
    Path input = Files.createDirectories(tmp.resolve("in/unodc"));
    Files.writeString(input.resolve("export.csv"), "this,is\nnot,a glotip export\n");
    Path marts = tmp.resolve("marts");
    Outcome o = java(tmp, "run", "--input", tmp.resolve("in").toString(), "--marts", marts.toString(),
        "--allow-missing", "worldbank,ilo,ucdp"); // a GLOTIP folder alone, said so
    assertEquals(1, o.exit());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.err().contains("export.csv: no GLOTIP header"), o.err());
    assertTrue(!Files.exists(marts.resolve("CURRENT")));
  }
}
