package org.tiptrends.jobs.sources;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import org.tiptrends.jobs.io.Location;

/**
 * What a file really is, judged from its first bytes, so a reader can say "a CSV named .xlsx" or
 * "UTF-16 text" instead of passing on a parser's stack-trace message. Reads at most 8 KiB.
 */
public final class FileSniffer {
  static final int HEAD = 8192;
  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

  private FileSniffer() {}

  /** The first bytes of a file (fewer when it is shorter). */
  public static byte[] head(Location file) {
    try {
      return file.readNBytes(HEAD);
    } catch (java.io.UncheckedIOException e) {
      return new byte[0];
    }
  }

  public static boolean isZip(byte[] head) {
    return startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP);
  }

  /** An OLE2 compound file: a legacy .xls, or an encrypted (password-protected) xlsx. */
  public static boolean isOle2(byte[] head) {
    return startsWith(head, OLE2);
  }

  /**
   * Why a file that should be a UTF-8 (or ASCII) text CSV is not one, or {@code null} when its
   * first bytes look like such text.
   */
  public static String notText(Location file) {
    byte[] h = head(file);
    if (h.length == 0) {
      return "empty file, 0 bytes";
    }
    if (isZip(h)) {
      return "a zip archive (an .xlsx workbook?), not CSV text";
    }
    if (isOle2(h)) {
      return "an Excel 97-2003 or password-protected workbook, not CSV text";
    }
    if (startsWith(h, new byte[] {(byte) 0xFF, (byte) 0xFE}) || startsWith(h, new byte[] {(byte) 0xFE, (byte) 0xFF})
        || looksLikeUtf16(h)) {
      return "UTF-16 text: save it as CSV UTF-8";
    }
    int control = 0;
    for (byte b : h) {
      if (b == 0) {
        return "binary content, not text";
      }
      if ((b & 0xFF) < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
        control++;
      }
    }
    return control > h.length / 100 ? "binary content, not text" : null;
  }

  /**
   * Why a file named {@code .xlsx} is not a workbook, from its first bytes, or {@code null} when it
   * starts like one (a zip archive). An OLE2 file holding an encrypted package is a workbook saved
   * with Excel's "Encrypt with Password".
   */
  public static String notXlsx(Location file) {
    byte[] h = head(file);
    if (h.length == 0) {
      return "empty file, 0 bytes";
    }
    if (isZip(h)) {
      return null;
    }
    if (isOle2(h)) {
      return isEncryptedOffice(file)
          ? "password-protected: the workbook is encrypted; save it again without a password"
          : "an Excel 97-2003 (.xls) workbook named .xlsx; save it as .xlsx";
    }
    String text = notText(file);
    if (text == null) {
      return "text, not a workbook: a CSV file named .xlsx? name it .csv";
    }
    return text.startsWith("UTF-16") ? "UTF-16 text, not a workbook" : "not a zip archive: " + text;
  }

  private static boolean isEncryptedOffice(Location file) {
    try {
      return file.withLocalFile(f -> {
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs =
            new org.apache.poi.poifs.filesystem.POIFSFileSystem(f.toFile(), true)) {
          return fs.getRoot().hasEntry("EncryptionInfo");
        }
      });
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * A parser's failure as a short phrase: a decoding error becomes "not UTF-8 text", any other its
   * message on one line without the file's path (the caller names the file).
   */
  public static String describe(Throwable e, Location file) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CharacterCodingException) {
        return "not UTF-8 text, maybe Latin-1 or Windows-1252: save it as CSV UTF-8";
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    Throwable shown = e.getMessage() == null ? root : e;
    String m = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
    m = m.replace("'" + file + "'", "the file").replace(file.uri(), "the file").replace(file.toString(), "the file")
        .replaceAll("\\s+", " ").strip();
    return m.length() > 160 ? m.substring(0, 157) + "..." : m;
  }

  private static boolean looksLikeUtf16(byte[] h) {
    int n = Math.min(h.length, 512) & ~1;
    if (n < 8) {
      return false;
    }
    int evenZeros = 0;
    int oddZeros = 0;
    for (int i = 0; i < n; i += 2) {
      evenZeros += h[i] == 0 ? 1 : 0;
      oddZeros += h[i + 1] == 0 ? 1 : 0;
    }
    int pairs = n / 2;
    return evenZeros > pairs * 0.4 || oddZeros > pairs * 0.4;
  }

  private static boolean startsWith(byte[] h, byte[] prefix) {
    return h.length >= prefix.length && Arrays.equals(h, 0, prefix.length, prefix, 0, prefix.length);
  }
}
