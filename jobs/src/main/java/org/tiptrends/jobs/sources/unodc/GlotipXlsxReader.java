package org.tiptrends.jobs.sources.unodc;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.sources.FileSniffer;
import org.tiptrends.jobs.sources.InputException;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of a GLOTIP {@code .xlsx} exactly as UNODC publishes it (preamble rows,
 * then the header), streaming with POI's event API so memory stays flat whatever the size.
 */
public final class GlotipXlsxReader {

  /** The rows of one workbook in {@link GlotipLayout#RAW_SCHEMA}, with its header. */
  public record Result(List<Row> rows, GlotipLayout.Header header) {}

  private final boolean saxOnly;

  public GlotipXlsxReader() {
    this(false);
  }

  /** @param saxOnly read every sheet with the SAX parser, never the scanner (to compare the two) */
  GlotipXlsxReader(boolean saxOnly) {
    this.saxOnly = saxOnly;
  }

  public Result read(Location file) {
    String name = file.toString();
    if (!file.isFile()) {
      throw new InputException(name, "not a file");
    }
    String notXlsx = FileSniffer.notXlsx(file);
    if (notXlsx != null) {
      throw new InputException(name, "not a readable xlsx workbook (" + notXlsx + ")");
    }
    RowCollector collector;
    try {
      collector = file.withLocalFile(local -> parse(local, name, saxOnly));
    } catch (InputException e) {
      throw e;
    } catch (Exception | LinkageError e) {
      throw new InputException(name, "not a readable xlsx workbook (" + damaged(file, e) + ")", e);
    }
    collector.finish();
    return new Result(collector.rows, collector.header);
  }

  /**
   * Scans the first sheet with {@link SheetScanner}; a sheet written in XML the scanner does not
   * handle is read again, from its start, with the SAX parser and the same handler.
   */
  private static RowCollector parse(java.nio.file.Path local, String name, boolean saxOnly) throws Exception {
    try (OPCPackage pkg = OPCPackage.open(local.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      if (!reader.getSheetsData().hasNext()) {
        throw new InputException(name, "workbook has no sheet");
      }
      if (!saxOnly) {
        RowCollector collector = new RowCollector(name);
        try (InputStream sheet = reader.getSheetsData().next()) {
          new SheetScanner(sheet, new GlotipSheetHandler(reader.getStylesTable(), strings, collector)).scan();
          return collector;
        } catch (SheetScanner.Unsupported e) {
          // read below with the XML parser
        }
      }
      RowCollector collector = new RowCollector(name);
      try (InputStream sheet = reader.getSheetsData().next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new GlotipSheetHandler(reader.getStylesTable(), strings, collector));
        parser.parse(new InputSource(new java.io.BufferedInputStream(sheet, 1 << 16)));
      }
      return collector;
    }
  }

  /** A zip that POI cannot open: cut short (an interrupted download) or otherwise damaged. */
  private static String damaged(Location file, Throwable e) {
    String why = FileSniffer.describe(e, file);
    if (why.startsWith("Failed to read the file input stream") || why.contains("zip")
        || why.contains("Zip") || why.contains("END header") || why.contains("EOF")) {
      return "a damaged or truncated zip archive of " + file.size()
          + " bytes: download it again";
    }
    return why;
  }

  /** Buffers the first rows until the header is found, then converts each row as it streams by. */
  private static final class RowCollector implements GlotipSheetHandler.Rows {
    private static final int WIDTH = GlotipLayout.RAW_SCHEMA.size();
    private final String file;
    private final List<List<String>> head = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private GlotipLayout.Header header;
    /** Per raw column (in {@link GlotipLayout#COLUMNS} order), the sheet column it is read from, or -1. */
    private int[] sheetColumn;
    private List<String> current;
    /** The current data row's cells up to the last column the header names. */
    private String[] cells = new String[0];
    private boolean blank;
    private int nextColumn;

    RowCollector(String file) {
      this.file = file;
    }

    @Override
    public void startRow(int rowNum) {
      nextColumn = 0;
      if (header == null) {
        current = new ArrayList<>();
      } else {
        java.util.Arrays.fill(cells, null);
        blank = true;
      }
    }

    @Override
    public void cell(int col, String value) {
      if (col < 0) {
        col = nextColumn;
      }
      nextColumn = col + 1;
      if (header == null) {
        while (current.size() < col) {
          current.add(null);
        }
        current.add(value);
        return;
      }
      if (value != null && !value.isBlank()) {
        blank = false;
      }
      if (col < cells.length) {
        cells[col] = value;
      }
    }

    @Override
    public void endRow(int rowNum) {
      if (header == null) {
        head.add(current);
        if (looksLikeHeader(current) || head.size() >= GlotipLayout.MAX_PREAMBLE_ROWS) {
          header = GlotipLayout.locateHeader(file, head);
          mapColumns();
        }
        return;
      }
      if (blank) {
        return; // a blank spreadsheet row holds no data
      }
      Object[] values = new Object[WIDTH];
      for (int i = 0; i < sheetColumn.length; i++) {
        values[i] = sheetColumn[i] < 0 ? null : cells[sheetColumn[i]];
      }
      values[WIDTH - 2] = file;
      values[WIDTH - 1] = (long) rowNum + 1;
      rows.add(RowFactory.create(values));
    }

    private void mapColumns() {
      sheetColumn = new int[GlotipLayout.COLUMNS.size()];
      int max = -1;
      int i = 0;
      for (String column : GlotipLayout.COLUMNS.keySet()) {
        Integer pos = header.positions().get(column);
        sheetColumn[i++] = pos == null ? -1 : pos;
        max = Math.max(max, pos == null ? -1 : pos);
      }
      cells = new String[max + 1];
    }

    void finish() {
      if (header == null) {
        header = GlotipLayout.locateHeader(file, head);
      }
    }

    private static boolean looksLikeHeader(List<String> row) {
      return row.stream().anyMatch(v -> v != null
          && (v.strip().equalsIgnoreCase("Iso3_code") || v.strip().equalsIgnoreCase("txtVALUE")));
    }
  }
}
