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
    return b
        .config("spark.ui.enabled", false)
        // the marts are small: few shuffle partitions beat the default 200 (measured, BENCHMARKS.md)
        .config("spark.sql.shuffle.partitions", 4)
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.adaptive.enabled", true)
        .config("spark.sql.parquet.compression.codec", "snappy")
        .getOrCreate();
  }
}
