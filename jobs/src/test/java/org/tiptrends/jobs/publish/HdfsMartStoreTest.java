package org.tiptrends.jobs.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.io.MiniHdfs;

/**
 * The marts store on a real HDFS (in-process MiniDFSCluster): the same contract as on a local
 * path, and the lock file that stands in for the OS lock there.
 */
class HdfsMartStoreTest extends MartStoreContract {
  @Override
  Location root() {
    return MiniHdfs.newDirectory("marts");
  }

  @Test
  void theLockFileNamesItsHolderAndGoesAwayWithTheRun() throws Exception {
    Location root = root();
    MartStore store = new MartStore(root);
    Location lockFile = root.resolve(MartStore.LOCK);
    try (MartsLock lock = store.lock()) {
      JsonNode holder = new ObjectMapper().readTree(lockFile.readString());
      assertEquals(lock.runId(), holder.get("run_id").asText());
      assertEquals(ProcessHandle.current().pid(), holder.get("pid").asLong());
      assertFalse(holder.get("host").asText().isBlank());
      Instant.parse(holder.get("started_at").asText());
      MartStore.ConcurrentRunException e = assertThrows(MartStore.ConcurrentRunException.class,
          () -> new MartStore(root).lock());
      assertTrue(e.getMessage().contains("run " + lock.runId() + " on "), e.getMessage());
      assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
    }
    assertFalse(lockFile.exists(), "the run deletes its lock at the end");
  }

  @Test
  void aLiveRunsHeartbeatKeepsItsLockPastTheStaleTime() throws Exception {
    Location root = root();
    Duration stale = Duration.ofMillis(1500);
    try (MartsLock lock = new MartStore(root, stale).lock()) {
      Thread.sleep(3 * stale.toMillis());
      assertThrows(MartStore.ConcurrentRunException.class, () -> new MartStore(root, stale).lock());
      lock.verifyHeld();
    }
  }

  @Test
  void aKilledRunsLockIsTakenOverOnceStale() throws Exception {
    Location root = root();
    // what a SIGKILLed run leaves: its lock file, no heartbeat any more
    MartStoreContract.write(root.resolve(MartStore.LOCK),
        "{\"run_id\":\"deadbeefdeadbeefdeadbeefdeadbeef\",\"host\":\"gone\",\"pid\":1,\"started_at\":\"2026-01-01T00:00:00Z\"}\n");
    MartStore.ConcurrentRunException e = assertThrows(MartStore.ConcurrentRunException.class,
        () -> new MartStore(root, Duration.ofMinutes(10)).lock());
    assertTrue(e.getMessage().contains("run deadbeefdeadbeefdeadbeefdeadbeef on gone pid 1"), e.getMessage());
    assertTrue(e.getMessage().contains("stale after 600 s"), e.getMessage());

    Thread.sleep(1200);
    try (MartsLock lock = new MartStore(root, Duration.ofSeconds(1)).lock()) {
      assertTrue(root.resolve(MartStore.LOCK).readString().contains(lock.runId()));
    }
  }

  @Test
  void aRunWhoseLockWasTakenOverDoesNotPublish() throws Exception {
    Location root = root();
    MartStore store = new MartStore(root, Duration.ofMillis(1000));
    try (MartsLock lock = store.lock()) {
      Location build = store.newBuildDirectory(lock.runId());
      MartStoreContract.write(build.resolve("run.json"), "{}");
      // another run took the lock over (this one stalled past the stale time)
      takeOver(root.resolve(MartStore.LOCK), ("{\"run_id\":\"" + "e".repeat(32) + "\"}\n").getBytes());
      Thread.sleep(600); // a heartbeat sees it
      MartStore.ConcurrentRunException e = assertThrows(MartStore.ConcurrentRunException.class,
          () -> store.publish(build, MartStore.versionName(Instant.now(), lock.runId())));
      assertTrue(e.getMessage().contains("lost the lock"), e.getMessage());
    }
    assertEquals(java.util.Optional.empty(), store.current());
    assertTrue(root.resolve(MartStore.LOCK).readString().contains("e".repeat(32)), "the other run's lock stays");
  }

  /**
   * Writes the other run's lock. This run's heartbeat rewrites the same file every fifth of the
   * stale time, and HDFS refuses a second writer while the first holds the file's lease ("File does
   * not exist ... pending creates"): the other run would simply try again, and so does this.
   */
  private static void takeOver(Location lock, byte[] content) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        lock.overwrite(content);
        return;
      } catch (Location.LocationException leaseHeld) {
        if (attempt == 20) {
          throw leaseHeld;
        }
        Thread.sleep(25);
      }
    }
  }
}
