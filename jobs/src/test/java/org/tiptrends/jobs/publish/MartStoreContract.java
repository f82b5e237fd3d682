package org.tiptrends.jobs.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tiptrends.jobs.io.Location;

/**
 * What the marts store guarantees on every file system: run by {@link MartStoreTest} on a local
 * path and by {@link HdfsMartStoreTest} on a real HDFS.
 */
abstract class MartStoreContract {
  /** A fresh, empty marts root. */
  abstract Location root();

  static String publishOne(MartStore store, Instant at, String runId) throws Exception {
    Location build = store.newBuildDirectory(runId);
    write(build.resolve("run.json"), "{}");
    String version = MartStore.versionName(at, runId);
    store.publish(build, version);
    return version;
  }

  static void write(Location file, String text) throws Exception {
    try (OutputStream out = file.create()) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  static List<String> names(Location dir) {
    List<String> out = new ArrayList<>();
    dir.listFiles().forEach(f -> out.add(f.name()));
    dir.listDirectories().forEach(f -> out.add(f.name() + "/"));
    return out;
  }

  @Test
  void publishMovesTheBuildAndPointsCurrentAtIt() throws Exception {
    Location root = root();
    MartStore store = new MartStore(root);
    assertEquals(Optional.empty(), store.current());
    String v = publishOne(store, Instant.parse("2026-01-01T00:00:00Z"), "abcdef12");
    assertEquals(Optional.of(v), store.current());
    assertTrue(root.resolve(v).resolve("run.json").isFile());
    assertEquals(v + "\n", root.resolve("CURRENT").readString());
    assertEquals(List.of("CURRENT", v + "/"), names(root), "nothing but the version and CURRENT is left");
  }

  @Test
  void currentMovesToEachNewVersionAndTheFiveNewestAreKept() throws Exception {
    MartStore store = new MartStore(root());
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      published.add(publishOne(store, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), "abcdef0" + i));
      assertEquals(Optional.of(published.get(i)), store.current());
    }
    assertEquals(published.subList(2, 7), store.versions());
  }

  @Test
  void abandonedBuildsAreSweptAndNeverTouchTheLiveVersion() throws Exception {
    MartStore store = new MartStore(root());
    String live = publishOne(store, Instant.parse("2026-01-01T00:00:00Z"), "abcdef12");
    Location abandoned = store.newBuildDirectory("deadbeef");
    abandoned.resolve("flows").mkdirs();
    write(abandoned.resolve("flows").resolve("part-0.parquet"), "half written");
    assertEquals(List.of(abandoned), store.sweepAbandonedBuilds());
    assertFalse(abandoned.exists());
    assertEquals(Optional.of(live), store.current());
    assertEquals(List.of(live), store.versions());
  }

  /** What a kill during an object store's copy-based directory rename leaves: half of each. */
  @Test
  void aVersionWhoseRenameWasCutShortIsSweptWithItsBuild() throws Exception {
    MartStore store = new MartStore(root());
    String live = publishOne(store, Instant.parse("2026-01-01T00:00:00Z"), "abcdef12");
    Location build = store.newBuildDirectory("0123456789abcdef");
    write(build.resolve("run.json"), "{}");
    String half = MartStore.versionName(Instant.parse("2026-01-02T00:00:00Z"), "0123456789abcdef");
    store.root().resolve(half).resolve("flows").mkdirs();
    // a complete version that only missed the CURRENT swap has no build left: it stays
    String complete = publishOne(store, Instant.parse("2026-01-03T00:00:00Z"), "fedcba98");
    store.root().resolve("CURRENT").replace((live + "\n").getBytes(StandardCharsets.UTF_8), "test");

    assertEquals(2, store.sweepAbandonedBuilds().size());
    assertFalse(store.root().resolve(half).exists());
    assertFalse(build.exists());
    assertEquals(List.of(live, complete), store.versions());
    assertEquals(Optional.of(live), store.current());
  }

  @Test
  void theRunHistoryGainsOneLinePerRun() throws Exception {
    MartStore store = new MartStore(root());
    store.appendHistory("{\"run_id\":\"a\"}");
    store.appendHistory("{\"run_id\":\"b\"}");
    assertEquals("{\"run_id\":\"a\"}\n{\"run_id\":\"b\"}\n", store.root().resolve(MartStore.RUN_HISTORY).readString());
    assertEquals(List.of(MartStore.RUN_HISTORY), names(store.root()), "no temporary file is left");
  }

  @Test
  void oneRunAtATimeHoldsTheRoot() throws Exception {
    Location root = root();
    MartStore store = new MartStore(root);
    try (MartsLock first = store.lock()) {
      MartStore.ConcurrentRunException e = assertThrows(MartStore.ConcurrentRunException.class,
          () -> new MartStore(root).lock());
      assertTrue(e.getMessage().contains(root.toString()), e.getMessage());
      assertTrue(e.getMessage().contains("another run is publishing"), e.getMessage());
      assertEquals(32, first.runId().length());
    }
    try (MartsLock again = store.lock()) {
      assertTrue(root.resolve(MartStore.LOCK).isFile());
    }
  }
}
