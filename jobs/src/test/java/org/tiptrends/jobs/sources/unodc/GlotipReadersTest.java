package org.tiptrends.jobs.sources.unodc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.jobs.Prerequisites;
import org.tiptrends.jobs.TestSupport;
import org.tiptrends.jobs.sources.InputException;

class GlotipReadersTest {
  @TempDir
  Path tmp;

  static final String DATA_1 = "ESP,Spain,Europe,Southern Europe,Detected trafficking victims,Total,Total,Total,Total,2018,Counts,\"1,282\",GLOTIP";
  static final String DATA_2 = "ESP,Spain,Europe,Southern Europe,Detected trafficking victims,by citizenship,\"Côte d'Ivoire\",Total,Total,2018,Counts,<5,GLOTIP";
  static final String HEADER = String.join(",", GlotipLayoutTest.HEADER);

  @Test
  void csvWithPreambleAndBomKeepsOnlyDataRowsWithTheirValuesAsText() throws Exception {
    Path f = tmp.resolve("a.csv");
    Files.writeString(f, "\uFEFFUNODC,unodc_ddds@un.org\n30/05/2023\n" + HEADER + "\n" + DATA_1 + "\n" + DATA_2 + "\n",
        StandardCharsets.UTF_8);
    GlotipCsvReader.Result r = new GlotipCsvReader(TestSupport.spark()).read(org.tiptrends.jobs.io.Location.local(f));
    List<Row> rows = r.rows().orderBy("category").collectAsList();
    assertEquals(2, rows.size());
    assertEquals("30/05/2023", r.header().exportDate());
    assertEquals("Côte d'Ivoire", rows.get(0).getAs("category"));
    assertEquals("<5", rows.get(0).getAs("txt_value"));
    assertEquals("1,282", rows.get(1).getAs("txt_value"));
    assertEquals(f.toString(), rows.get(1).getAs("source_file"));
  }

  @Test
  void doubledQuotesBlankLinesAndWindows1252ReadAsExcelWroteThem() throws Exception {
    // RFC 4180 quotes (a formula's text in the preamble), a line of empty cells, Windows-1252 with its
    // own characters (’, –) beside Latin-1's (ô)
    String text = "UNODC,\"HYPERLINK(\"\"mailto:unodc_ddds@un.org\"\", \"\"unodc_ddds@un.org\"\")\"\r\n30/05/2023\r\n"
        + HEADER + "\r\n" + DATA_1 + "\r\n,,,,,,,,,,,,\r\n"
        + DATA_2.replace("Côte d'Ivoire", "Côte d’Ivoire – nationals") + "\r\n";
    Path f = tmp.resolve("w.csv");
    Files.write(f, text.getBytes(org.tiptrends.jobs.sources.TextEncoding.WINDOWS_1252));
    GlotipCsvReader.Result r = new GlotipCsvReader(TestSupport.spark()).read(org.tiptrends.jobs.io.Location.local(f));
    assertEquals("windows-1252", r.encoding().label());
    List<Row> rows = r.rows().orderBy("category").collectAsList();
    assertEquals(2, rows.size(), "the preamble, the header and the blank line are no data: " + rows);
    assertEquals("Côte d’Ivoire – nationals", rows.get(0).getAs("category"));
    assertEquals("30/05/2023", r.header().exportDate());
  }

