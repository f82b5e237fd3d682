package org.tiptrends.jobs.spark;

import org.apache.spark.sql.SparkSession;

/** The one place the job's Spark settings live. */
public final class SparkSessions {
  public static final String DEFAULT_MASTER = "local[*]";

  private SparkSessions() {}

  /**
   * @param master a master URL, or {@code null} to take the one spark-submit set
   *     ({@code spark.master}) or else run embedded
   */
  public static SparkSession create(String master) {
    SparkSession.Builder b = SparkSession.builder().appName("tip-trends");
    if (master != null) {
      b.master(master);
    } else if (System.getProperty("spark.master") == null) {
      b.master(DEFAULT_MASTER);
    }
    DEFAULTS.forEach((key, value) -> {
      // a spark.* system property (spark-submit --conf, or -D in JAVA_OPTS) wins over the default:
      // the builder's own settings would otherwise silently override it
      if (System.getProperty(key) == null) {
        b.config(key, value);
      }
    });
    return b.getOrCreate();
  }

  /** The job's settings, each overridable by a system property of the same name. */
  static final java.util.Map<String, String> DEFAULTS = java.util.Map.of(
      "spark.ui.enabled", "false",
      // the marts are small: few shuffle partitions beat the default 200 (measured, BENCHMARKS.md)
      "spark.sql.shuffle.partitions", "4",
      "spark.sql.session.timeZone", "UTC",
      "spark.sql.adaptive.enabled", "true",
      "spark.sql.parquet.compression.codec", "snappy");
}
