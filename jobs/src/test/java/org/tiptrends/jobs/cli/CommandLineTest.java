package org.tiptrends.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {
  record Outcome(int exit, String out, String err) {}

  static Outcome execute(String... args) {
    CommandLine cl = TipTrendsCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Outcome(exit, out.toString(), err.toString());
  }

  @Test
  void runHelpDocumentsEveryOption() {
    Outcome o = execute("run", "--help");
    assertEquals(0, o.exit());
    for (String option : new String[] {"--input", "--marts", "--allow-missing", "--master", "--conf",
        "--lock-stale-seconds", "--verbose", "--help"}) {
      assertTrue(o.out().contains(option), option + " in\n" + o.out());
    }
  }

  @Test
  void topLevelHelpListsCommandsAndExitCodes() {
    Outcome o = execute("--help");
    assertEquals(0, o.exit());
    assertTrue(o.out().contains("run") && o.out().contains("generate") && o.out().contains("Exit codes"), o.out());
  }

  @Test
  void aMissingInputIsOneLineOnStderrAndExitOne() {
    Outcome o = execute("run", "--input", "/no/such/dir", "--marts", "/tmp/unused-marts");
    assertEquals(1, o.exit());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.err().startsWith("tiptrends: error: input directory not found: /no/such/dir"), o.err());
  }

  /** A location the job cannot use: exit 1 and one line naming it, before Spark starts. */
  static void failsNaming(String location, String problem, String... args) {
    Outcome o = execute(args);
    assertEquals(1, o.exit(), o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.err().startsWith("tiptrends: error: " + location + ": " + problem), o.err());
  }

  @Test
  void badLocationsFailWithOneLineNamingThem() {
    String sample = org.tiptrends.jobs.TestSupport.bundledSample().toString();
    failsNaming("nosuch://host/raw", "no Hadoop file system for scheme 'nosuch' on the class path",
        "run", "--input", "nosuch://host/raw", "--marts", "/tmp/unused-marts");
    // Spark ships no S3 connector: s3a:// needs hadoop-aws beside the jar (README)
    failsNaming("s3a://bucket/marts", "no Hadoop file system for scheme 's3a' on the class path "
        + "(org.apache.hadoop.fs.s3a.S3AFileSystem not found; s3a:// needs hadoop-aws",
        "run", "--input", sample, "--marts", "s3a://bucket/marts");
    failsNaming("hdfs://name node/raw", "not a valid location URI",
        "run", "--input", "hdfs://name node/raw", "--marts", "/tmp/unused-marts");
    failsNaming("file:raw", "a file: URI names an absolute path",
        "run", "--input", "file:raw", "--marts", "/tmp/unused-marts");
    // nothing listens on port 1; --conf reaches the Hadoop client before Spark starts (no retries)
    failsNaming("hdfs://127.0.0.1:1/raw", "cannot reach it: ConnectException",
        "run", "--input", "hdfs://127.0.0.1:1/raw", "--marts", "/tmp/unused-marts",
        "--conf", "spark.hadoop.ipc.client.connect.max.retries=0");
  }

  /**
   * A required source missing or empty fails at once, on the first run too: one line naming the
   * folder, before the lock and Spark (no marts root is even created).
   */
  @Test
  void aMissingRequiredSourceIsOneLineNamingTheFolderBeforeSparkStarts(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path tmp) throws Exception {
    java.nio.file.Path in = java.nio.file.Files.createDirectories(tmp.resolve("in/unodc"));
    java.nio.file.Files.writeString(in.resolve("README.txt"), "the exports go here");
    java.nio.file.Path marts = tmp.resolve("marts");
    Outcome o = execute("run", "--input", tmp.resolve("in").toString(), "--marts", marts.toString());
    assertEquals(1, o.exit(), o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.err().startsWith("tiptrends: error: " + in + ": required source missing: holds no GLOTIP exports "
        + "(.xlsx, .csv) (only [README.txt], which are skipped); every run needs its GLOTIP exports (.xlsx, .csv), "
        + "or --allow-missing unodc to publish without it"), o.err());
    assertTrue(!java.nio.file.Files.exists(marts), "nothing done to the marts root");

    o = execute("run", "--input", tmp.resolve("in").toString(), "--marts", marts.toString(),
        "--allow-missing", "unodc,ilo,ucdp");
    assertEquals(1, o.exit(), o.err());
    assertTrue(o.err().startsWith("tiptrends: error: " + tmp.resolve("in/worldbank") + ": required source missing: "
        + "no such folder"), "the next one not allowed: " + o.err());
  }

  @Test
  void anUnknownSourceToAllowMissingIsAUsageError() {
    Outcome o = execute("run", "--input", "x", "--marts", "y", "--allow-missing", "unodc,wordlbank");
    assertEquals(2, o.exit(), o.err());
    assertTrue(o.err().contains("--allow-missing: unknown source(s) [wordlbank]; the sources are unodc, worldbank, ilo, ucdp"),
        o.err());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, execute("run", "--input", "x", "--marts", "y", "--lock-stale-seconds", "0").exit());
    assertEquals(2, execute("run", "--input", "x").exit(), "--marts is required");
    assertEquals(2, execute("frobnicate").exit());
  }
}
