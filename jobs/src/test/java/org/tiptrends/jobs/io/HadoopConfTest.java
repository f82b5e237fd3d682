package org.tiptrends.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a run's Hadoop settings come from before Spark starts (the lock and the driver's reads use them). */
class HadoopConfTest {
  @Test
  void sparkHadoopSettingsBecomeHadoopSettingsTheRunsConfWinning() {
    String key = "spark.hadoop.tiptrends.test.setting";
    System.setProperty(key, "from-system-property");
    System.setProperty("spark.hadoop.tiptrends.test.only-system", "kept");
    try {
      Configuration conf = HadoopConf.create(Map.of(key, "from-conf", "spark.sql.shuffle.partitions", "8"));
      assertEquals("from-conf", conf.get("tiptrends.test.setting"));
      assertEquals("kept", conf.get("tiptrends.test.only-system"));
      assertNull(conf.get("spark.sql.shuffle.partitions"), "only spark.hadoop.* settings are Hadoop's");
      assertNull(conf.get("sql.shuffle.partitions"));
    } finally {
      System.clearProperty(key);
      System.clearProperty("spark.hadoop.tiptrends.test.only-system");
    }
  }

  @Test
  void aHadoopConfDirContributesItsSiteFiles(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("core-site.xml"), "<configuration><property><name>fs.defaultFS</name>"
        + "<value>hdfs://namenode.example:8020</value></property></configuration>");
    Files.writeString(dir.resolve("yarn-site.xml"), "<configuration/>");
    assertEquals(List.of(new File(dir.toFile(), "core-site.xml")), HadoopConf.confDirFiles(dir.toString()));
    assertEquals(List.of(), HadoopConf.confDirFiles(null));
    Configuration conf = new Configuration();
    for (File f : HadoopConf.confDirFiles(dir.toString())) {
      conf.addResource(new org.apache.hadoop.fs.Path(f.toURI()));
    }
    assertEquals("hdfs://namenode.example:8020", conf.get("fs.defaultFS"));
  }
}
