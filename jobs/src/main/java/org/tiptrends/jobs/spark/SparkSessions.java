package org.tiptrends.jobs.spark;

import java.io.File;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.tiptrends.jobs.io.HadoopConf;

/** The one place the job's Spark settings live. */
public final class SparkSessions {
  public static final String DEFAULT_MASTER = "local[*]";

  private SparkSessions() {}

  /**
   * @param master a master URL, or {@code null} to take the one spark-submit set
   *     ({@code spark.master}) or else run embedded
   */
  public static SparkSession create(String master) {
    return create(master, Map.of());
  }

  /**
   * @param conf extra Spark settings ({@code --conf KEY=VALUE}); {@code spark.hadoop.*} reach
   *     Hadoop as Spark passes them
   */
  public static SparkSession create(String master, Map<String, String> conf) {
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
    conf.forEach(b::config); // the run's --conf last: an operator's setting wins over the defaults above
    SparkSession spark = b.getOrCreate();
    // what spark-submit does by putting HADOOP_CONF_DIR on the class path; java -jar needs it here
    for (File site : HadoopConf.confDirFiles(System.getenv("HADOOP_CONF_DIR"))) {
      spark.sparkContext().hadoopConfiguration().addResource(new org.apache.hadoop.fs.Path(site.toURI()));
    }
    return spark;
  }

  /** The job's settings, each overridable by a system property of the same name. */
  static final Map<String, String> DEFAULTS = Map.of(
      "spark.ui.enabled", "false",
      // the marts are small: few shuffle partitions beat the default 200 (measured, BENCHMARKS.md)
      "spark.sql.shuffle.partitions", "4",
      "spark.sql.session.timeZone", "UTC",
      "spark.sql.adaptive.enabled", "true",
      "spark.sql.parquet.compression.codec", "snappy");
}
