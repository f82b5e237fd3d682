package org.tiptrends.jobs.sources.unodc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tiptrends.jobs.sources.InputException;

class GlotipLayoutTest {
  static final List<String> HEADER = List.of("Iso3_code", "Country", "Region", "Subregion", "Indicator",
      "Dimension", "Category", "Sex", "Age", "Year", "Unit of measurement", "txtVALUE", "Source");

  @Test
  void findsTheHeaderBelowTheOfficialTwoRowPreamble() {
    GlotipLayout.Header h = GlotipLayout.locateHeader("f.xlsx",
        List.of(List.of("UNODC", "unodc_ddds@un.org"), List.of("30/05/2023"), HEADER));
    assertEquals(2, h.rowIndex());
    assertEquals(0, h.positions().get("iso3_code"));
    assertEquals(11, h.positions().get("txt_value"));
    assertEquals("UNODC", h.publisher());
    assertEquals("30/05/2023", h.exportDate());
  }

  @Test
  void acceptsAHeaderOnTheFirstRowInAnyOrderWithExtraColumnsAndABom() {
    List<String> shuffled = new ArrayList<>(HEADER);
    java.util.Collections.reverse(shuffled);
    shuffled.add(3, "Comment");
    shuffled.set(0, "\uFEFF" + shuffled.get(0));
    GlotipLayout.Header h = GlotipLayout.locateHeader("f.csv", List.of(shuffled));
    assertEquals(0, h.rowIndex());
    assertEquals(shuffled.indexOf("txtVALUE"), h.positions().get("txt_value"));
    assertEquals(shuffled.indexOf("Iso3_code"), h.positions().get("iso3_code"));
    assertNull(h.exportDate());
  }

  @Test
  void namesTheFileAndEveryMissingColumn() {
    List<String> renamed = new ArrayList<>(HEADER);
    renamed.set(renamed.indexOf("txtVALUE"), "Value");
    renamed.remove("Sex");
    InputException e = assertThrows(InputException.class,
        () -> GlotipLayout.locateHeader("exports/bad.csv", List.of(renamed)));
    assertTrue(e.getMessage().startsWith("exports/bad.csv: missing required column(s)"), e.getMessage());
    assertTrue(e.getMessage().contains("Sex") && e.getMessage().contains("txtVALUE"), e.getMessage());
  }

  @Test
  void rejectsAFileWithoutHeaderOrWithoutRows() {
    assertTrue(assertThrows(InputException.class, () -> GlotipLayout.locateHeader("x.csv",
        List.of(Arrays.asList("a", "b"), Arrays.asList("1", "2")))).getMessage().contains("no GLOTIP header"));
    assertEquals("x.csv: empty file",
        assertThrows(InputException.class, () -> GlotipLayout.locateHeader("x.csv", List.of())).getMessage());
  }
}
