package org.tiptrends.jobs.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The marts root: versioned directories and the {@code CURRENT} pointer. A run builds into a hidden
 * {@code .building-<run>} directory, which is renamed to its version name only when complete; then
 * {@code CURRENT} is replaced by write-and-rename. Readers follow {@code CURRENT} only, so a failed
 * or killed run is never visible, and the next run sweeps what it left.
 */
public final class MartStore {
  public static final String CURRENT = "CURRENT";
  public static final int KEEP_VERSIONS = 5;
  private static final String BUILDING_PREFIX = ".building-";
  private static final DateTimeFormatter VERSION_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Path root;

  public MartStore(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** A version name that sorts by time: {@code v20261129T163501Z-1a2b3c}. */
  public static String versionName(Instant started, String runId) {
    return "v" + VERSION_TIME.format(started) + "-" + runId.substring(0, 6);
  }

  public static final String LOCK = ".lock";
  public static final String RUN_HISTORY = "runs.jsonl";

  /** Another run holds the marts root. */
  public static final class ConcurrentRunException extends RuntimeException {
    public ConcurrentRunException(String message) {
      super(message);
    }
  }

  /**
   * Takes the marts root for one run. The operating system releases the lock when the process
   * ends, however it ends (a SIGKILL included), so a stale lock never blocks the next night.
   *
   * @throws ConcurrentRunException at once when another run holds it
   */
  public AutoCloseable lock() {
    try {
      Files.createDirectories(root);
      FileChannel ch = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      java.nio.channels.FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (java.nio.channels.OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        ch.close();
        throw new ConcurrentRunException("another run is publishing to " + root + " (it holds " + LOCK + ")");
      }
      java.nio.channels.FileLock held = lock;
      return () -> {
        held.release();
        ch.close();
      };
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + root, e);
    }
  }

  /** Appends one line to the run history at the marts root (published and failed runs alike). */
  public void appendHistory(String jsonLine) {
    try {
      Files.writeString(root.resolve(RUN_HISTORY), jsonLine + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + root.resolve(RUN_HISTORY), e);
    }
  }

  /** Removes build directories left by runs that failed or were killed (call under {@link #lock()}). */
  public List<Path> sweepAbandonedBuilds() {
    List<Path> swept = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return swept;
    }
    try (Stream<Path> children = Files.list(root)) {
      for (Path p : children.filter(p -> p.getFileName().toString().startsWith(BUILDING_PREFIX)).toList()) {
        deleteRecursively(p);
        swept.add(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + root, e);
    }
    return swept;
  }

  public Path newBuildDirectory(String runId) {
    try {
      Files.createDirectories(root);
      return Files.createDirectory(root.resolve(BUILDING_PREFIX + runId));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a build directory under " + root, e);
    }
  }

  /** Makes a complete build the live version, then keeps the newest {@link #KEEP_VERSIONS}. */
  public Path publish(Path build, String version) {
    try {
      Path target = root.resolve(version);
      Files.move(build, target, StandardCopyOption.ATOMIC_MOVE);
      FailPoints.reached("before-current-swap"); // the version is complete but not yet live
      Path tmp = root.resolve(CURRENT + ".tmp-" + version);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap((version + "\n").getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
      }
      Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      prune(version);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + version + " under " + root, e);
    }
  }

  /** The live version's directory name, if any. */
  public Optional<String> current() {
    Path p = root.resolve(CURRENT);
    if (!Files.isRegularFile(p)) {
      return Optional.empty();
    }
    try {
      String v = Files.readString(p, StandardCharsets.UTF_8).strip();
      return v.isEmpty() ? Optional.empty() : Optional.of(v);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Published version directories, oldest first. */
  public List<String> versions() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(root)) {
      return children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(n -> n.matches("v\\d{8}T\\d{6}Z-[0-9a-f]{6}")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void prune(String live) throws IOException {
    List<String> all = versions();
    for (int i = 0; i < all.size() - KEEP_VERSIONS; i++) {
      if (!all.get(i).equals(live)) {
        deleteRecursively(root.resolve(all.get(i)));
      }
    }
    try (Stream<Path> children = Files.list(root)) {
      for (Path p : children.filter(p -> p.getFileName().toString().startsWith(CURRENT + ".tmp-")).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
          Files.delete(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
