package org.tiptrends.jobs.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.jobs.io.Location;

class TextEncodingTest {
  static final String TEXT = "Iso3_code,Country,Category\nCIV,Côte d’Ivoire,Ciudadanos de su país\n"
      + "TUR,Türkiye,Personnes de nationalité étrangère\n";

  static Location write(Path dir, byte[] bytes) throws Exception {
    Path f = dir.resolve("export.csv");
    Files.write(f, bytes);
    return Location.local(f);
  }

  static String decoded(TextEncoding.Verdict v, Location f) throws Exception {
    try (BufferedReader r = v.reader(f)) {
      StringBuilder sb = new StringBuilder();
      for (int c; (c = r.read()) >= 0; ) {
        sb.append((char) c);
      }
      return sb.toString();
    }
  }

  @Test
  void utf8WithOrWithoutBomIsReadAsIs(@TempDir Path tmp) throws Exception {
    Location plain = write(tmp, TEXT.getBytes(StandardCharsets.UTF_8));
    TextEncoding.Verdict v = TextEncoding.of(plain, "CSV file");
    assertEquals("UTF-8", v.label());
    assertNull(v.note());
    assertEquals(TEXT, decoded(v, plain));
    Location bom = write(tmp, ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8));
    v = TextEncoding.of(bom, "CSV file");
    assertEquals("UTF-8 with BOM", v.label());
    assertEquals(TEXT, decoded(v, bom), "the BOM is not text");
  }

  @Test
  void windows1252IsDecodedAsSuchAndTheRunSaysWhere(@TempDir Path tmp) throws Exception {
    Location f = write(tmp, TEXT.getBytes(TextEncoding.WINDOWS_1252));
    TextEncoding.Verdict v = TextEncoding.of(f, "CSV file");
    assertEquals("windows-1252", v.label());
    assertEquals(TEXT, decoded(v, f), "every character back, the typographic apostrophe included");
    assertEquals("not UTF-8 (first at line 2, byte 0xF4): read as Windows-1252, e.g. 'Côte d’Ivoire', 'Türkiye'",
        v.note());
  }

  @Test
  void latin1IsWindows1252ForEveryPrintableCharacter(@TempDir Path tmp) throws Exception {
    String latin = TEXT.replace('’', '\'');
    Location f = write(tmp, latin.getBytes(StandardCharsets.ISO_8859_1));
    TextEncoding.Verdict v = TextEncoding.of(f, "CSV file");
    assertEquals("windows-1252", v.label());
    assertEquals(latin, decoded(v, f));
  }

  @Test
  void textMisDecodedUpstreamStillReadsAsWindows1252(@TempDir Path tmp) throws Exception {
    // the real export holds "TÃ¼rkiye"; saved as Windows-1252 its "Ã¼" is the UTF-8 pair for "ü"
    String text = "a,TÃ¼rkiye\nb,CÃ´te d'Ivoire\nc,Guinée\nd,Curaçao\ne,México\n";
    Location f = write(tmp, text.getBytes(TextEncoding.WINDOWS_1252));
    TextEncoding.Verdict v = TextEncoding.of(f, "CSV file");
    assertEquals("windows-1252", v.label());
    assertEquals(text, decoded(v, f), "as the export has it, not repaired behind anyone's back");
  }

  @Test
  void aFileThatIsMostlyUtf8WithSomeOtherBytesIsRefused(@TempDir Path tmp) throws Exception {
    byte[] utf8 = (TEXT + TEXT).getBytes(StandardCharsets.UTF_8);
    byte[] cp = "FRA,Réunion,x\n".getBytes(TextEncoding.WINDOWS_1252);
    byte[] both = new byte[utf8.length + cp.length];
    System.arraycopy(utf8, 0, both, 0, utf8.length);
    System.arraycopy(cp, 0, both, utf8.length, cp.length);
    Location f = write(tmp, both);
    InputException e = assertThrows(InputException.class, () -> TextEncoding.of(f, "CSV file"));
    assertEquals(f + ": not a readable CSV file (mostly UTF-8, but with bytes that are not UTF-8 from line 7, "
        + "byte 0xE9: two encodings in one file? save it as CSV UTF-8)", e.getMessage());
  }

  @Test
  void bytesWindows1252DoesNotDefineAreRefused(@TempDir Path tmp) throws Exception {
    byte[] b = "a,b\nc,d\u0081e\n".getBytes(StandardCharsets.ISO_8859_1);
    Location f = write(tmp, b);
    InputException e = assertThrows(InputException.class, () -> TextEncoding.of(f, "UCDP/PRIO CSV"));
    assertEquals(f + ": not a readable UCDP/PRIO CSV (not UTF-8 and not Windows-1252 text: byte 0x81 on line 2 is "
        + "neither; save it as CSV UTF-8)", e.getMessage());
  }

  @Test
  void utf16AndEmptyFilesAreRefusedAsBefore(@TempDir Path tmp) throws Exception {
    Location utf16 = write(tmp, ("\uFEFF" + TEXT).getBytes(Charset.forName("UTF-16LE")));
    assertEquals(utf16 + ": not a readable CSV file (UTF-16 text: save it as CSV UTF-8)",
        assertThrows(InputException.class, () -> TextEncoding.of(utf16, "CSV file")).getMessage());
    Location empty = write(tmp, new byte[0]);
    assertEquals(empty + ": not a readable CSV file (empty file, 0 bytes)",
        assertThrows(InputException.class, () -> TextEncoding.of(empty, "CSV file")).getMessage());
  }

  @Test
  void overlongFormsAndSurrogatesAreNotUtf8(@TempDir Path tmp) throws Exception {
    // C0 AF is an overlong '/', ED A0 80 a surrogate: a strict decoder refuses both, so must the judge
    Location f = write(tmp, new byte[] {'a', ',', (byte) 0xC0, (byte) 0xAF, '\n', 'b', ',', (byte) 0xED, (byte) 0xA0,
        (byte) 0x80, '\n'});
    assertEquals("windows-1252", TextEncoding.of(f, "CSV file").label());
  }
}
