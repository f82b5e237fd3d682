package org.tiptrends.jobs.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MartStoreTest {
  @TempDir
  Path root;

  private String publishOne(MartStore store, Instant at, String runId) throws Exception {
    Path build = store.newBuildDirectory(runId);
    Files.writeString(build.resolve("run.json"), "{}");
    String version = MartStore.versionName(at, runId);
    store.publish(build, version);
    return version;
  }

  @Test
  void versionNamesSortByTime() {
    String a = MartStore.versionName(Instant.parse("2026-01-02T03:04:05Z"), "ffffff00");
    String b = MartStore.versionName(Instant.parse("2026-01-02T03:04:06Z"), "00000000");
    assertEquals("v20260102T030405Z-ffffff", a);
    assertTrue(a.compareTo(b) < 0);
  }

  @Test
  void publishMovesTheBuildAndPointsCurrentAtIt() throws Exception {
    MartStore store = new MartStore(root);
    assertEquals(Optional.empty(), store.current());
    String v = publishOne(store, Instant.parse("2026-01-01T00:00:00Z"), "abcdef12");
    assertEquals(Optional.of(v), store.current());
    assertTrue(Files.isRegularFile(root.resolve(v).resolve("run.json")));
    assertEquals(v + "\n", Files.readString(root.resolve("CURRENT")));
    try (var s = Files.list(root)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".building-")
          || p.getFileName().toString().startsWith("CURRENT.tmp")));
    }
  }

  @Test
  void keepsTheFiveNewestVersions() throws Exception {
    MartStore store = new MartStore(root);
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      published.add(publishOne(store, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), "abcdef0" + i));
    }
    assertEquals(published.subList(2, 7), store.versions());
    assertEquals(Optional.of(published.get(6)), store.current());
  }

  @Test
  void abandonedBuildsAreSweptAndNeverTouchTheLiveVersion() throws Exception {
    MartStore store = new MartStore(root);
    String live = publishOne(store, Instant.parse("2026-01-01T00:00:00Z"), "abcdef12");
    Path abandoned = store.newBuildDirectory("deadbeef");
    Files.createDirectories(abandoned.resolve("flows"));
    Files.writeString(abandoned.resolve("flows/part-0.parquet"), "half written");
    assertEquals(List.of(abandoned), store.sweepAbandonedBuilds());
    assertFalse(Files.exists(abandoned));
    assertEquals(Optional.of(live), store.current());
    assertEquals(List.of(live), store.versions());
  }

  @Test
  void oneRunAtATimeHoldsTheRoot() throws Exception {
    MartStore store = new MartStore(root);
    try (AutoCloseable first = store.lock()) {
      MartStore.ConcurrentRunException e = org.junit.jupiter.api.Assertions.assertThrows(
          MartStore.ConcurrentRunException.class, () -> new MartStore(root).lock());
      assertTrue(e.getMessage().contains(root.toString()), e.getMessage());
    }
    try (AutoCloseable again = store.lock()) {
      assertTrue(Files.exists(root.resolve(MartStore.LOCK)));
    }
  }
}
