package org.tiptrends.jobs.sources.unodc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.jobs.Prerequisites;
import org.tiptrends.jobs.TestSupport;
import org.tiptrends.jobs.io.Location;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The workbook reader's scanner and its SAX path give, row for row and cell for cell, what the
 * reader before them gave: POI's {@code XSSFSheetXMLHandler} with a {@code DataFormatter(ROOT)}
 * (re-implemented here, independently of the reader's code, as {@link #reference}).
 */
class GlotipXlsxReaderEquivalenceTest {
  @TempDir
  Path tmp;

  @Test
  void theRealExportReadsExactlyAsWithPoisSheetHandler() throws Exception {
    assertSameAsReference(Prerequisites.realDataFile("unodc/data_glotip.xlsx"), 46_556);
  }

  @Test
  void theBundledSampleReadsExactlyAsWithPoisSheetHandler() throws Exception {
    Path sample = TestSupport.bundledSample().resolve("unodc/glotip_sample_2003_2011.xlsx");
    assertSameAsReference(sample, -1);
  }

  /** Numbers under formats, booleans, formulas, inline strings with entities and line ends, gaps. */
  @Test
  void cellsOfEveryKindReadAsWithPoisSheetHandler() throws Exception {
    Path f = unusualWorkbook(tmp.resolve("kinds.xlsx"));
    assertSameAsReference(f, 6);
  }

  /** XML the scanner does not handle (a namespace prefix) is read by the XML parser instead. */
  @Test
  void aSheetWithNamespacePrefixesReadsAsWithPoisSheetHandler() throws Exception {
    Path prefixed = rewriteSheet(unusualWorkbook(tmp.resolve("plain.xlsx")), tmp.resolve("prefixed.xlsx"), xml -> xml
        .replace("<worksheet xmlns=", "<x:worksheet xmlns:x=").replace("</worksheet>", "</x:worksheet>")
        .replaceAll("<(/?)(sheetData|row|c|v|is|t|f|dimension|sheetViews|sheetView|sheetFormatPr|pageMargins)([ >/])",
            "<$1x:$2$3"));
    assertSameAsReference(prefixed, 6);
  }

  /** Inline strings (as tools other than Excel write them), plain and in rich-text runs, with entities. */
  @Test
  void inlineStringsReadAsWithPoisSheetHandler() throws Exception {
    Path inline = rewriteSheet(unusualWorkbook(tmp.resolve("plain.xlsx")), tmp.resolve("inline.xlsx"), xml -> xml
        .replaceFirst("<c r=\"B4\"[^>]*><v>\\d+</v></c>",
            "<c r=\"B4\" t=\"inlineStr\"><is><t>In &amp; line&#13;&#x263A; \u00f4</t></is></c>")
        .replaceFirst("<c r=\"D5\"[^>]*><v>\\d+</v></c>",
            "<c r=\"D5\" t=\"inlineStr\"><is><r><t>Eu</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">rope </t></r></is></c>"));
    assertSameAsReference(inline, 6);
  }

  private static Path rewriteSheet(Path from, Path to, java.util.function.UnaryOperator<String> rewrite) throws Exception {
    try (ZipFile zip = new ZipFile(from.toFile()); OutputStream os = Files.newOutputStream(to);
        ZipOutputStream out = new ZipOutputStream(os)) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        byte[] bytes;
        try (InputStream in = zip.getInputStream(e)) {
          bytes = in.readAllBytes();
        }
        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
          String xml = new String(bytes, StandardCharsets.UTF_8);
          String changed = rewrite.apply(xml);
          assertEquals(false, changed.equals(xml), "the rewrite changed the sheet: " + xml);
          bytes = changed.getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
    return to;
  }

  private static Path unusualWorkbook(Path f) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(f)) {
      XSSFSheet s = wb.createSheet();
      s.createRow(0).createCell(0).setCellValue("UNODC");
      s.createRow(1).createCell(0).setCellValue("30/05/2023");
      var h = s.createRow(2);
      for (int i = 0; i < GlotipLayoutTest.HEADER.size(); i++) {
        h.createCell(i).setCellValue(GlotipLayoutTest.HEADER.get(i));
      }
      XSSFCellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
      XSSFCellStyle percent = wb.createCellStyle();
      percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
      XSSFCellStyle thousands = wb.createCellStyle();
      thousands.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
      Object[][] data = {
          {"ESP", "Spain & <Andorra>", "Europe", "Southern\r\nEurope", "Detected trafficking victims", "Total",
              "Total", "Total", "Total", 2018.0, "Counts", 1282.0, "GLOTIP"},
          {"FRA", "France", null, "Western Europe", "Detected trafficking victims", "by citizenship",
              "Côte d’Ivoire", "Female", "Adult", 2019.5, "Counts", "<5", true},
          {"DEU", "Germany", "Europe", "Western Europe", "Detected trafficking victims", "Total", "Total",
              "Male", "Child", 2020.0, "Counts", 0.1 + 0.2, false},
          {"ITA", "Italy", "Europe", "Southern Europe", "x", "Total", "Total", "Total", "Total", 2021.0,
              "Counts", 12345678.0, "GLOTIP"},
      };
      int r = 3;
      for (Object[] values : data) {
        var row = s.createRow(r++);
        for (int i = 0; i < values.length; i++) {
          Object v = values[i];
          if (v instanceof String t) {
            row.createCell(i).setCellValue(t);
          } else if (v instanceof Double d) {
            row.createCell(i).setCellValue(d);
          } else if (v instanceof Boolean b) {
            row.createCell(i).setCellValue(b);
          }
        }
      }
      var styled = s.createRow(r++);
      for (int i = 0; i < 13; i++) {
        styled.createCell(i).setCellValue(45000.25 + i);
      }
      styled.getCell(9).setCellStyle(date);
      styled.getCell(10).setCellStyle(percent);
      styled.getCell(11).setCellStyle(thousands);
      styled.createCell(12).setCellFormula("\"GLO\"&\"TIP\"");
      r++; // a blank row
      var formulas = s.createRow(r);
      formulas.createCell(0).setCellValue("NLD");
      formulas.createCell(9).setCellFormula("2000+22");
      formulas.createCell(11).setCellFormula("1/0");
      org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
      wb.write(os);
    }
    return f;
  }

  private static void assertSameAsReference(Path xlsx, int expectedRows) throws Exception {
    List<List<Object>> expected = reference(xlsx);
    if (expectedRows >= 0) {
      assertEquals(expectedRows, expected.size(), "rows in the reference reading");
    }
    for (boolean saxOnly : new boolean[] {false, true}) {
      GlotipXlsxReader.Result r = new GlotipXlsxReader(saxOnly).read(Location.local(xlsx));
      List<List<Object>> actual = new ArrayList<>();
      for (Row row : r.rows()) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < row.length(); i++) {
          values.add(row.get(i));
        }
        actual.add(values);
      }
      assertEquals(expected.size(), actual.size(), (saxOnly ? "SAX: " : "scanner: ") + "rows");
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i), actual.get(i), (saxOnly ? "SAX: " : "scanner: ") + "row " + i);
      }
    }
  }

  /** The rows as POI's own sheet handler gives them, mapped to the raw columns as the reader does. */
  private static List<List<Object>> reference(Path xlsx) throws Exception {
    List<List<String>> sheet = new ArrayList<>();
    List<Integer> rowNumbers = new ArrayList<>();
    try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      try (InputStream in = reader.getSheetsData().next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
            new XSSFSheetXMLHandler.SheetContentsHandler() {
              List<String> current;

              @Override
              public void startRow(int rowNum) {
                current = new ArrayList<>();
              }

              @Override
              public void endRow(int rowNum) {
                sheet.add(current);
                rowNumbers.add(rowNum + 1);
              }

              @Override
              public void cell(String ref, String value, XSSFComment comment) {
                int col = new CellReference(ref).getCol();
                while (current.size() < col) {
                  current.add(null);
                }
                current.add(value);
              }
            }, new DataFormatter(Locale.ROOT), false));
        parser.parse(new InputSource(in));
      }
    }
    int headerRow = -1;
    for (int i = 0; i < sheet.size() && headerRow < 0; i++) {
      if (sheet.get(i).contains("Iso3_code")) {
        headerRow = i;
      }
    }
    List<String> header = sheet.get(headerRow);
    List<List<Object>> rows = new ArrayList<>();
    for (int i = headerRow + 1; i < sheet.size(); i++) {
      List<String> cells = sheet.get(i);
      if (cells.stream().allMatch(v -> v == null || v.isBlank())) {
        continue;
      }
      List<Object> values = new ArrayList<>();
      for (String name : GlotipLayout.COLUMNS.values()) {
        int pos = header.indexOf(name);
        values.add(pos >= 0 && pos < cells.size() ? cells.get(pos) : null);
      }
      values.add(xlsx.toString());
      values.add((long) rowNumbers.get(i));
      rows.add(values);
    }
    return rows;
  }
}
