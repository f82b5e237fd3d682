package org.tiptrends.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tiptrends.jobs.NightlyRun;
import org.tiptrends.jobs.spark.SparkSessions;

/**
 * Real marts for the API tests: the job runs in-process on the bundled sample once per test JVM.
 * The tests read the expected values from these Parquet files with Spark, independently of the
 * API's Tablesaw loader and queries.
 */
public final class TestMarts {
  private static SparkSession spark;
  private static Path root;
  private static NightlyRun.Result result;

  private TestMarts() {}

  public static synchronized SparkSession spark() {
    if (spark == null) {
      org.apache.logging.log4j.core.config.Configurator.setRootLevel(org.apache.logging.log4j.Level.ERROR);
      spark = SparkSessions.create("local[2]");
      Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
    }
    return spark;
  }

  /** The marts root the job published to (built on first use). */
  public static synchronized Path root() {
    if (root == null) {
      try {
        Path dir = Files.createTempDirectory("tiptrends-api-marts");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        result = new NightlyRun(spark(), m -> {}).run(datasets().resolve("raw"), dir);
        root = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return root;
  }

  public static String version() {
    root();
    return result.version();
  }

  public static Path versionDir() {
    root();
    return result.versionDir();
  }

  public static Dataset<Row> mart(String name) {
    return spark().read().parquet(versionDir().resolve(name).toString());
  }

  /** The repository's datasets folder. */
  public static Path datasets() {
    return Path.of(System.getProperty("tiptrends.datasets", "../datasets")).toAbsolutePath().normalize();
  }

  /** A new marts root holding a copy of the sample version, named live by CURRENT. */
  public static Path copyOfRoot() throws IOException {
    Path dir = Files.createTempDirectory("tiptrends-api-marts-copy");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
    copyTree(versionDir(), dir.resolve(version()));
    publish(dir, version());
    return dir;
  }

  /** Points CURRENT at {@code version} the way the job does: write a temporary file, rename it. */
  public static void publish(Path root, String version) throws IOException {
    org.tiptrends.api.bench.MartDirs.publish(root, version);
  }

  public static void copyTree(Path from, Path to) throws IOException {
    org.tiptrends.api.bench.MartDirs.copyTree(from, to);
  }

  public static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort at exit
    }
  }
}
