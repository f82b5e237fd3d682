package org.tiptrends.jobs.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tiptrends.jobs.io.Location;

/**
 * One run at a time per marts root: {@code <marts>/.lock}.
 *
 * <ul>
 *   <li>Local marts: an OS file lock. The operating system frees it when the process ends, however
 *       it ends (a SIGKILL included), so it never goes stale.
 *   <li>Other file systems (HDFS, object stores) have no such lock: the lock is a file created only
 *       if absent, holding the run id, host, pid and start time. A heartbeat rewrites it every fifth
 *       of the stale time while the run lives; a lock not refreshed for the stale time (a killed
 *       run) is taken over by the next run; the run deletes it at the end. Creation is atomic on
 *       HDFS; on S3A only with conditional writes (see the README).
 * </ul>
 */
public abstract class MartsLock implements AutoCloseable {
  public static final String FILE = ".lock";
  /** How long a lock file may go without a heartbeat before another run takes it over. */
  public static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String runId = UUID.randomUUID().toString().replace("-", "");

  /** The id of the run holding this lock (also its build directory's and version's suffix). */
  public String runId() {
    return runId;
  }

  /** Throws when the lock was lost (taken over by another run after its heartbeat stopped). */
  public abstract void verifyHeld();

  @Override
  public abstract void close();

  /**
   * Takes the marts root.
   *
   * @throws MartStore.ConcurrentRunException at once when another run holds it
   */
  public static MartsLock acquire(Location root, Duration staleAfter) {
    root.mkdirs();
    return root.isLocal() ? OsLock.take(root) : FileLockOnFs.take(root, staleAfter);
  }

  // ---------------------------------------------------------------------------------------------

  private static final class OsLock extends MartsLock {
    private final FileChannel channel;
    private final FileLock lock;

    private OsLock(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    static MartsLock take(Location root) {
      java.nio.file.Path file = root.toLocalPath().resolve(FILE);
      try {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
          lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null;
        }
        if (lock == null) {
          ch.close();
          throw new MartStore.ConcurrentRunException("another run is publishing to " + root + " (it holds " + FILE + ")");
        }
        return new OsLock(ch, lock);
      } catch (IOException e) {
        throw new Location.LocationException("cannot lock " + root + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void verifyHeld() {
      if (!lock.isValid()) {
        throw new MartStore.ConcurrentRunException("the OS lock on " + FILE + " is no longer held: not publishing");
      }
    }

    @Override
    public void close() {
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        // the OS frees it when the process ends anyway
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static final class FileLockOnFs extends MartsLock {
    private final Location file;
    private final Duration staleAfter;
    private final Map<String, Object> holder = new LinkedHashMap<>();
    private final ScheduledExecutorService heartbeat;
    private volatile String lost;

    private FileLockOnFs(Location file, Duration staleAfter) {
      this.file = file;
      this.staleAfter = staleAfter;
      holder.put("run_id", runId());
      holder.put("host", host());
      holder.put("pid", ProcessHandle.current().pid());
      holder.put("started_at", Instant.now().toString());
      heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "marts-lock-heartbeat");
        t.setDaemon(true); // never keeps a finished run alive
        return t;
      });
    }

    static MartsLock take(Location root, Duration staleAfter) {
      Location file = root.resolve(FILE);
      FileLockOnFs lock = new FileLockOnFs(file, staleAfter);
      for (int attempt = 0; ; attempt++) {
        if (lock.tryCreate()) {
          lock.startHeartbeat();
          return lock;
        }
        String content = readQuietly(file);
        long age = System.currentTimeMillis() - modificationTimeOr(file, System.currentTimeMillis());
        if (attempt == 0 && age > staleAfter.toMillis() && content != null && content.equals(readQuietly(file))) {
          // the holder stopped refreshing it (killed): take it over, once
          System.err.println("tiptrends: warning: taking over a stale lock on " + root + " (no heartbeat for "
              + age / 1000 + " s, stale after " + staleAfter.toSeconds() + " s): " + describe(content));
          file.deleteRecursively();
          continue;
        }
        throw new MartStore.ConcurrentRunException("another run is publishing to " + root + " (it holds " + FILE + ": "
            + describe(content) + "; last heartbeat " + age / 1000 + " s ago, stale after "
            + staleAfter.toSeconds() + " s)");
      }
    }

    private boolean tryCreate() {
      holder.put("heartbeat_at", Instant.now().toString());
      try (OutputStream out = file.createExclusive()) {
        out.write(json(holder));
        return true;
      } catch (IOException e) {
        // an existing lock: FileAlreadyExistsException, or a conditional PUT refused at close
        if (file.isFile()) {
          return false;
        }
        throw new Location.LocationException(file + ": cannot create the lock: " + e.getMessage(), e);
      }
    }

    private void startHeartbeat() {
      long every = Math.max(100, staleAfter.toMillis() / 5);
      heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    private void beat() {
      try {
        String content = readQuietly(file);
        if (content == null || !runId().equals(field(content, "run_id"))) {
          lost = content == null ? "the lock file disappeared" : "the lock now belongs to " + describe(content);
          heartbeat.shutdown();
          return;
        }
        holder.put("heartbeat_at", Instant.now().toString());
        file.overwrite(json(holder)); // one atomic PUT on an object store; a new mtime everywhere
      } catch (RuntimeException e) {
        // a transient failure: the next beat tries again, well within the stale time
        System.err.println("tiptrends: warning: lock heartbeat on " + file + " failed: " + e.getMessage());
      }
    }

    @Override
    public void verifyHeld() {
      if (lost != null) {
        throw new MartStore.ConcurrentRunException("lost the lock on " + file + " (" + lost + "): not publishing");
      }
    }

    @Override
    public void close() {
      heartbeat.shutdown(); // no interrupt: a beat in the middle of its write finishes it first
      try {
        heartbeat.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      String content = readQuietly(file);
      if (content != null && runId().equals(field(content, "run_id"))) {
        file.deleteRecursively();
      }
    }

    private static byte[] json(Map<String, Object> m) {
      try {
        return (JSON.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    private static String readQuietly(Location file) {
      try {
        return file.readString();
      } catch (RuntimeException e) {
        return null;
      }
    }

    private static long modificationTimeOr(Location file, long otherwise) {
      try {
        return file.modificationTime();
      } catch (RuntimeException e) {
        return otherwise;
      }
    }

    private static String field(String content, String name) {
      try {
        JsonNode n = JSON.readTree(content).get(name);
        return n == null ? null : n.asText();
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    private static String describe(String content) {
      if (content == null || content.isBlank()) {
        return "holder unknown";
      }
      return "run " + field(content, "run_id") + " on " + field(content, "host") + " pid " + field(content, "pid")
          + " since " + field(content, "started_at");
    }

    private static String host() {
      try {
        return java.net.InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        return "unknown-host";
      }
    }
  }
}
