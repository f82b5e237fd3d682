package org.tiptrends.jobs.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS (NameNode and one DataNode) in the test JVM, started once and shared: Hadoop's
 * MiniDFSCluster from {@code hadoop-client-minicluster}, at the Hadoop version Spark ships.
 */
public final class MiniHdfs {
  private static MiniDFSCluster cluster;

  private MiniHdfs() {}

  public static synchronized MiniDFSCluster cluster() {
    if (cluster == null) {
      try {
        Configuration conf = new Configuration();
        java.nio.file.Path base = Files.createTempDirectory("tiptrends-minidfs");
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        MiniDFSCluster started = cluster;
        Runtime.getRuntime().addShutdownHook(new Thread(started::shutdown));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return cluster;
  }

  /** {@code hdfs://localhost:<port>/<path>} */
  public static String uri(String path) {
    return cluster().getURI().toString() + (path.startsWith("/") ? path : "/" + path);
  }

  public static FileSystem fs() {
    try {
      return cluster().getFileSystem();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh directory on the cluster, as a location the job takes. */
  public static Location newDirectory(String prefix) {
    String dir = "/" + prefix + "-" + System.nanoTime();
    try {
      fs().mkdirs(new Path(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Location.of(uri(dir), new Configuration());
  }

  /** Copies a local folder into HDFS. */
  public static Location upload(java.nio.file.Path local, String prefix) {
    Location dir = newDirectory(prefix);
    try {
      fs().copyFromLocalFile(false, true, new Path(local.toUri()), new Path(dir.uri()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir.resolve(local.getFileName().toString());
  }
}
