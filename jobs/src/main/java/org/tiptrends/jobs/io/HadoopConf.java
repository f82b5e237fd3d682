package org.tiptrends.jobs.io;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;

/**
 * The Hadoop settings of a run, gathered the way Spark gathers them but before Spark starts (the
 * marts lock is taken first): {@code core-site.xml} and {@code hdfs-site.xml} on the class path,
 * the same files in {@code $HADOOP_CONF_DIR} (spark-submit puts that folder on the class path; a
 * plain {@code java -jar} does not, so they are added here), then every {@code spark.hadoop.KEY}
 * setting as {@code KEY} (system properties, as spark-submit's {@code --conf} sets them, then the
 * run's own {@code --conf}). Credentials are not handled here: each connector reads its own (S3A:
 * {@code fs.s3a.*} settings, then the AWS environment variables and profile).
 */
public final class HadoopConf {
  public static final String SPARK_HADOOP_PREFIX = "spark.hadoop.";
  private static final List<String> SITE_FILES = List.of("core-site.xml", "hdfs-site.xml");

  private HadoopConf() {}

  /** The settings of a run whose extra Spark settings ({@code --conf}) are {@code sparkConf}. */
  public static Configuration create(Map<String, String> sparkConf) {
    Configuration conf = new Configuration();
    for (File site : confDirFiles(System.getenv("HADOOP_CONF_DIR"))) {
      conf.addResource(new org.apache.hadoop.fs.Path(site.toURI()));
    }
    Properties system = System.getProperties();
    for (String key : system.stringPropertyNames()) {
      if (key.startsWith(SPARK_HADOOP_PREFIX)) {
        conf.set(key.substring(SPARK_HADOOP_PREFIX.length()), system.getProperty(key));
      }
    }
    sparkConf.forEach((key, value) -> {
      if (key.startsWith(SPARK_HADOOP_PREFIX)) {
        conf.set(key.substring(SPARK_HADOOP_PREFIX.length()), value);
      }
    });
    return conf;
  }

  /** {@code core-site.xml} and {@code hdfs-site.xml} of a Hadoop configuration folder, those that exist. */
  public static List<File> confDirFiles(String confDir) {
    List<File> out = new ArrayList<>();
    if (confDir == null || confDir.isBlank()) {
      return out;
    }
    for (String name : SITE_FILES) {
      File f = new File(confDir, name);
      if (f.isFile()) {
        out.add(f);
      }
    }
    return out;
  }
}
