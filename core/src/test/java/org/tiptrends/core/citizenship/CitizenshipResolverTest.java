package org.tiptrends.core.citizenship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.core.geo.ReferenceTables;

class CitizenshipResolverTest {
  private static final CitizenshipResolver STD = CitizenshipResolver.standard();
  private static final String HEADER = "alias,kind,target,lang,note\n";

  private static CitizenshipResolver custom(String aliasRows) throws IOException {
    return CitizenshipResolver.create(ReferenceData.standard(), new StringReader(HEADER + aliasRows));
  }

  /** Real GLOTIP labels, broken ones included. Empty expected code = no code. */
  @ParameterizedTest(name = "\"{0}\" -> {1} {2}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "Romania                                        | COUNTRY             | ROU | exact",
      "Viet Nam                                       | COUNTRY             | VNM | exact",
      "BANGLADESH                                     | COUNTRY             | BGD | -",
      "Brasil                                         | COUNTRY             | BRA | exact",
      "BRASILERA                                      | COUNTRY             | BRA | alias",
      "Brasilero                                      | COUNTRY             | BRA | exact",
      "Bresil                                         | COUNTRY             | BRA | exact",
      "Abania                                         | COUNTRY             | ALB | exact",
      "Erithera                                       | COUNTRY             | ERI | exact",
      "Kazalhstan                                     | COUNTRY             | KAZ | exact",
      "Costa d'Avorio                                 | COUNTRY             | CIV | exact",
      "C\u00C3\u00B4te d'Ivoire                       | COUNTRY             | CIV | -",
      "C\uFFFDte d\uFFFDIvoire                        | COUNTRY             | CIV | repaired",
      "T\uFFFDrkiye                                   | COUNTRY             | TUR | repaired",
      "HONDURE\uFFFDA                                 | COUNTRY             | HND | repaired",
      "Ciudadanos de su pa\uFFFDs                     | DOMESTIC            | -   | repaired",
      "Nationals                                      | DOMESTIC            | -   | exact",
      "Netherlands (own country)                      | DOMESTIC            | -   | exact",
      "M49 Region: Africa                             | REGION              | 002 | exact",
      "Former Yugoslavia                              | SUBREGION           | 039 | exact",
      "Personnes de nationalit\uFFFD \uFFFdtrang\uFFFDre | FOREIGN_UNSPECIFIED | - | repaired",
      "TOTAL                                          | NOT_ORIGIN          | -   | exact",
      "Unknown                                        | UNKNOWN             | -   | exact",
      "Kosovo under UNSCR 1244                        | COUNTRY             | XKX | exact",
      "'China, Taiwan Province of China'              | COUNTRY             | TWN | exact",
  })
  void realLabels(String label, OriginKind kind, String code, String method) {
    Resolution r = STD.resolve(label);
    assertEquals(label, r.label());
    assertEquals(kind, r.kind(), r::toString);
    assertEquals(code, r.code(), r::toString);
    assertTrue(r.resolved(), r::toString);
    if (method != null) {
      assertEquals(method, r.method(), r::toString);
    } else {
      // normalised key (case folding / mojibake repair): not exact, not a guess
      assertTrue(Set.of("normalised", "alias").contains(r.method()), r::toString);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t"})
  void blankIsUnknownEmpty(String label) {
    Resolution r = STD.resolve(label);
    assertEquals(OriginKind.UNKNOWN, r.kind());
    assertNull(r.code());
    assertEquals("empty", r.method());
  }

  @Test
  void nullIsUnknownEmpty() {
    Resolution r = STD.resolve(null);
    assertEquals(OriginKind.UNKNOWN, r.kind());
    assertEquals("empty", r.method());
  }

  @Test
  void congoleseIsAmbiguousAndStaysUnresolved() {
    Resolution r = STD.resolve("Congolese");
    assertEquals(OriginKind.UNKNOWN, r.kind(), r::toString);
    assertNull(r.code());
    assertEquals(Resolution.UNRESOLVED, r.method());
    assertFalse(r.resolved());
  }

  @ParameterizedTest(name = "\"{0}\" -> {1} by fuzzy match")
  @CsvSource({
      "Madagasgar, MDG",   // madagascar, 1 substitution
      "Mozambiqe, MOZ",    // mozambique, 1 deletion
      "Guatemalla, GTM",   // guatemala, 1 insertion
  })
  void oneLetterTyposOfLongNamesResolveFuzzily(String label, String code) throws IOException {
    // the typo itself is not in the alias table (otherwise this would not test the fuzzy step)
    String key = LabelNormalizer.normalise(label);
    try (BufferedReader in = new BufferedReader(ReferenceTables.open("citizenship_aliases.csv"))) {
      assertTrue(in.lines().skip(1)
          .noneMatch(line -> LabelNormalizer.normalise(line.split(",", -1)[0]).equals(key)), label);
    }
    Resolution r = STD.resolve(label);
    assertEquals(OriginKind.COUNTRY, r.kind());
    assertEquals(code, r.code());
    assertEquals("fuzzy", r.method());
  }

  @ParameterizedTest(name = "\"{0}\" stays unresolved")
  @ValueSource(strings = {"Xyz", "Abcd", "Madagaxxxr", "Qqqqqqqqqq", "\uFFFD", "\uFFFD\uFFFD", "12345"})
  void unknownWordsStayUnresolved(String label) {
    Resolution r = STD.resolve(label);
    assertEquals(OriginKind.UNKNOWN, r.kind(), r::toString);
    assertNull(r.code());
    assertEquals(Resolution.UNRESOLVED, r.method());
    assertFalse(r.resolved());
  }

  @Test
  void resultsAreCachedAndStable() {
    Resolution a = STD.resolve("Madagasgar");
    assertSame(a, STD.resolve("Madagasgar"));
    assertSame(STD, CitizenshipResolver.standard());
  }

  // --- bounded fuzzy step, on a controlled alias table -------------------------------------

  @Test
  void labelEquallyCloseToTwoCountriesStaysUnresolved() throws IOException {
    CitizenshipResolver r = custom("Zamunda,country,ZMB,en,\nZamundo,country,ZWE,en,\n");
    assertEquals("ZMB", r.resolve("Zamunda").code());
    assertEquals("ZWE", r.resolve("Zamundo").code());
    Resolution amb = r.resolve("Zamundi"); // 1 edit from each
    assertEquals(OriginKind.UNKNOWN, amb.kind());
    assertNull(amb.code());
    assertFalse(amb.resolved());
  }

  @Test
  void lostCharacterFittingTwoTargetsStaysUnresolved() throws IOException {
    CitizenshipResolver r = custom("Zamunda,country,ZMB,en,\nZamundo,country,ZWE,en,\n");
    assertFalse(r.resolve("Zamund\uFFFD").resolved());
  }

  @Test
  void lostCharacterFittingOneTargetIsRepaired() throws IOException {
    CitizenshipResolver r = custom("Zamunda,country,ZMB,en,\n");
    Resolution res = r.resolve("Zam\uFFFDnda");
    assertEquals("ZMB", res.code());
    assertEquals("repaired", res.method());
  }

  @Test
  void twoAliasesOfTheSameTargetAreNotAmbiguous() throws IOException {
    CitizenshipResolver r = custom("Zamunda,country,ZMB,en,\nZamundo,country,ZMB,en,\n");
    Resolution res = r.resolve("Zamundi");
    assertEquals("ZMB", res.code());
    assertEquals("fuzzy", res.method());
  }

  @Test
  void nearestKeyWinsOverAFartherOne() throws IOException {
    // "syldavib": 1 edit from "syldavia" (ZMB), 2 edits from "syldaviyy" (ZWE); limit is 2
    CitizenshipResolver r = custom("Syldavia,country,ZMB,en,\nSyldaviyy,country,ZWE,en,\n");
    Resolution res = r.resolve("Syldavib");
    assertEquals("ZMB", res.code());
    assertEquals("fuzzy", res.method());
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(nullValues = "-", value = {
      // keys of up to 7 letters allow 1 edit
      "Zamxnda, ZMB",      // 7 letters, 1 edit
      "Zxmxnda, -",        // 7 letters, 2 edits
      // keys above 7 letters allow 2 edits
      "Wakxndalxnd, ZWE",  // 11 letters, 2 edits
      "Wxkxndxland, -",    // 11 letters, 3 edits
      "Wxkxndxlxnd, -",    // 4 edits
      // keys shorter than 5 letters are never guessed
      "Qwerx, ZMB",        // 5 letters, 1 edit from 'qwert'
      "Qwer, -",           // 4 letters, 1 edit from 'qwert'
      // short alias keys are never fuzzy targets
      "Byzqq, -",          // 5 letters, 1 edit from the 4-letter key 'byzq'
  })
  void fuzzyLimitsFollowKeyLength(String label, String code) throws IOException {
    CitizenshipResolver r = custom("Zamunda,country,ZMB,en,\n"
        + "Wakandaland,country,ZWE,en,\n"
        + "Qwert,country,ZMB,en,\n"
        + "Byzq,country,ZWE,en,\n");
    Resolution res = r.resolve(label);
    assertEquals(code, res.code(), res::toString);
    if (code == null) {
      assertEquals(OriginKind.UNKNOWN, res.kind());
      assertFalse(res.resolved());
    } else {
      assertEquals("fuzzy", res.method());
    }
  }

  @Test
  void countryNamesAreKnownWithoutAliases() throws IOException {
    CitizenshipResolver r = custom("");
    assertEquals("ESP", r.resolve("Spain").code());
    assertEquals("exact", r.resolve("Spain").method());
    assertEquals("normalised", r.resolve("SPAIN").method());
    assertEquals("CIV", r.resolve("cote d ivoire").code());
  }

  @Test
  void nonCountryKindsNeedNoCountryTarget() throws IOException {
    CitizenshipResolver r = custom("Own people,domestic,,en,\nSomewhere in Africa,region,002,en,\n"
        + "Balkans,subregion,039,en,\nAll,not_origin,,en,\n");
    assertEquals(OriginKind.DOMESTIC, r.resolve("own people").kind());
    assertEquals("002", r.resolve("Somewhere in Africa").code());
    assertEquals(OriginKind.SUBREGION, r.resolve("Balkans").kind());
    assertEquals(OriginKind.NOT_ORIGIN, r.resolve("All").kind());
  }

  // --- create() validation ------------------------------------------------------------------

  @ParameterizedTest(name = "rejects: {0}")
  @ValueSource(strings = {
      "Zamunda,country,ZZZ,en,",                           // unknown country code
      "Zamunda,country,,en,",                              // country without a code
      "Zamunda,region,999,en,",                            // unknown region
      "Zamunda,subregion,998,en,",                         // unknown sub-region
      "Zamunda,country,ZMB,en,\nZAMUNDA!,country,ZWE,en,", // same key, different targets
      "Zamunda,country,ZMB,en,\nZamunda,subregion,202,en,",
      "Spain,country,PRT,en,",                             // collides with an M49 name
      "Espa\u00F1a,country,PRT,es,\nEspana,country,ESP,es,",
  })
  void createRejectsInconsistentAliases(String rows) {
    assertThrows(IllegalStateException.class, () -> custom(rows + "\n"));
  }

  @Test
  void createAcceptsTheSameKeyForTheSameTarget() throws IOException {
    CitizenshipResolver r = custom("Zamunda,country,ZMB,en,\nZAMUNDA!,country,ZMB,en,\n");
    assertEquals("ZMB", r.resolve("zamunda").code());
  }
}
