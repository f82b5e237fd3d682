package org.tiptrends.jobs;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.tiptrends.jobs.spark.SparkSessions;

/** One embedded Spark session for the whole test run (start-up is the expensive part), and paths. */
public final class TestSupport {
  private static SparkSession spark;

  private TestSupport() {}

  public static synchronized SparkSession spark() {
    if (spark == null) {
      org.apache.logging.log4j.core.config.Configurator.setRootLevel(org.apache.logging.log4j.Level.ERROR);
      spark = SparkSessions.create("local[2]");
      Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
    }
    return spark;
  }

  /**
   * README, data-quality gates: {@code citizenship_resolution} warns below 96% of by-citizenship
   * victims resolved. Written here, not read from the job's settings, so a changed target shows.
   */
  public static final double README_RESOLVED_TARGET = 0.96;

  /** The bundled datasets folder of the repository. */
  public static Path datasets() {
    return Path.of(System.getProperty("tiptrends.datasets", "../datasets")).toAbsolutePath().normalize();
  }

  public static Path bundledSample() {
    return datasets().resolve("raw");
  }

  /**
   * A small input with every source and both GLOTIP formats (a few hundred rows each), generated
   * into {@code dir}: for tests whose subject is where files live, not what they hold.
   */
  public static Path smallInput(Path dir) {
    String out = dir.toString();
    List<String[]> commands = List.of(
        new String[] {"generate", "--rows", "800", "--seed", "7", "--format", "xlsx", "--years", "2003-2011", "--out", out},
        new String[] {"generate", "--rows", "800", "--seed", "11", "--format", "csv", "--years", "2012-2021", "--out", out},
        new String[] {"generate", "--source", "worldbank", "--seed", "5", "--years", "2003-2021", "--out", out},
        new String[] {"generate", "--source", "ilo", "--seed", "3", "--out", out},
        new String[] {"generate", "--source", "ucdp", "--seed", "4", "--years", "1989-2021", "--out", out});
    for (String[] args : commands) {
      java.io.PrintStream stdout = System.out;
      try {
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        int exit = org.tiptrends.jobs.cli.TipTrendsCommand.commandLine().execute(args);
        if (exit != 0) {
          throw new IllegalStateException("generate failed: " + String.join(" ", args));
        }
      } finally {
        System.setOut(stdout);
      }
    }
    return dir;
  }
}
