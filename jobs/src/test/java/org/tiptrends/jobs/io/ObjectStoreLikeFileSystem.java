package org.tiptrends.jobs.io;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A test-only Hadoop file system, {@code objstore:///<local path>}, that behaves like an object
 * store where it matters to publishing: a rename is a copy of every file and then a delete (never
 * atomic), a rename onto an existing file is refused (as S3A does), and no FileContext binding
 * exists for the scheme. It also wants credentials: without {@value #KEY} it fails to set up, as
 * S3A does without any. Registered with {@code fs.objstore.impl}.
 */
public final class ObjectStoreLikeFileSystem extends RawLocalFileSystem {
  public static final String SCHEME = "objstore";
  public static final String KEY = "fs.objstore.access.key";

  /** Hadoop settings that register this file system, with or without credentials. */
  public static Configuration conf(boolean credentials) {
    Configuration conf = new Configuration();
    conf.set("fs." + SCHEME + ".impl", ObjectStoreLikeFileSystem.class.getName());
    conf.setBoolean("fs." + SCHEME + ".impl.disable.cache", true); // each test sees its own settings
    if (credentials) {
      conf.set(KEY, "test-key");
    }
    return conf;
  }

  @Override
  public URI getUri() {
    return URI.create(SCHEME + ":///");
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public void initialize(URI uri, Configuration conf) throws IOException {
    if (conf.get(KEY) == null) {
      throw new AccessDeniedException(uri.toString(), null, "no credentials: set " + KEY);
    }
    super.initialize(uri, conf);
  }

  @Override
  public boolean rename(Path src, Path dst) throws IOException {
    if (exists(dst) && getFileStatus(dst).isFile()) {
      return false;
    }
    return FileUtil.copy(this, src, this, dst, true, getConf());
  }
}
