package org.tiptrends.jobs.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.jobs.io.Location;

/** The marts store on a local path (the contract, and what only a local root has). */
class MartStoreTest extends MartStoreContract {
  @TempDir
  Path tmp;

  @Override
  Location root() {
    Location root = Location.local(tmp.resolve("marts-" + System.nanoTime()));
    root.mkdirs();
    return root;
  }

  @Test
  void versionNamesSortByTime() {
    String a = MartStore.versionName(Instant.parse("2026-01-02T03:04:05Z"), "ffffff00");
    String b = MartStore.versionName(Instant.parse("2026-01-02T03:04:06Z"), "00000000");
    assertEquals("v20260102T030405Z-ffffff", a);
    assertTrue(a.compareTo(b) < 0);
  }

  @Test
  void aFileUriIsTheSameLocalRoot() throws Exception {
    Path dir = tmp.resolve("by-uri");
    MartStore store = new MartStore(Location.of(dir.toUri().toString(), new org.apache.hadoop.conf.Configuration()));
    assertTrue(store.root().isLocal());
    String v = publishOne(store, Instant.parse("2026-01-01T00:00:00Z"), "abcdef12");
    assertEquals(v + "\n", Files.readString(dir.resolve("CURRENT")));
  }
}
