package org.tiptrends.api.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Mart folders handled as the job handles them, for tests and benchmarks (no Spark needed). */
public final class MartDirs {
  private MartDirs() {}

  /** Points CURRENT at {@code version} the way the job does: write a temporary file, rename it. */
  public static void publish(Path root, String version) throws IOException {
    Path tmp = root.resolve("CURRENT.tmp-" + version);
    Files.writeString(tmp, version + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, root.resolve("CURRENT"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
