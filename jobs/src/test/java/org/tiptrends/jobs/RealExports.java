package org.tiptrends.jobs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Real exports converted as users' tools convert them, for tests (into temporary folders only: the
 * files of {@code ../shared/realdata} and what is made from them are never committed).
 */
public final class RealExports {
  private RealExports() {}

  /** The real GLOTIP workbook (preamble, header, rows) as text cells, as Excel saves them to CSV. */
  public static List<List<String>> glotipCells(Path xlsx) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    DataFormatter fmt = new DataFormatter(java.util.Locale.ROOT);
    try (XSSFWorkbook wb = new XSSFWorkbook(OPCPackage.open(xlsx.toFile(), PackageAccess.READ))) {
      for (org.apache.poi.ss.usermodel.Row r : wb.getSheetAt(0)) {
        List<String> line = new ArrayList<>();
        for (int i = 0; i < r.getLastCellNum(); i++) {
          Cell c = r.getCell(i);
          // a formula (the preamble's e-mail HYPERLINK) as Excel saves it to CSV: its value
          line.add(c == null ? "" : c.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA
              ? c.getStringCellValue() : fmt.formatCellValue(c));
        }
        rows.add(line);
      }
    }
    return rows;
  }

  /** The cells with every character {@code charset} cannot encode as '?', as a tool saving in it writes them. */
  public static List<List<String>> representable(List<List<String>> rows, Charset charset) {
    CharsetEncoder encoder = charset.newEncoder();
    List<List<String>> out = new ArrayList<>();
    for (List<String> r : rows) {
      out.add(r.stream().map(v -> v.codePoints().mapToObj(cp -> encoder.canEncode(Character.toString(cp))
          ? Character.toString(cp) : "?").reduce("", String::concat)).toList());
    }
    return out;
  }

  /** Writes rows as RFC 4180 CSV; {@code quoteAll} as the World Bank does; unencodable characters as '?'. */
  public static void writeCsv(Path file, List<List<String>> rows, Charset charset, String lineEnd, boolean quoteAll)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    for (List<String> r : rows) {
      sb.append(String.join(",", r.stream().map(v -> quoteAll || v.contains(",") || v.contains("\"") || v.contains("\n")
          ? "\"" + v.replace("\"", "\"\"") + "\"" : v).toList())).append(lineEnd);
    }
    CharsetEncoder enc = charset.newEncoder().onUnmappableCharacter(CodingErrorAction.REPLACE)
        .replaceWith(new byte[] {'?'});
    ByteBuffer bytes = enc.encode(CharBuffer.wrap(sb));
    byte[] out = new byte[bytes.remaining()];
    bytes.get(out);
    Files.createDirectories(file.getParent());
    Files.write(file, out);
  }

}
