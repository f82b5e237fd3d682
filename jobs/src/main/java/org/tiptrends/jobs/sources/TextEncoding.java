package org.tiptrends.jobs.sources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tiptrends.jobs.io.Location;

/**
 * The one encoding policy of every text reader (GLOTIP, World Bank, ILOSTAT and UCDP CSVs), decided
 * from the whole file before it is parsed:
 *
 * <ul>
 *   <li>UTF-8, with or without a byte-order mark (ASCII included): read as is;
 *   <li>not UTF-8, but Windows-1252 text (which holds every printable Latin-1 character: what Excel
 *       writes for "CSV (comma delimited)" on a Western European Windows): decoded as Windows-1252,
 *       and the run says so ({@link Verdict#note()});
 *   <li>anything else is refused with one message: UTF-16, binary content, bytes Windows-1252 does
 *       not define, or a file that is mostly UTF-8 with some bytes that are not (two files pasted
 *       together: decoding it either way would garble one part).
 * </ul>
 *
 * Nothing is ever decoded into U+FFFD: readers decode strictly with the charset chosen here. The
 * real GLOTIP export holds a few strings that were already mis-decoded upstream ({@code TÃ¼rkiye});
 * saved as Windows-1252 their bytes happen to be valid UTF-8 pairs, which is why a file is judged by
 * which kind of byte sequence dominates, not by the first one found.
 */
public final class TextEncoding {
  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  /**
   * Where Latin-1 and Windows-1252 differ: bytes 0x80-0x9F, C1 controls in Latin-1 and printable
   * characters (€, ‚, …, ’, “, ”, –, —, ...) in Windows-1252; {@link #WINDOWS_1252_C1} holds the
   * latter, char for char. For a reader that takes Latin-1 only (Spark's CSV source): read as
   * Latin-1, then translate these.
   */
  public static final String LATIN1_C1;
  public static final String WINDOWS_1252_C1;

  static {
    StringBuilder latin1 = new StringBuilder();
    StringBuilder cp1252 = new StringBuilder();
    for (int b = 0x80; b <= 0x9F; b++) {
      String c = new String(new byte[] {(byte) b}, WINDOWS_1252);
      if (!c.equals("\uFFFD") && c.charAt(0) != b) { // the five bytes Windows-1252 leaves undefined are refused
        latin1.append((char) b);
        cp1252.append(c);
      }
    }
    LATIN1_C1 = latin1.toString();
    WINDOWS_1252_C1 = cp1252.toString();
  }
  /** The message every reader gives for a text it refuses (with the reason in brackets). */
  static final String SAVE_AS_UTF8 = "save it as CSV UTF-8";
  private static final int EXAMPLES = 3;

  private TextEncoding() {}

  /**
   * How a text file is encoded.
   *
   * @param note for a file read as Windows-1252: where the first byte that is not UTF-8 is, and a few
   *     words as decoded, for whoever reads run.json to check; null for UTF-8
   */
  public record Verdict(Charset charset, boolean bom, String note) {
    /** As run.json names it: {@code UTF-8}, {@code UTF-8 with BOM} or {@code windows-1252}. */
    public String label() {
      return charset.equals(StandardCharsets.UTF_8) ? (bom ? "UTF-8 with BOM" : "UTF-8") : charset.name();
    }

