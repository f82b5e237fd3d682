package org.tiptrends.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tiptrends.api.http.Responses.CsvTable;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** The helpers notebook cells call, and the API's tables turned into Tablesaw tables. */
class NotebookTest {
  @Test
  void checkFailsTheCellNamingTheFact() {
    Notebook.check(true, "never shown");
    Notebook.CheckFailed e = assertThrows(Notebook.CheckFailed.class,
        () -> Notebook.check(false, "shares in [0, 1] (max %s)", 1.2));
    assertEquals("does not hold: shares in [0, 1] (max 1.2)", e.getMessage());
  }

  @Test
  void checkBoundsFindsARowOutOfOrder() {
    Table ok = Tables.of(new CsvTable("t", List.of("value", "low", "high"),
        List.of(List.of(2.0, 0.0, 4.0), Arrays.asList(null, null, null))), "ok");
    Notebook.checkBounds(ok, "value", "low", "high");
    Table bad = Tables.of(new CsvTable("t", List.of("value", "low", "high"),
        List.of(List.of(2.0, 0.0, 4.0), List.of(5.0, 0.0, 4.0))), "bad");
    Notebook.CheckFailed e = assertThrows(Notebook.CheckFailed.class, () -> Notebook.checkBounds(bad, "value", "low", "high"));
    assertTrue(e.getMessage().contains("row 1 of 'bad'"), e.getMessage());
  }

  @Test
  void displayGoesWhereTheKernelSaysAndMarkdownFormats() {
    List<Object> shown = new ArrayList<>();
    Notebook.displayWith(shown::add);
    try {
      Notebook.display(Notebook.md("n = %d, r = %.2f", 12, 0.456));
      assertEquals("n = 12, r = 0.46", ((org.tiptrends.notebooks.display.Markdown) shown.get(0)).text());
    } finally {
      Notebook.displayWith(System.out::println);
    }
  }

  @Test
  void apiTablesKeepTheirTypesAndMissingValues() {
    CsvTable csv = new CsvTable("x", List.of("iso3", "year", "share", "victims", "in_conflict", "empty"),
        List.of(Arrays.asList("FRA", 2020, 0.25, "", true, null), Arrays.asList("DEU", 2021, 1, 12.5, false, null)));
    Table t = Tables.of(csv, "caption");
    assertEquals("caption", t.name());
    assertEquals(List.of(ColumnType.STRING, ColumnType.INTEGER, ColumnType.DOUBLE, ColumnType.DOUBLE,
        ColumnType.BOOLEAN, ColumnType.STRING), t.columnTypes().length == 6 ? Arrays.asList(t.columnTypes()) : null);
    assertTrue(t.doubleColumn("victims").isMissing(0), "an empty cell is missing, not zero");
    assertEquals(1.0, t.doubleColumn("share").get(1));
    assertNull(t.column("empty").isMissing(0) ? null : "present");
  }
}
