package org.tiptrends.core.citizenship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelNormalizerTest {

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource(delimiter = '|', value = {
      "C\u00F4te d'Ivoire              | cote d ivoire",
      "cote d ivoire                   | cote d ivoire",
      "COTE D'IVOIRE                   | cote d ivoire",
      "C\u00C3\u00B4te d'Ivoire        | cote d ivoire",
      "'  Viet   Nam '                 | viet nam",
      "BRASILERA                       | brasilera",
      "T\u00FCrkiye                    | turkiye",
      "Bosnia-Herzegovina              | bosnia herzegovina",
      "'Korea, Republic of'            | korea republic of",
      "Hondure\u00F1a                  | hondurena",
      "S\u00E3o Tom\u00E9 and Pr\u00EDncipe | sao tome and principe",
      "97 albanian                     | 97 albanian",
      "B & H                           | b h",
      "'(Netherlands)'                 | netherlands",
  })
  void normalise(String label, String key) {
    assertEquals(key, LabelNormalizer.normalise(label));
  }

  @Test
  void accentedAndPlainSpellingShareAKey() {
    assertEquals(LabelNormalizer.normalise("cote d ivoire"), LabelNormalizer.normalise("C\u00F4te d'Ivoire"));
  }

  @Test
  void mojibakeRepairsToTheSameKeyAsTheCorrectSpelling() {
    // "Côte" written as UTF-8 and read as Windows-1252: ô = C3 B4 -> "Ã´"
    assertEquals(LabelNormalizer.normalise("C\u00F4te d'Ivoire"),
        LabelNormalizer.normalise("C\u00C3\u00B4te d'Ivoire"));
    assertEquals("C\u00F4te d'Ivoire", LabelNormalizer.repairMojibake("C\u00C3\u00B4te d'Ivoire"));
  }

  @ParameterizedTest(name = "Windows-1252 mojibake of \"{1}\" repairs")
  @CsvSource(delimiter = '|', value = {
      // é = C3 A9 -> "Ã©"; ü = C3 BC -> "Ã¼"; Ñ = C3 91 -> "Ã" + U+2018 (0x91 in Windows-1252)
      "Nationalit\u00C3\u00A9      | Nationalit\u00E9",
      "T\u00C3\u00BCrkiye          | T\u00FCrkiye",
      "ESPA\u00C3\u2018A           | ESPA\u00D1A",
  })
  void windows1252MojibakeIsRepaired(String broken, String fixed) {
    assertEquals(fixed, LabelNormalizer.repairMojibake(broken));
  }

  @Test
  void latin1MojibakeOfCapitalLettersIsRepaired() {
    // Ñ = C3 91; read as ISO-8859-1 that is "Ã" + U+0091
    assertEquals("ESPA\u00D1A", LabelNormalizer.repairMojibake("ESPA\u00C3\u0091A"));
    assertEquals("espana", LabelNormalizer.normalise("ESPA\u00C3\u0091A"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Romania", "S\u00E3o Paulo", "\u00C5land Islands", "Cura\u00E7ao"})
  void textWithoutMojibakeIsLeftAlone(String s) {
    assertEquals(s, LabelNormalizer.repairMojibake(s));
  }

  @Test
  void replacementCharacterIsKept() {
    assertEquals("t\uFFFDrkiye", LabelNormalizer.normalise("T\uFFFDrkiye"));
    assertEquals("hondure\uFFFDa", LabelNormalizer.normalise("HONDURE\uFFFDA"));
    assertEquals("c\uFFFDte d\uFFFDivoire", LabelNormalizer.normalise("C\uFFFDte d\uFFFDIvoire"));
    assertEquals(LabelNormalizer.LOST_CHARACTER, '\uFFFD');
  }

  @Test
  void nullIsTheEmptyKey() {
    assertEquals("", LabelNormalizer.normalise(null));
    assertEquals("", LabelNormalizer.normalise("  -- "));
  }

  @Test
  void keysAreIdempotent() {
    for (String s : new String[] {"C\u00F4te d'Ivoire", "  Viet   Nam ", "C\u00C3\u00B4te", "T\uFFFDrkiye"}) {
      String k = LabelNormalizer.normalise(s);
      assertEquals(k, LabelNormalizer.normalise(k));
      assertTrue(k.equals(k.strip()) && !k.contains("  "), k);
    }
  }
}
