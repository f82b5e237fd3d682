package org.tiptrends.jobs.sources;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.tiptrends.jobs.io.Location;

/**
 * What one source folder ({@code DIR/unodc}, {@code DIR/worldbank}, ...) holds for its reader.
 *
 * <p>The one policy for what a reader does not read: a file of another format (a PDF, a text note,
 * an {@code .xls}) or a folder the source does not read is <b>skipped with a warning</b> (in
 * {@code run.json} and on stderr), and the rest is published. A nightly job must not fail forever
 * because someone kept a note or an extra table beside the exports, and a skipped file adds no
 * number. A file in a format the source does read ({@code .csv}, {@code .xlsx}) is data: if it cannot
 * be read it stops the run, since dropping it would silently lose its rows. Hidden files and office
 * lock files ({@code ~$...}) are not anyone's data and are passed over without a word.
 */
public final class SourceFolder {
  /** The name of the metadata file that makes a folder a Frictionless Data Package. */
  public static final String DATA_PACKAGE = "datapackage.json";

  private SourceFolder() {}

  /** A file or folder left out, and why (run.json {@code skipped_inputs}). */
  public record Skipped(String path, String reason) {}

  /**
   * @param files the data files, in name order
   * @param packages data package folders (each holding a {@value #DATA_PACKAGE}), in name order
   */
  public record Listing(Location dir, List<Location> files, List<Location> packages, List<Skipped> skipped) {
    /** No file or package the source reads: the folder is absent, empty or holds only skipped things. */
    public boolean isEmpty() {
      return files.isEmpty() && packages.isEmpty();
    }
  }

  /**
   * Lists a source folder.
   *
   * @param source the source's name in messages ({@code GLOTIP}, {@code World Bank}, ...)
   * @param extensions the formats its reader reads ({@code .xlsx}, {@code .csv})
   * @param ignored files of those formats that belong to a download but are not data (WDI metadata)
   * @param readsPackages whether folders with a {@value #DATA_PACKAGE} (and the folder itself) are read
   */
  public static Listing list(Location dir, String source, List<String> extensions, Predicate<String> ignored,
      boolean readsPackages) {
    List<Location> files = new ArrayList<>();
    List<Location> packages = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    boolean folderIsPackage = readsPackages && dir.resolve(DATA_PACKAGE).isFile();
    if (folderIsPackage) {
      packages.add(dir); // a package unpacked straight into the source folder: its sub-folders are its own
    }
    for (Location f : dir.listFiles()) {
      String n = f.name().toLowerCase(Locale.ROOT);
      if (n.startsWith(".") || n.startsWith("~$") || ignored.test(f.name())
          || (folderIsPackage && n.equals(DATA_PACKAGE))) {
        continue;
      }
      if (extensions.stream().anyMatch(n::endsWith)) {
        files.add(f);
      } else {
        skipped.add(new Skipped(f.toString(), "not a format the " + source + " reader reads ("
            + String.join(", ", extensions) + ")"));
      }
    }
    for (Location d : dir.listDirectories()) {
      if (d.name().startsWith(".") || folderIsPackage) {
        continue;
      }
      if (readsPackages && d.resolve(DATA_PACKAGE).isFile()) {
        packages.add(d);
      } else {
        skipped.add(new Skipped(d.toString(), readsPackages
            ? "a folder without a " + DATA_PACKAGE + " (the " + source + " reader reads files here and data package folders)"
            : "a folder (the " + source + " reader reads the files directly in " + dir.name() + "/)"));
      }
    }
    return new Listing(dir, List.copyOf(files), List.copyOf(packages), List.copyOf(skipped));
  }
}