    /** The text, strictly decoded (a byte that does not decode is an error, never U+FFFD), without the BOM. */
    public BufferedReader reader(Location file) {
      InputStream in = file.open();
      try {
        if (bom) {
          in.skipNBytes(3);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new BufferedReader(new InputStreamReader(in, charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    }
  }

  /**
   * Judges a text file by all of its bytes.
   *
   * @param what the reader's name for the file in its message ({@code "CSV file"}, {@code "UCDP/PRIO CSV"})
   * @throws InputException {@code <file>: not a readable <what> (<why>)} when the file is refused
   */
  public static Verdict of(Location file, String what) {
    String name = file.toString();
    String notText = FileSniffer.notText(file);
    if (notText != null) {
      throw new InputException(name, "not a readable " + what + " (" + notText + ")");
    }
    Scan s;
    try (InputStream in = file.open()) {
      s = scan(in);
    } catch (IOException | UncheckedIOException e) {
      throw new InputException(name, "not a readable " + what + " (" + FileSniffer.describe(e, file) + ")", e);
    }
    if (s.invalid == 0) {
      return new Verdict(StandardCharsets.UTF_8, s.bom, null);
    }
    String where = String.format(Locale.ROOT, "line %d, byte 0x%02X", s.firstInvalidLine, s.firstInvalidByte);
    if (s.bom || s.multibyte > s.invalid) {
      throw new InputException(name, "not a readable " + what + " (mostly UTF-8, but with bytes that are not UTF-8"
          + " from " + where + ": two encodings in one file? " + SAVE_AS_UTF8 + ")");
    }
    if (s.undefined1252 > 0) {
      throw new InputException(name, "not a readable " + what + " (not UTF-8 and not Windows-1252 text: "
          + String.format(Locale.ROOT, "byte 0x%02X on line %d", s.firstUndefinedByte, s.firstUndefinedLine)
          + " is neither; " + SAVE_AS_UTF8 + ")");
    }
    return new Verdict(WINDOWS_1252, false, "not UTF-8 (first at " + where + "): read as Windows-1252, e.g. "
        + String.join(", ", examples(file, s.exampleLineStarts)));
  }

  /** What a pass over the bytes found. */
  private static final class Scan {
    boolean bom;
    long multibyte;
    long invalid;
    long undefined1252;
    long firstInvalidLine;
    int firstInvalidByte;
    long firstUndefinedLine;
    int firstUndefinedByte;
    final List<Long> exampleLineStarts = new ArrayList<>();
    private long lastExampleLine;

    void invalid(int b, long line, long lineStart) {
      if (invalid++ == 0) {
        firstInvalidLine = line;
        firstInvalidByte = b;
      }
      if (line != lastExampleLine && exampleLineStarts.size() < EXAMPLES) {
        exampleLineStarts.add(lineStart);
        lastExampleLine = line;
      }
    }
  }

  /** One pass: validates UTF-8 (RFC 3629: no overlong forms, no surrogates) and counts lines. */
  private static Scan scan(InputStream in) throws IOException {
    Scan s = new Scan();
    byte[] buf = new byte[1 << 16];
    long offset = 0;
    long line = 1;
    long lineStart = 0;
    int need = 0; // continuation bytes still expected after the lead byte
    int lead = 0;
    int lower = 0x80; // the range the next continuation byte must fall in
    int upper = 0xBF;
    for (int n; (n = in.read(buf)) > 0; ) {
      if (offset == 0) {
        s.bom = n >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF;
      }
      for (int i = 0; i < n; i++) {
        int b = buf[i] & 0xFF;
        if (b < 0x80 && need == 0) { // ASCII, the bulk of every export
          if (b == '\n') {
            line++;
            lineStart = offset + i + 1;
          }
          continue;
        }
        if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) {
          if (s.undefined1252++ == 0) { // Windows-1252 defines no character for these
            s.firstUndefinedLine = line;
            s.firstUndefinedByte = b;
          }
        }
        if (need > 0) {
          if (b >= lower && b <= upper) {
            lower = 0x80;
            upper = 0xBF;
            if (--need == 0) {
              s.multibyte++;
            }
            continue;
          }
          s.invalid(lead, line, lineStart); // a sequence cut short; this byte is read afresh
          need = 0;
          lower = 0x80;
          upper = 0xBF;
        }
        if (b < 0x80) {
          if (b == '\n') {
            line++;
            lineStart = offset + i + 1;
          }
        } else if (b >= 0xC2 && b <= 0xDF) {
          need = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
          need = 2;
          lower = b == 0xE0 ? 0xA0 : 0x80;
          upper = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
          need = 3;
          lower = b == 0xF0 ? 0x90 : 0x80;
          upper = b == 0xF4 ? 0x8F : 0xBF;
        } else {
          s.invalid(b, line, lineStart); // a continuation byte without a lead, or a byte UTF-8 never uses
        }
        lead = b;
      }
      offset += n;
    }
    if (need > 0) {
      s.invalid(lead, line, lineStart);
    }
    return s;
  }

  /** The first words with a character that is not ASCII on a few lines, as Windows-1252 reads them. */
  private static List<String> examples(Location file, List<Long> lineStarts) {
    List<String> words = new ArrayList<>();
    for (long start : lineStarts) {
      try (InputStream in = file.open()) {
        in.skipNBytes(start);
        byte[] head = in.readNBytes(512);
        int end = 0;
        while (end < head.length && head[end] != '\n' && head[end] != '\r') {
          end++;
        }
        String text = WINDOWS_1252.newDecoder().decode(ByteBuffer.wrap(head, 0, end)).toString();
        for (String cell : text.split("[,;\t\"]")) {
          if (cell.chars().anyMatch(c -> c > 127) && !words.contains("'" + cell.strip() + "'")) {
            words.add("'" + cell.strip() + "'");
            break;
          }
        }
      } catch (IOException e) {
        // an example is a courtesy; the verdict stands without it
      }
    }
    return words;
  }
}