  /** The real export saved as CSV in Windows-1252, and in Latin-1, reads as the same text saved in UTF-8. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"windows-1252", "ISO-8859-1"})
  void theRealExportSavedInASingleByteEncodingReadsAsInUtf8(String charset) throws Exception {
    Path real = Prerequisites.realDataFile("unodc/data_glotip.xlsx");
    if (realCells == null) {
      realCells = org.tiptrends.jobs.RealExports.glotipCells(real);
    }
    java.nio.charset.Charset cs = java.nio.charset.Charset.forName(charset);
    // characters the encoding lacks (U+FFFD of the export's own broken encodings; ’ in Latin-1) are '?' in both
    List<List<String>> cells = org.tiptrends.jobs.RealExports.representable(realCells, cs);
    Path utf8 = tmp.resolve("utf8.csv");
    Path single = tmp.resolve("single-byte.csv");
    org.tiptrends.jobs.RealExports.writeCsv(utf8, cells, StandardCharsets.UTF_8, "\r\n", false);
    org.tiptrends.jobs.RealExports.writeCsv(single, cells, cs, "\r\n", false);
    var reader = new GlotipCsvReader(TestSupport.spark());
    List<String> a = sorted(reader.read(org.tiptrends.jobs.io.Location.local(utf8)).rows().drop("source_file"));
    GlotipCsvReader.Result r = reader.read(org.tiptrends.jobs.io.Location.local(single));
    assertEquals("windows-1252", r.encoding().label(), "Latin-1 is read as its superset");
    List<String> b = sorted(r.rows().drop("source_file"));
    assertEquals(46_556, b.size(), "every row of the export");
    assertEquals(a, b, "nothing read differently");
    assertEquals(charset.equals("windows-1252"), b.stream().anyMatch(x -> x.contains("Côte d’Ivoire")),
        "the typographic apostrophe, 0x92 in Windows-1252, which Latin-1 lacks");
  }

  static List<List<String>> realCells;

  static List<String> sorted(org.apache.spark.sql.Dataset<Row> rows) {
    return rows.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  @Test
  void csvWithoutPreambleAndWithReorderedExtraColumns() throws Exception {
    Path f = tmp.resolve("b.csv");
    Files.writeString(f, "Note," + HEADER + "\nhello," + DATA_1 + "\n", StandardCharsets.UTF_8);
    List<Row> rows = new GlotipCsvReader(TestSupport.spark()).read(org.tiptrends.jobs.io.Location.local(f)).rows().collectAsList();
    assertEquals(1, rows.size());
    assertEquals("ESP", rows.get(0).getAs("iso3_code"));
    assertEquals("2018", rows.get(0).getAs("year"));
  }

  @Test
  void headerOnlyCsvHasNoRows() throws Exception {
    Path f = tmp.resolve("c.csv");
    Files.writeString(f, HEADER + "\n", StandardCharsets.UTF_8);
    assertEquals(0, new GlotipCsvReader(TestSupport.spark()).read(org.tiptrends.jobs.io.Location.local(f)).rows().count());
  }

  @Test
  void xlsxAsPublishedWithTwoPreambleRows() throws Exception {
    Path f = tmp.resolve("a.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(f)) {
      XSSFSheet s = wb.createSheet();
      s.createRow(0).createCell(0).setCellValue("UNODC");
      s.createRow(1).createCell(0).setCellValue("30/05/2023");
      var h = s.createRow(2);
      for (int i = 0; i < GlotipLayoutTest.HEADER.size(); i++) {
        h.createCell(i).setCellValue(GlotipLayoutTest.HEADER.get(i));
      }
      var d = s.createRow(3);
      String[] v = {"ESP", "Spain", "Europe", "Southern Europe", "Detected trafficking victims", "Total",
          "Total", "Total", "Total", null, "Counts", "1,282", "GLOTIP"};
      for (int i = 0; i < v.length; i++) {
        if (v[i] != null) {
          d.createCell(i).setCellValue(v[i]);
        }
      }
      d.createCell(9).setCellValue(2018); // years are numbers in the real workbook
      wb.write(os);
    }
    GlotipXlsxReader.Result r = new GlotipXlsxReader().read(org.tiptrends.jobs.io.Location.local(f));
    assertEquals(1, r.rows().size());
    Row row = r.rows().get(0);
    assertEquals("2018", row.get(9));
    assertEquals("1,282", row.get(11));
    assertEquals(4L, row.get(14), "source_row is the spreadsheet's 1-based row number");
  }

  @Test
  void aCorruptOrTruncatedWorkbookIsAOneLineErrorNamingTheFile() throws Exception {
    Path f = tmp.resolve("broken.xlsx");
    Files.write(f, new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 3});
    InputException e = assertThrows(InputException.class, () -> new GlotipXlsxReader().read(org.tiptrends.jobs.io.Location.local(f)));
    assertTrue(e.getMessage().startsWith(f + ": not a readable xlsx workbook"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"));
  }

  @Test
  void theRealExportReadsEveryRowWithItsPreamble() {
    Path xlsx = Prerequisites.realDataFile("unodc/data_glotip.xlsx");
    GlotipXlsxReader.Result r = new GlotipXlsxReader().read(org.tiptrends.jobs.io.Location.local(xlsx));
    assertEquals(46_556, r.rows().size(), "the README of realdata states 46,556 rows");
    assertEquals("30/05/2023", r.header().exportDate());
    assertEquals("UNODC", r.header().publisher());
    assertThrows(InputException.class, () -> new GlotipXlsxReader().read(org.tiptrends.jobs.io.Location.local(tmp.resolve("missing.xlsx"))));
  }
}
