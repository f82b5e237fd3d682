package org.tiptrends.core.citizenship;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a free-text label into a comparison key: broken encodings repaired, accents and case
 * folded, punctuation to single spaces. A Unicode replacement character (U+FFFD, a byte that was
 * lost when the export was made) survives as {@link #LOST_CHARACTER} so that matching can treat it
 * as a wildcard.
 */
public final class LabelNormalizer {
  public static final char LOST_CHARACTER = '\uFFFD';
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{IsAlphabetic}\\p{IsDigit}\\x{FFFD}]+");
  /** Characters that appear when UTF-8 bytes were read as Latin-1/Windows-1252 ("CÃ´te"). */
  private static final Pattern MOJIBAKE = Pattern.compile("[ÃÂ][\\x{80}-\\x{BF}\\x{152}-\\x{2122}]");

  private LabelNormalizer() {}

  public static String normalise(String label) {
    if (label == null) {
      return "";
    }
    String s = repairMojibake(label);
    s = Normalizer.normalize(s, Normalizer.Form.NFKD);
    s = COMBINING_MARKS.matcher(s).replaceAll("");
    s = s.toLowerCase(Locale.ROOT);
    s = NOT_ALNUM.matcher(s).replaceAll(" ");
    return s.strip();
  }

  /**
   * Re-decodes text whose UTF-8 bytes were read as ISO-8859-1 or Windows-1252, when that gives
   * valid text. Characters below U+0100 are their own byte (ISO-8859-1, which also covers the C1
   * controls U+0080–U+009F); the others are the Windows-1252 byte they came from.
   */
  public static String repairMojibake(String s) {
    if (!MOJIBAKE.matcher(s).find()) {
      return s;
    }
    java.nio.charset.Charset cp1252 = java.nio.charset.Charset.forName("windows-1252");
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x100) {
        bytes.write(c);
      } else {
        byte[] b = String.valueOf(c).getBytes(cp1252);
        if (b.length != 1 || b[0] == '?') {
          return s; // not a Windows-1252 character: this is not mojibake
        }
        bytes.write(b[0]);
      }
    }
    String repaired = bytes.toString(StandardCharsets.UTF_8);
    return repaired.indexOf(LOST_CHARACTER) >= 0 ? s : repaired;
  }
}
