package org.tiptrends.jobs.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;

/** Any Hadoop file system: HDFS, S3A, ABFS, GCS, ... */
final class HadoopLocation extends Location {
  private final FileSystem fs;
  private final Path path;
  private final Configuration conf;

  HadoopLocation(FileSystem fs, Path path, Configuration conf) {
    this.fs = fs;
    this.path = path;
    this.conf = conf;
  }

  @Override
  public boolean isLocal() {
    return false;
  }

  @Override
  public java.nio.file.Path toLocalPath() {
    throw new UnsupportedOperationException(this + " is not a local path");
  }

  @Override
  public Location resolve(String name) {
    return new HadoopLocation(fs, new Path(path, name), conf);
  }

  @Override
  public String name() {
    return path.getName();
  }

  @Override
  public String uri() {
    return path.toUri().toString();
  }

  @Override
  public String toString() {
    return uri();
  }

  @Override
  public String toAbsoluteString() {
    return uri();
  }

  private FileStatus status() {
    try {
      return fs.getFileStatus(path);
    } catch (java.io.FileNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw fail("cannot reach it", e);
    }
  }

  @Override
  public boolean isDirectory() {
    FileStatus s = status();
    return s != null && s.isDirectory();
  }

  @Override
  public boolean isFile() {
    FileStatus s = status();
    return s != null && s.isFile();
  }

  @Override
  public long size() {
    FileStatus s = status();
    if (s == null) {
      throw fail("cannot read its size", new java.io.FileNotFoundException("not found"));
    }
    return s.getLen();
  }

  @Override
  public long modificationTime() {
    FileStatus s = status();
    if (s == null) {
      throw fail("cannot read its time", new java.io.FileNotFoundException("not found"));
    }
    return s.getModificationTime();
  }

  @Override
  public List<Location> listFiles() {
    return list(false);
  }

  @Override
  public List<Location> listDirectories() {
    return list(true);
  }

  private List<Location> list(boolean directories) {
    FileStatus[] children;
    try {
      children = fs.listStatus(path);
    } catch (java.io.FileNotFoundException e) {
      return List.of();
    } catch (IOException e) {
      throw fail("cannot list", e);
    }
    List<Location> out = new ArrayList<>();
    for (FileStatus c : children) {
      if (directories ? c.isDirectory() : c.isFile()) {
        out.add(resolve(c.getPath().getName())); // named like the parent (file systems print URIs differently)
      }
    }
    out.sort(Comparator.comparing(Location::name));
    return out;
  }

  @Override
  public InputStream open() {
    return io("cannot open", () -> fs.open(path));
  }

  @Override
  public OutputStream create() {
    return io("cannot create", () -> fs.create(path, false));
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"}) // the builder's self types do not survive its wildcards
  public OutputStream createExclusive() throws IOException {
    org.apache.hadoop.fs.FSDataOutputStreamBuilder b = fs.createFile(path);
    b.overwrite(false);
    b.recursive();
    // opt(): file systems that do not know the option ignore it; HDFS's create is atomic anyway
    b.opt(Options.CreateFileOptionKeys.FS_OPTION_CREATE_CONDITIONAL_OVERWRITE, true);
    return (OutputStream) b.build();
  }

  @Override
  public void overwrite(byte[] content) {
    try (FSDataOutputStream out = fs.create(path, true)) {
      out.write(content);
    } catch (IOException e) {
      throw fail("cannot write", e);
    }
  }

  @Override
  public void replace(byte[] content, String tmpSuffix) {
    Path tmp = new Path(path.getParent(), name() + ".tmp-" + tmpSuffix);
    try {
      try (FSDataOutputStream out = fs.create(tmp, true)) {
        out.write(content);
        out.hflush();
      }
      try {
        // rename with overwrite is FileContext's: one atomic NameNode operation on HDFS
        FileContext.getFileContext(fs.getUri(), conf).rename(tmp, path, Options.Rename.OVERWRITE);
      } catch (UnsupportedFileSystemException e) {
        // no AbstractFileSystem binding for this scheme: the same in two steps
        fs.delete(path, false);
        if (!fs.rename(tmp, path)) {
          throw new IOException("rename of " + tmp + " returned false");
        }
      }
    } catch (IOException e) {
      throw fail("cannot replace", e);
    }
  }

  @Override
  public void appendLine(String line, String tmpSuffix) {
    // object stores cannot append; the run history is small, so it is rewritten whole
    String before = isFile() ? readString() : "";
    replace((before + line + "\n").getBytes(StandardCharsets.UTF_8), tmpSuffix);
  }

  @Override
  public void mkdirs() {
    try {
      if (!fs.mkdirs(path)) {
        throw new IOException("mkdirs returned false");
      }
    } catch (IOException e) {
      throw fail("cannot create the directory", e);
    }
  }

  @Override
  public void createDirectory() {
    if (exists()) {
      throw fail("cannot create the directory", new java.nio.file.FileAlreadyExistsException(uri()));
    }
    mkdirs();
  }

  @Override
  public void renameTo(Location target) {
    HadoopLocation to = (HadoopLocation) target;
    try {
      if (to.exists()) {
        throw new java.nio.file.FileAlreadyExistsException(to.uri());
      }
      if (!fs.rename(path, to.path)) {
        throw new IOException("rename returned false");
      }
    } catch (IOException e) {
      throw fail("cannot rename it to " + target, e);
    }
  }

  @Override
  public void deleteRecursively() {
    io("cannot delete", () -> fs.delete(path, true));
  }

  @Override
  public <T> T withLocalFile(LocalFileFunction<T> use) throws Exception {
    java.nio.file.Path tmp = Files.createTempFile("tiptrends-", "-" + name());
    try {
      try (InputStream in = fs.open(path)) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      return use.apply(tmp);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
