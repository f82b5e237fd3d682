package org.tiptrends.jobs.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The files of one source folder ({@code DIR/unodc}, {@code DIR/worldbank}, ...). */
public final class SourceFolder {
  private SourceFolder() {}

  /**
   * Regular files with one of the extensions, in name order, skipping hidden files and office lock
   * files ({@code ~$...}); none when the folder is absent.
   */
  public static List<Path> list(Path dir, String... extensions) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).filter(p -> {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && !n.startsWith("~$") && Arrays.stream(extensions).anyMatch(n::endsWith);
      }).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  public static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
