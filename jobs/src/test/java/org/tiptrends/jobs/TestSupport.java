package org.tiptrends.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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

  /** The bundled datasets folder of the repository. */
  public static Path datasets() {
    return Path.of(System.getProperty("tiptrends.datasets", "../datasets")).toAbsolutePath().normalize();
  }

  public static Path bundledSample() {
    return datasets().resolve("raw");
  }

  /** {@code ../shared/realdata}, when this machine has it. */
  public static Optional<Path> realData() {
    Path p = Path.of(System.getProperty("tiptrends.realdata", "../../shared/realdata")).toAbsolutePath().normalize();
    return Files.isDirectory(p.resolve("unodc")) ? Optional.of(p) : Optional.empty();
  }

  public static final String NO_REAL_DATA =
      "skipped: ../shared/realdata (the real UNODC/ILO/World Bank exports) is not on this machine";
}
