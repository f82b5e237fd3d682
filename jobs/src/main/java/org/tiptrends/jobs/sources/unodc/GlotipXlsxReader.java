package org.tiptrends.jobs.sources.unodc;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
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

  public Result read(Location file) {
    String name = file.toString();
    if (!file.isFile()) {
      throw new InputException(name, "not a file");
    }
    String notXlsx = FileSniffer.notXlsx(file);
    if (notXlsx != null) {
      throw new InputException(name, "not a readable xlsx workbook (" + notXlsx + ")");
    }
    RowCollector collector = new RowCollector(name);
    try {
      file.withLocalFile(local -> {
        parse(local, name, collector);
        return null;
      });
    } catch (InputException e) {
      throw e;
    } catch (Exception | LinkageError e) {
      throw new InputException(name, "not a readable xlsx workbook (" + damaged(file, e) + ")", e);
    }
    collector.finish();
    return new Result(collector.rows, collector.header);
  }

  private static void parse(java.nio.file.Path local, String name, RowCollector collector) throws Exception {
    try (OPCPackage pkg = OPCPackage.open(local.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new InputException(name, "workbook has no sheet");
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
            collector, new DataFormatter(java.util.Locale.ROOT), false));
        parser.parse(new InputSource(sheet));
      }
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
  private static final class RowCollector implements SheetContentsHandler {
    private final String file;
    private final List<List<String>> head = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private GlotipLayout.Header header;
    private List<String> current;
    private int nextColumn;

    RowCollector(String file) {
      this.file = file;
    }

    @Override
    public void startRow(int rowNum) {
      current = new ArrayList<>();
      nextColumn = 0;
    }

    @Override
    public void cell(String ref, String value, XSSFComment comment) {
      int col = ref == null ? nextColumn : new CellReference(ref).getCol();
      while (current.size() < col) {
        current.add(null);
      }
      current.add(value);
      nextColumn = col + 1;
    }

    @Override
    public void endRow(int rowNum) {
      if (header == null) {
        head.add(current);
        if (looksLikeHeader(current) || head.size() >= GlotipLayout.MAX_PREAMBLE_ROWS) {
          header = GlotipLayout.locateHeader(file, head);
        }
        return;
      }
      if (current.stream().allMatch(v -> v == null || v.isBlank())) {
        return; // a blank spreadsheet row holds no data
      }
      Object[] values = new Object[GlotipLayout.RAW_SCHEMA.size()];
      int i = 0;
      for (String column : GlotipLayout.COLUMNS.keySet()) {
        Integer pos = header.positions().get(column);
        values[i++] = pos != null && pos < current.size() ? current.get(pos) : null;
      }
      values[i++] = file;
      values[i] = (long) rowNum + 1;
      rows.add(RowFactory.create(values));
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
