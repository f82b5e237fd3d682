package org.tiptrends.jobs.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.jobs.TestSupport;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.io.MiniHdfs;
import org.tiptrends.jobs.publish.MartStore;

/**
 * The packaged job on a real HDFS (in-process MiniDFSCluster): a run SIGKILLed while writing a mart
 * leaves CURRENT on the previous version and its lock file behind; a second run meanwhile exits 3
 * naming the holder; once the lock is stale the next run takes it over, sweeps the killed run's
 * build and publishes.
 */
class HdfsFaultToleranceIT {
  static final String STALE = "3";

  static String run(String input, String marts, Path tmp, int expectedExit, String... more) throws Exception {
    Path out = tmp.resolve("run-" + System.nanoTime() + ".txt");
    Process p = FaultToleranceIT.start(input, marts, null, out, more);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    String text = Files.readString(out);
    assertEquals(expectedExit, p.exitValue(), text);
    return text;
  }

  @Test
  void aKilledRunOnHdfsLeavesCurrentAndItsLockIsTakenOverWhenStale(@TempDir Path tmp) throws Exception {
    String input = MiniHdfs.upload(TestSupport.smallInput(tmp.resolve("input")), "input").uri();
    Location root = MiniHdfs.newDirectory("marts");
    MartStore marts = new MartStore(root);
    run(input, root.uri(), tmp, 0, "--lock-stale-seconds", STALE);
    String live = marts.current().orElseThrow();

    FaultToleranceIT.killAt(FaultToleranceIT.start(input, root.uri(), "writing:flows", null,
        "--lock-stale-seconds", STALE), "writing:flows");
    assertEquals(live, root.resolve("CURRENT").readString().strip(), "CURRENT after the kill");
    assertEquals(List.of(live), marts.versions(), "no partial version is visible");
    assertTrue(root.resolve(MartStore.LOCK).isFile(), "the killed run's lock file is left");
    assertEquals(1, root.listDirectories().stream().filter(d -> d.name().startsWith(".building-")).count());

    // at once: the lock is fresh, so a second run refuses (exit 3) before starting Spark
    String refused = run(input, root.uri(), tmp, 3);
    assertTrue(refused.contains("another run is publishing to " + root.uri()), refused);

    while (System.currentTimeMillis() - root.resolve(MartStore.LOCK).modificationTime()
        < Long.parseLong(STALE) * 1000 + 500) {
      Thread.sleep(200);
    }
    String next = run(input, root.uri(), tmp, 0, "--lock-stale-seconds", STALE);
    assertTrue(next.contains("taking over a stale lock on " + root.uri()), next);
    String now = marts.current().orElseThrow();
    assertTrue(now.compareTo(live) > 0, "a newer version is live");
    assertEquals(List.of(live, now), marts.versions());
    List<String> left = root.listFiles().stream().map(Location::name).toList();
    assertEquals(List.of(MartStore.CURRENT, MartStore.RUN_HISTORY), left, "no lock or temporary file is left");
    assertEquals(0, root.listDirectories().stream().filter(d -> d.name().startsWith(".building-")).count(),
        "the killed run's build was swept");
  }
}
