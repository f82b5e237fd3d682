package org.tiptrends.api.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live snapshot. Requests take {@link #current()} once and answer from that object to the end,
 * so a swap never changes the data under a request in flight. A watcher re-reads {@code CURRENT}
 * every few seconds and loads a new version off the request path; only a version that loaded
 * completely replaces the live one. A version that fails to load is logged once and the old
 * snapshot keeps serving; it is retried when {@code CURRENT} moves on or on a forced reload.
 */
public final class SnapshotHolder implements AutoCloseable {
  public static final Duration DEFAULT_WATCH_PERIOD = Duration.ofSeconds(2);
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotHolder.class);
  /** A version name is one plain directory name under the marts root: no separators, no dot-files. */
  private static final Pattern VERSION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  /** What a reload did. */
  public enum Outcome { LOADED, UNCHANGED, FAILED, NO_CURRENT }

  public record ReloadResult(Outcome outcome, String version, String previousVersion, String message) {}

  /** No version has loaded yet (no {@code CURRENT}, or every version failed to load). */
  public static final class NoSnapshotException extends RuntimeException {
    public NoSnapshotException(String message) {
      super(message, null, false, false);
    }
  }

  private final Path martsRoot;
  private final Function<Path, MartSnapshot> loader;
  private final AtomicReference<MartSnapshot> live = new AtomicReference<>();
  private volatile String failedVersion;
  private volatile String lastProblem = "no version loaded yet";
  private ScheduledExecutorService watcher;

  public SnapshotHolder(Path martsRoot) {
    this(martsRoot, MartSnapshot::load);
  }

  SnapshotHolder(Path martsRoot, Function<Path, MartSnapshot> loader) {
    this.martsRoot = martsRoot.toAbsolutePath().normalize();
    this.loader = loader;
  }

  public Path martsRoot() {
    return martsRoot;
  }

  /**
   * The live snapshot; take it once per request.
   *
   * @throws NoSnapshotException while no version has loaded
   */
  public MartSnapshot current() {
    MartSnapshot s = live.get();
    if (s == null) {
      throw new NoSnapshotException(lastProblem);
    }
    return s;
  }

  public Optional<MartSnapshot> peek() {
    return Optional.ofNullable(live.get());
  }

  /** Loads the version {@code CURRENT} names if it is not the live one (the watcher's step). */
  public ReloadResult reload() {
    return reload(false);
  }

  /**
   * @param retryFailed also retry a version that failed to load before (a forced reload); the
   *     watcher does not, so a broken version is logged once, not every period
   */
  public synchronized ReloadResult reload(boolean retryFailed) {
    MartSnapshot old = live.get();
    String previous = old == null ? null : old.version();
    String named;
    try {
      named = Files.readString(martsRoot.resolve("CURRENT"), StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      lastProblem = "no CURRENT under " + martsRoot;
      return new ReloadResult(Outcome.NO_CURRENT, previous, previous, lastProblem);
    } catch (IOException e) {
      return failed(null, previous, "cannot read CURRENT: " + e.getMessage());
    }
    if (named.equals(previous)) {
      return new ReloadResult(Outcome.UNCHANGED, previous, previous, "already live");
    }
    if (!retryFailed && named.equals(failedVersion)) {
      return new ReloadResult(Outcome.FAILED, previous, previous, lastProblem);
    }
    if (!VERSION_NAME.matcher(named).matches()) {
      return failed(named, previous, "CURRENT does not name a version directory");
    }
    Path dir = martsRoot.resolve(named);
    if (!Files.isDirectory(dir)) {
      return failed(named, previous, "version directory " + named + " not found");
    }
    long started = System.nanoTime();
    MartSnapshot loaded;
    try {
      loaded = loader.apply(dir);
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("loading {} failed", named, e);
      return failed(named, previous, String.valueOf(e.getMessage()));
    }
    live.set(loaded);
    failedVersion = null;
    LOG.info("serving mart version {} (loaded in {} ms{})", named, (System.nanoTime() - started) / 1_000_000,
        previous == null ? "" : ", was " + previous);
    return new ReloadResult(Outcome.LOADED, named, previous, "loaded");
  }

  private ReloadResult failed(String version, String previous, String problem) {
    failedVersion = version;
    lastProblem = "version " + version + " failed to load: " + problem;
    LOG.error("{}; {}", lastProblem, previous == null ? "no version is being served" : "still serving " + previous);
    return new ReloadResult(Outcome.FAILED, previous, previous, lastProblem);
  }

  /** Starts re-reading {@code CURRENT} every {@code period} on a background thread. */
  public synchronized void startWatching(Duration period) {
    if (watcher != null) {
      return;
    }
    watcher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mart-watcher");
      t.setDaemon(true);
      return t;
    });
    watcher.scheduleWithFixedDelay(() -> {
      try {
        reload(false);
      } catch (Throwable t) { // a scheduled task that throws is never run again
        LOG.error("mart watcher step failed", t);
      }
    }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (watcher != null) {
      watcher.shutdownNow();
      watcher = null;
    }
  }
}
