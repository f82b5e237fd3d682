package org.tiptrends.jobs.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tiptrends.jobs.io.Location;

/**
 * The marts root: versioned directories and the {@code CURRENT} pointer, on a local path or any
 * Hadoop file system. A run builds into a hidden {@code .building-<run>} directory, which is
 * renamed to its version name only when complete; then {@code CURRENT} is replaced by
 * write-and-rename. Readers follow {@code CURRENT} only, so a failed or killed run is never
 * visible, and the next run sweeps what it left.
 *
 * <p>On an object store a directory rename is a copy of each file and a delete, so a run killed
 * during it leaves a partial version directory beside what is left of its build. It is never
 * live: {@code CURRENT} is a single small object written after the rename completes. The next
 * run's sweep removes both (a version whose build directory still exists was never completed).
 */
public final class MartStore {
  public static final String CURRENT = "CURRENT";
  public static final int KEEP_VERSIONS = 5;
  public static final String LOCK = MartsLock.FILE;
  public static final String RUN_HISTORY = "runs.jsonl";
  private static final String BUILDING_PREFIX = ".building-";
  private static final String VERSION_PATTERN = "v\\d{8}T\\d{6}Z-[0-9a-f]{6}";
  private static final DateTimeFormatter VERSION_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Location root;
  private final Duration lockStaleAfter;
  private MartsLock held;

  public MartStore(Location root) {
    this(root, MartsLock.DEFAULT_STALE_AFTER);
  }

  /** @param lockStaleAfter on a non-local root, when a lock without heartbeat counts as abandoned */
  public MartStore(Location root, Duration lockStaleAfter) {
    this.root = root;
    this.lockStaleAfter = lockStaleAfter;
  }

  public MartStore(java.nio.file.Path root) {
    this(Location.local(root));
  }

  public Location root() {
    return root;
  }

  /** A version name that sorts by time: {@code v20261129T163501Z-1a2b3c}. */
  public static String versionName(Instant started, String runId) {
    return "v" + VERSION_TIME.format(started) + "-" + runId.substring(0, 6);
  }

  /** Another run holds the marts root. */
  public static final class ConcurrentRunException extends RuntimeException {
    public ConcurrentRunException(String message) {
      super(message);
    }
  }

  /**
   * Takes the marts root for one run (see {@link MartsLock}); {@link #publish} checks it is still
   * held.
   *
   * @throws ConcurrentRunException at once when another run holds it
   */
  public MartsLock lock() {
    MartsLock lock = MartsLock.acquire(root, lockStaleAfter);
    held = lock;
    return lock;
  }

  /** Appends one line to the run history at the marts root (published and failed runs alike). */
  public void appendHistory(String jsonLine) {
    root.resolve(RUN_HISTORY).appendLine(jsonLine, runIdOf(jsonLine));
  }

  /**
   * Removes build directories left by runs that failed or were killed, and versions whose rename
   * was cut short on an object store (call under {@link #lock()}).
   */
  public List<Location> sweepAbandonedBuilds() {
    List<Location> swept = new ArrayList<>();
    List<Location> builds = root.listDirectories().stream().filter(d -> d.name().startsWith(BUILDING_PREFIX)).toList();
    for (Location version : root.listDirectories()) {
      String v = version.name();
      if (v.matches(VERSION_PATTERN) && !Optional.of(v).equals(current()) && builds.stream()
          .anyMatch(b -> b.name().startsWith(BUILDING_PREFIX + v.substring(v.length() - 6)))) {
        version.deleteRecursively();
        swept.add(version);
      }
    }
    for (Location b : builds) {
      b.deleteRecursively();
      swept.add(b);
    }
    return swept;
  }

  public Location newBuildDirectory(String runId) {
    root.mkdirs();
    Location build = root.resolve(BUILDING_PREFIX + runId);
    build.createDirectory();
    return build;
  }

  /** Makes a complete build the live version, then keeps the newest {@link #KEEP_VERSIONS}. */
  public Location publish(Location build, String version) {
    if (held != null) {
      held.verifyHeld();
    }
    Location target = root.resolve(version);
    build.renameTo(target);
    FailPoints.reached("before-current-swap"); // the version is complete but not yet live
    root.resolve(CURRENT).replace((version + "\n").getBytes(StandardCharsets.UTF_8), version);
    prune(version);
    return target;
  }

  /** The live version's directory name, if any. */
  public Optional<String> current() {
    Location p = root.resolve(CURRENT);
    if (!p.isFile()) {
      return Optional.empty();
    }
    String v = p.readString().strip();
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  /** Published version directories, oldest first. */
  public List<String> versions() {
    return root.listDirectories().stream().map(Location::name).filter(n -> n.matches(VERSION_PATTERN))
        .sorted().toList();
  }

  private void prune(String live) {
    List<String> all = versions();
    for (int i = 0; i < all.size() - KEEP_VERSIONS; i++) {
      if (!all.get(i).equals(live)) {
        root.resolve(all.get(i)).deleteRecursively();
      }
    }
    for (Location p : root.listFiles()) {
      if (p.name().startsWith(CURRENT + ".tmp-") || p.name().startsWith(RUN_HISTORY + ".tmp-")) {
        p.deleteRecursively();
      }
    }
  }

  /** A suffix for the history's temporary file (only used where appends are rewrites). */
  private static String runIdOf(String jsonLine) {
    return Integer.toHexString(jsonLine.hashCode());
  }
}
