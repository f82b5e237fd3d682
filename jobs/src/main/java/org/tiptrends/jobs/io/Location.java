package org.tiptrends.jobs.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;

/**
 * A file or directory the job reads or writes: a local path ({@code marts}, {@code /srv/raw},
 * {@code file:///srv/raw}) or any Hadoop file system URI ({@code hdfs://nn:8020/raw},
 * {@code s3a://bucket/marts}). Every reader, the marts store and the run report go through this
 * class, so "where is it" is decided once. Local locations use {@code java.nio} (atomic renames,
 * fsync, OS file locks, names Hadoop's {@code Path} cannot parse); the others use Hadoop's
 * {@link FileSystem} with the settings the run was given ({@link HadoopConf}). This class is what
 * callers see and how a location is made; {@link LocalLocation} and {@link HadoopLocation} are the
 * two implementations.
 *
 * <p>Failures are {@link LocationException}s whose message names the location on one line.
 */
public abstract class Location {
  /** {@code scheme:} at the start of a location; two letters at least, so a drive letter is not one. */
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

  /** A location that cannot be read or written; the message names it. */
  public static final class LocationException extends UncheckedIOException {
    public LocationException(String message, IOException cause) {
      super(message, cause);
    }
  }

  /**
   * The location a user wrote: a local path, a {@code file:} URI (the same local path) or a Hadoop
   * file system URI, whose file system is set up from {@code conf}.
   *
   * @throws IllegalArgumentException naming it when it is not a valid URI or no file system on
   *     the class path serves its scheme
   */
  public static Location of(String spec, Configuration conf) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("empty location");
    }
    if (!SCHEME.matcher(spec).matches()) {
      return local(java.nio.file.Path.of(spec));
    }
    URI uri;
    try {
      uri = new URI(spec);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(spec + ": not a valid location URI (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("file")) {
      if (uri.getPath() == null || !uri.getPath().startsWith("/")) {
        throw new IllegalArgumentException(spec + ": a file: URI names an absolute path (file:///srv/marts)");
      }
      return local(java.nio.file.Path.of(uri.getPath()));
    }
    if (uri.getPath() == null || uri.isOpaque()) {
      throw new IllegalArgumentException(spec + ": not a valid location URI (write " + scheme + "://host/path)");
    }
    FileSystem fs;
    try {
      fs = FileSystem.get(uri, conf);
    } catch (UnsupportedFileSystemException e) {
      throw noFileSystem(spec, scheme, "");
    } catch (IOException | RuntimeException e) {
      // core-default.xml names connectors Spark does not ship (fs.s3a.impl): their class is missing
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof ClassNotFoundException) {
          throw noFileSystem(spec, scheme, t.getMessage().replaceFirst("^Class ", "") + "; ");
        }
      }
      throw new LocationException(spec + ": cannot set up its file system: " + oneLine(e), asIo(e));
    }
    if (fs instanceof LocalFileSystem checksummed) {
      fs = checksummed.getRaw(); // a local file system under another scheme: no .crc files beside ours
    }
    return new HadoopLocation(fs, fs.makeQualified(new Path(uri)), conf);
  }

  private static IllegalArgumentException noFileSystem(String spec, String scheme, String detail) {
    return new IllegalArgumentException(spec + ": no Hadoop file system for scheme '" + scheme + "' on the class path ("
        + detail + (scheme.equals("s3a") ? "s3a:// needs hadoop-aws and the AWS SDK bundle" : "add its connector")
        + ", see the README)");
  }

  /** A local path, as given (relative stays relative in messages, as the user wrote it). */
  public static Location local(java.nio.file.Path path) {
    return new LocalLocation(path);
  }

  /** Whether this is on the local file system (OS file locks, {@link #toLocalPath()}). */
  public abstract boolean isLocal();

  /** The local path; only for a {@linkplain #isLocal() local} location. */
  public abstract java.nio.file.Path toLocalPath();

  /** A child: {@code resolve("unodc")}, {@code resolve("run.json")}. */
  public abstract Location resolve(String name);

  /** The last name of the location ({@code export.csv}, {@code v20261129T163501Z-1a2b3c}). */
  public abstract String name();

  /** The location as Spark and Hadoop take it: a fully qualified URI. */
  public abstract String uri();

  /** As messages and {@code run.json} name it: the path as given, or the URI. */
  @Override
  public abstract String toString();

  /** {@link #toString()}, made absolute for a relative local path. */
  public abstract String toAbsoluteString();

  public abstract boolean isDirectory();

  public abstract boolean isFile();

  public abstract long size();

  /** Last modification time, epoch milliseconds. */
  public abstract long modificationTime();

  /** Regular files directly in this directory, by name; none when it is absent. */
  public abstract List<Location> listFiles();

  /** Directories directly in this directory, by name; none when it is absent. */
  public abstract List<Location> listDirectories();

  public abstract InputStream open();

  /** A new file; fails when one exists (see {@link #createExclusive()} for the guarantee). */
  public abstract OutputStream create();

  /**
   * A new file that must not exist, created atomically where the file system can: local, HDFS;
   * S3A (Hadoop 3.4.2+) with {@code fs.s3a.create.conditional.enabled} (the default) checks at
   * close that no object appeared, where the store supports conditional writes.
   *
   * @throws java.nio.file.FileAlreadyExistsException (wrapped) when it exists
   */
  public abstract OutputStream createExclusive() throws IOException;

  /** Writes a file whole, replacing what was there (one PUT on an object store). */
  public abstract void overwrite(byte[] content);

  /**
   * Replaces this small file's content so that a reader sees the old content or the new, never a
   * mix: written beside it as {@code <name>.tmp-<suffix>}, then renamed over it. Local: an atomic
   * rename after fsync. HDFS: one atomic rename (overwrite). An object store's rename is a copy:
   * the object appears whole, but between the delete of the old and the copy a reader may find no
   * file at all.
   */
  public abstract void replace(byte[] content, String tmpSuffix);

  /** Creates this directory and its parents (nothing when it exists). */
  public abstract void mkdirs();

  /** Creates this directory, which must not exist. */
  public abstract void createDirectory();

  /**
   * Renames a directory. Atomic locally and on HDFS; on an object store a copy of every file, then
   * a delete (a kill in between leaves both, see {@code MartStore}).
   */
  public abstract void renameTo(Location target);

  /** Deletes this file or directory with everything in it; nothing when it is absent. */
  public abstract void deleteRecursively();

  /**
   * Runs {@code use} on a local file holding this file's bytes: the file itself when local, else a
   * temporary copy read through the file system's {@code open()} stream. For formats that need
   * random access (a zip archive such as an xlsx has its directory at the end; POI's stream mode
   * would hold the whole workbook in memory).
   */
  public abstract <T> T withLocalFile(LocalFileFunction<T> use) throws Exception;

  /** What {@link #withLocalFile} runs; its exceptions pass through unchanged (readers word them). */
  @FunctionalInterface
  public interface LocalFileFunction<T> {
    T apply(java.nio.file.Path file) throws Exception;
  }

  public boolean exists() {
    return isFile() || isDirectory();
  }

  /** Text as {@code Files.newBufferedReader} reads it: UTF-8, failing on bytes that are not. */
  public BufferedReader newBufferedReader() {
    return new BufferedReader(new InputStreamReader(open(), StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
  }

  public String readString() {
    try (InputStream in = open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw fail("cannot read", e);
    }
  }

  public byte[] readNBytes(int n) {
    try (InputStream in = open()) {
      return in.readNBytes(n);
    } catch (IOException e) {
      throw fail("cannot read", e);
    }
  }

  /** Appends a line to a small text file (a rewrite through {@link #replace} where appends are unsupported). */
  public abstract void appendLine(String line, String tmpSuffix);

  @Override
  public boolean equals(Object o) {
    return o instanceof Location other && other.getClass() == getClass() && other.uri().equals(uri());
  }

  @Override
  public int hashCode() {
    return uri().hashCode();
  }

  /** A file system call whose failure is a {@link LocationException} naming this location. */
  @FunctionalInterface
  interface IoCall<T> {
    T call() throws IOException;
  }

  <T> T io(String what, IoCall<T> call) {
    try {
      return call.call();
    } catch (IOException e) {
      throw fail(what, e);
    }
  }

  LocationException fail(String what, Exception e) {
    return new LocationException(this + ": " + what + ": " + oneLine(e), asIo(e));
  }

  private static IOException asIo(Exception e) {
    return e instanceof IOException io ? io : new IOException(e);
  }

  /** An exception's message on one line, without the stack of causes Hadoop's RPC layer adds. */
  static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    m = m.replaceAll("\\s+", " ").strip();
    return m.length() > 300 ? m.substring(0, 297) + "..." : m;
  }

}
