package org.tiptrends.jobs.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A private copy of the packaged jar, its {@code lib/} linked beside it, for tests that run the
 * scripts in {@code jobs/bin}: a rebuild during the test cannot touch it.
 */
final class PrivateJar {
  static final Path BUILT = Path.of("target/tiptrends-jobs.jar").toAbsolutePath();

  private PrivateJar() {}

  /** Copies the jar to {@code dir/app/} and links {@code lib/} beside it; the copy's path. */
  static Path copyInto(Path dir) throws IOException {
    Path app = Files.createDirectories(dir.resolve("app"));
    Path jar = Files.copy(BUILT, app.resolve("tiptrends-jobs.jar"), StandardCopyOption.REPLACE_EXISTING);
    Files.createSymbolicLink(app.resolve("lib"), BUILT.resolveSibling("lib"));
    return jar;
  }

  /** Removes the link: a temporary directory's clean-up must never walk into the real target/lib. */
  static void unlink(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve("app/lib"));
  }
}
