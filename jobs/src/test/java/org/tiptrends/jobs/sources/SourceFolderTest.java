package org.tiptrends.jobs.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.jobs.io.Location;

class SourceFolderTest {
  @Test
  void dataFilesAreListedOtherFilesAndFoldersSkippedWithTheirReason(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("worldbank"));
    for (String f : List.of("API_x.csv", "b.CSV", "README.pdf", ".DS_Store", "~$API_x.csv", "Metadata_Country_x.csv")) {
      Files.writeString(dir.resolve(f), "x");
    }
    Files.createDirectories(dir.resolve("population/data"));
    Files.writeString(dir.resolve("population/datapackage.json"), "{}");
    Files.createDirectories(dir.resolve("old"));
    Files.createDirectories(dir.resolve(".git"));
    SourceFolder.Listing l = SourceFolder.list(Location.local(dir), "World Bank", List.of(".csv"),
        n -> n.startsWith("Metadata_"), true);
    assertEquals(List.of("API_x.csv", "b.CSV"), l.files().stream().map(Location::name).toList());
    assertEquals(List.of("population"), l.packages().stream().map(Location::name).toList());
    assertEquals(List.of(
        new SourceFolder.Skipped(dir.resolve("README.pdf").toString(), "not a format the World Bank reader reads (.csv)"),
        new SourceFolder.Skipped(dir.resolve("old").toString(), "a folder without a datapackage.json (the World Bank "
            + "reader reads files here and data package folders)")), l.skipped());
  }

  @Test
  void aSourceThatReadsNoPackagesSkipsEveryFolder(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("ucdp/2021"));
    SourceFolder.Listing l = SourceFolder.list(Location.local(dir.getParent()), "UCDP/PRIO", List.of(".csv"),
        n -> false, false);
    assertTrue(l.isEmpty());
    assertEquals("a folder (the UCDP/PRIO reader reads the files directly in ucdp/)", l.skipped().get(0).reason());
    assertTrue(SourceFolder.list(Location.local(tmp.resolve("absent")), "x", List.of(".csv"), n -> false, false).isEmpty());
  }
}
