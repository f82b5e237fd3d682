package org.tiptrends.jobs.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.jobs.TestSupport;
import org.tiptrends.jobs.io.Location;

/**
 * Every file {@code generate} writes is recognised as generated sample data, also after the ways
 * users reshape files (preamble cut, re-saved as UTF-16); the real exports never are.
 */
class GeneratedSampleTest {

  @Test
  void everyFileGenerateWritesIsMarkedAndRecordedAsGenerated(@TempDir Path dir) throws Exception {
    TestSupport.smallInput(dir);
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    assertEquals(List.of("ilo", "ilo", "ucdp", "unodc", "unodc", "worldbank", "worldbank"),
        files.stream().map(f -> dir.relativize(f).getName(0).toString()).toList(), "every source");
    for (Path f : files) {
      assertTrue(GeneratedSample.isMarked(Location.local(f)), f + " carries the mark");
      SourceFile record = SourceFile.of("x", Location.local(f), "csv", 1, "UNODC", "30/05/2023");
      assertTrue(record.generated(), f.toString());
      assertEquals(GeneratedSample.PUBLISHER, record.publisher(), "a generated file has no official publisher");
      assertEquals(null, record.exportDate(), "nor an export date");
    }
  }

  @Test
  void theMarkSurvivesACutPreambleAndAnotherEncoding(@TempDir Path dir) throws Exception {
    TestSupport.smallInput(dir);
    Path csv;
    try (Stream<Path> s = Files.list(dir.resolve("unodc"))) {
      csv = s.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
    }
    List<String> lines = Files.readAllLines(csv);
    Path cut = dir.resolve("cut.csv");
    Files.write(cut, lines.subList(2, 40)); // header and rows only, as a user might save it
    assertTrue(GeneratedSample.isMarked(Location.local(cut)));
    Path utf16 = dir.resolve("utf16.csv");
    Files.writeString(utf16, String.join("\n", lines.subList(2, 40)), StandardCharsets.UTF_16LE);
    assertTrue(GeneratedSample.isMarked(Location.local(utf16)));
    Path unmarked = dir.resolve("unmarked.csv");
    Files.write(unmarked, lines.subList(2, 40).stream().map(l -> l.replace(GeneratedSample.STATEMENT, "GLOTIP")).toList());
    assertFalse(GeneratedSample.isMarked(Location.local(unmarked)), "only the statement marks a file");
    assertFalse(GeneratedSample.isMarked(Location.local(dir.resolve("missing.csv"))), "an unreadable file is not");
  }

  @Test
  void theRealExportsAreNotMarked() throws Exception {
    try (Stream<Path> s = Files.walk(org.tiptrends.jobs.Prerequisites.realData())) {
      for (Path f : s.filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".xlsx")).toList()) {
        assertFalse(GeneratedSample.isMarked(Location.local(f)), f.toString());
      }
    }
  }
}
