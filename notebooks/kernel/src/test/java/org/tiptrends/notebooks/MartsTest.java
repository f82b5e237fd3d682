package org.tiptrends.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.notebooks.display.Markdown;
import tech.tablesaw.api.Table;

/** Marts.open and its tables, on marts small enough to know every number. */
class MartsTest {
  @TempDir
  Path root;

  @Test
  void opensTheVersionCurrentNames() throws Exception {
    TinyMarts.write(root, "v1", false);
    TinyMarts.write(root, "v2", true);
    Marts marts = Marts.open(root.toString());
    assertEquals("v2", marts.version());
    assertEquals("run-v2", marts.runId());
    assertEquals("mart v2 · run run-v2", marts.provenance());
  }

  @Test
  void aRootWithoutCurrentSaysHowToPublish() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Marts.open(root.toString()));
    assertTrue(e.getMessage().contains("no CURRENT") && e.getMessage().contains("tiptrends-jobs.jar run"), e.getMessage());
  }

  @Test
  void aTrendIsTheApisTableWithBoundsCoverageAndSource() throws Exception {
    TinyMarts.write(root, "v1", true);
    Table t = Marts.open(root.toString()).trend("WLD", "sex");
    assertEquals(List.of("geo", "by", "key", "year", "value", "low", "high", "reporting_countries",
        "suppressed_only_countries", "balanced", "source"), t.columnNames());
    assertTrue(t.name().startsWith("Detected victims, World, by sex, 2019–2020") && t.name().endsWith("mart v1 · run run-v1"),
        t.name());
    Table male2019 = t.where(t.stringColumn("key").isEqualTo("male").and(t.intColumn("year").isEqualTo(2019)));
    assertEquals(1, male2019.rowCount());
    assertEquals(2.0, male2019.doubleColumn("value").get(0));
    assertEquals(0.0, male2019.doubleColumn("low").get(0));
    assertEquals(4.0, male2019.doubleColumn("high").get(0));
    assertEquals(1, male2019.intColumn("reporting_countries").get(0));
    assertEquals(1, male2019.intColumn("suppressed_only_countries").get(0), "France's 2019 male cell is <5");
    assertEquals("UNODC, Global Report on Trafficking in Persons (GLOTIP) data (export of 2023-05-30)",
        male2019.stringColumn("source").get(0));
  }

  @Test
  void theBalancedPanelSumsOnlyCountriesThatReportedEveryYear() throws Exception {
    TinyMarts.write(root, "v1", true);
    Marts marts = Marts.open(root.toString());
    assertEquals(List.of("France"), marts.trendAnswer("WLD", "none", 2019, 2020, true).countries().stream()
        .map(g -> g.name()).toList());
    Table balanced = marts.trend("WLD", "none", 2019, 2020, true);
    assertEquals(List.of(10.0, 20.0), balanced.doubleColumn("value").asList(), "Germany (2020 only) is left out");
    Table all = marts.trend("WLD", "none", 2019, 2020, false);
    assertEquals(List.of(10.0, 120.0), all.doubleColumn("value").asList());
  }

  @Test
  void sourcesChecksAndSummarySayWhereTheNumbersCameFrom() throws Exception {
    TinyMarts.write(root, "v1", true);
    Marts marts = Marts.open(root.toString());
    Table sources = marts.sources();
    assertEquals("glotip.csv", sources.stringColumn("file").get(0));
    assertEquals("0123456789ab", sources.stringColumn("sha256").get(0));
    assertEquals("2023-05-30", sources.stringColumn("export_date").get(0));
    assertEquals("pass", marts.checks().stringColumn("status").get(0));
    String summary = ((Markdown) marts.display()).text();
    assertTrue(summary.contains("`v1`") && summary.contains("run-v1") && summary.contains("not prevalence"), summary);
    assertTrue(summary.contains("2019–2020 in 2 countries"), summary);
  }

  @Test
  void anUnknownPlaceSaysWhatPlacesAre() throws Exception {
    TinyMarts.write(root, "v1", true);
    Marts marts = Marts.open(root.toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> marts.trend("XYZ", "none"));
    assertTrue(e.getMessage().contains("ISO3"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> marts.trend("WLD", "colour"));
  }
}
