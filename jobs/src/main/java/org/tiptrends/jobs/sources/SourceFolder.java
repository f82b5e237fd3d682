package org.tiptrends.jobs.sources;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tiptrends.jobs.io.Location;

/** The files of one source folder ({@code DIR/unodc}, {@code DIR/worldbank}, ...). */
public final class SourceFolder {
  private SourceFolder() {}

  /**
   * Regular files with one of the extensions, in name order, skipping hidden files and office lock
   * files ({@code ~$...}); none when the folder is absent.
   */
  public static List<Location> list(Location dir, String... extensions) {
    return dir.listFiles().stream().filter(p -> {
      String n = p.name().toLowerCase(Locale.ROOT);
      return !n.startsWith(".") && !n.startsWith("~$") && Arrays.stream(extensions).anyMatch(n::endsWith);
    }).toList();
  }
}
