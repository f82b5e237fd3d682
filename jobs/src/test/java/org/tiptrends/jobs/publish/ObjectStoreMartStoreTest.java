package org.tiptrends.jobs.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.io.ObjectStoreLikeFileSystem;

/**
 * The marts store where renames are copies and there is no atomic rename over a file
 * ({@link ObjectStoreLikeFileSystem}): the same contract as on a local path and on HDFS.
 */
class ObjectStoreMartStoreTest extends MartStoreContract {
  @TempDir
  Path tmp;

  @Override
  Location root() {
    Location root = Location.of(ObjectStoreLikeFileSystem.SCHEME + "://" + tmp.resolve("marts-" + System.nanoTime()),
        ObjectStoreLikeFileSystem.conf(true));
    root.mkdirs();
    return root;
  }

  @Test
  void itIsNotTakenForALocalPath() {
    Location root = root();
    assertFalse(root.isLocal());
    assertTrue(root.uri().startsWith("objstore:/"), root.uri());
  }

  @Test
  void missingCredentialsFailWithOneLineNamingTheLocation() {
    String spec = ObjectStoreLikeFileSystem.SCHEME + "://" + tmp.resolve("marts");
    Location.LocationException e = assertThrows(Location.LocationException.class,
        () -> Location.of(spec, ObjectStoreLikeFileSystem.conf(false)));
    assertTrue(e.getMessage().startsWith(spec + ": cannot set up its file system: AccessDeniedException"), e.getMessage());
    assertTrue(e.getMessage().contains("no credentials"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }
}
