package org.tiptrends.jobs.sources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.tiptrends.jobs.io.Location;

/**
 * The mark {@code tip-trends generate} writes into every file it makes, and how a run recognises
 * it, so that a chart drawn from generated data never passes for official statistics.
 *
 * <p>Each generated file states {@link #STATEMENT} in every data row (GLOTIP's {@code Source}
 * column, the WDI's {@code Indicator Name}, ILOSTAT's {@code Source}/{@code source}, UCDP's
 * {@code version}) and, where the layout has a preamble or a title block, there too. A file is
 * generated when the statement appears in its first {@value #SCANNED_BYTES} bytes (of the shared
 * strings and sheets of a workbook): cutting the preamble, re-saving or sampling rows keeps the
 * mark, and no publisher's export contains the words "tip-trends generate".
 */
public final class GeneratedSample {
  /** What every generated file says of itself. */
  public static final String STATEMENT = "tip-trends generate: generated sample data, not official statistics";
  /** Who published a generated file, as run reports and charts name it. */
  public static final String PUBLISHER = "tip-trends generate (generated sample data, not official statistics)";
  static final int SCANNED_BYTES = 1 << 18;
  private static final List<byte[]> PATTERNS = List.of(STATEMENT.getBytes(StandardCharsets.UTF_8),
      STATEMENT.getBytes(StandardCharsets.UTF_16LE), STATEMENT.getBytes(StandardCharsets.UTF_16BE));

  private GeneratedSample() {}

  /** Whether {@code file} carries the mark; a file that cannot be read is not (its reader says why). */
  public static boolean isMarked(Location file) {
    try {
      if (file.name().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
        return file.withLocalFile(GeneratedSample::workbookMarked);
      }
      try (InputStream in = file.open()) {
        return contains(in.readNBytes(SCANNED_BYTES));
      }
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean workbookMarked(java.nio.file.Path xlsx) throws IOException {
    try (ZipFile zip = new ZipFile(xlsx.toFile())) {
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        String n = entry.getName();
        if (n.equals("xl/sharedStrings.xml") || (n.startsWith("xl/worksheets/") && n.endsWith(".xml"))) {
          try (InputStream in = zip.getInputStream(entry)) {
            if (contains(in.readNBytes(SCANNED_BYTES))) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  static boolean contains(byte[] text) {
    for (byte[] p : PATTERNS) {
      outer:
      for (int i = 0; i + p.length <= text.length; i++) {
        for (int j = 0; j < p.length; j++) {
          if (text[i + j] != p[j]) {
            continue outer;
          }
        }
        return true;
      }
    }
    return false;
  }
}
