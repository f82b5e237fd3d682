package org.tiptrends.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceDataTest {
  private static final ReferenceData REF = ReferenceData.standard();

  @Test
  void standardIsLoadedOnce() {
    assertSame(REF, ReferenceData.standard());
  }

  @Test
  void countries249M49PlusKosovoAndTaiwan() {
    assertEquals(251, REF.countries().size());
    assertTrue(REF.country("XKX").isPresent());
    assertTrue(REF.country("TWN").isPresent());
    long m49Proper = REF.countries().stream()
        .filter(c -> !c.code().equals("XKX") && !c.code().equals("TWN")).count();
    assertEquals(249, m49Proper);
    assertNull(REF.country("XKX").get().m49(), "Kosovo has no M49 code");
  }

  @Test
  void countryCountMatchesThePackagedFileLineCount() throws IOException {
    int rows = 0;
    try (BufferedReader r = new BufferedReader(ReferenceTables.open("m49_countries.csv"))) {
      assertTrue(r.readLine().startsWith("code,"), "header");
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          rows++;
        }
      }
    }
    assertEquals(rows, REF.countries().size());
  }

  @Test
  void codesAreIso3OrMPlusM49() {
    Pattern iso3 = Pattern.compile("[A-Z]{3}");
    Pattern m49 = Pattern.compile("\\d{3}");
    Set<String> m49Codes = new HashSet<>();
    for (Country c : REF.countries()) {
      if (c.iso3() != null) {
        assertTrue(iso3.matcher(c.iso3()).matches(), c.toString());
        assertEquals(c.iso3(), c.code(), c.toString());
      } else {
        assertEquals("M" + c.m49(), c.code(), c.toString());
      }
      if (c.m49() != null) {
        assertTrue(m49.matcher(c.m49()).matches(), c.toString());
        assertTrue(m49Codes.add(c.m49()), "duplicate M49 code " + c.m49());
      }
      assertFalse(c.name().isBlank(), c.code());
    }
    assertEquals("M680", REF.countryByName("Sark").orElseThrow().code());
  }

  @Test
  void regionsFileHasTheM49Hierarchy() {
    Map<GeoLevel, Integer> byLevel = new TreeMap<>();
    for (Region r : REF.regions()) {
      byLevel.merge(r.level(), 1, Integer::sum);
    }
    assertEquals(1, byLevel.get(GeoLevel.WORLD));
    assertEquals(5, byLevel.get(GeoLevel.REGION));
    assertEquals(17, byLevel.get(GeoLevel.SUBREGION));
    assertEquals(8, byLevel.get(GeoLevel.INTERMEDIATE));
    assertFalse(byLevel.containsKey(GeoLevel.COUNTRY));
    assertEquals(31, REF.regions().size());
  }

  @ParameterizedTest(name = "{0} {1} ({2}) -> parent {3}")
  @CsvSource({
      "001, WORLD, World,",
      "002, REGION, Africa, 001",
      "019, REGION, Americas, 001",
      "142, REGION, Asia, 001",
      "150, REGION, Europe, 001",
      "009, REGION, Oceania, 001",
      "039, SUBREGION, Southern Europe, 150",
      "151, SUBREGION, Eastern Europe, 150",
      "202, SUBREGION, Sub-Saharan Africa, 002",
      "419, SUBREGION, Latin America and the Caribbean, 019",
      "011, INTERMEDIATE, Western Africa, 202",
      "830, INTERMEDIATE, Channel Islands, 154",
  })
  void knownRegions(String code, GeoLevel level, String name, String parent) {
    Region r = REF.region(code).orElseThrow();
    assertEquals(level, r.level());
    assertEquals(name, r.name());
    assertEquals(parent, r.parentCode());
  }

  @Test
  void parentsFollowTheLevels() {
    for (Region r : REF.regions()) {
      switch (r.level()) {
        case WORLD -> assertNull(r.parentCode());
        case REGION -> assertEquals(GeoLevel.WORLD, parentLevel(r));
        case SUBREGION -> assertEquals(GeoLevel.REGION, parentLevel(r), r.toString());
        case INTERMEDIATE -> assertEquals(GeoLevel.SUBREGION, parentLevel(r), r.toString());
        default -> throw new AssertionError(r.toString());
      }
    }
  }

  private static GeoLevel parentLevel(Region r) {
    return REF.region(r.parentCode()).orElseThrow(() -> new AssertionError("no parent " + r)).level();
  }

  @Test
  void everyCountryButAntarcticaHasRegionAndSubregion() {
    List<String> without = new ArrayList<>();
    for (Country c : REF.countries()) {
      if (c.regionCode() == null || c.subregionCode() == null) {
        without.add(c.code());
      }
    }
    assertEquals(List.of("ATA"), without);
    Country ata = REF.country("ATA").orElseThrow();
    assertNull(ata.regionCode());
    assertNull(ata.subregionCode());
  }

  @Test
  void countrySubregionLiesInTheCountryRegion() {
    for (Country c : REF.countries()) {
      if (c.regionCode() == null) {
        continue;
      }
      Region region = REF.region(c.regionCode()).orElseThrow(() -> new AssertionError(c.toString()));
      Region sub = REF.region(c.subregionCode()).orElseThrow(() -> new AssertionError(c.toString()));
      assertEquals(GeoLevel.REGION, region.level(), c.code());
      assertEquals(GeoLevel.SUBREGION, sub.level(), c.code());
      assertEquals(c.regionCode(), sub.parentCode(), c.code());
      assertEquals(region.name(), c.regionName(), c.code());
      assertEquals(sub.name(), c.subregionName(), c.code());
      if (c.intermediateCode() != null) {
        Region mid = REF.region(c.intermediateCode()).orElseThrow(() -> new AssertionError(c.toString()));
        assertEquals(GeoLevel.INTERMEDIATE, mid.level(), c.code());
        assertEquals(c.subregionCode(), mid.parentCode(), c.code());
        assertEquals(mid.name(), c.intermediateName(), c.code());
      } else {
        assertNull(c.intermediateName(), c.code());
      }
    }
  }

  @ParameterizedTest(name = "{0}: {1}, {2}/{3}")
  @CsvSource({
      "ESP, Spain, 150, 039",
      "PRT, Portugal, 150, 039",
      "ROU, Romania, 150, 151",
      "NGA, Nigeria, 002, 202",
      "XKX, Kosovo, 150, 039",
      "TWN, Taiwan, 142, 030",
  })
  void knownCountries(String code, String name, String region, String subregion) {
    Country c = REF.country(code).orElseThrow();
    assertEquals(name, c.name());
    assertEquals(region, c.regionCode());
    assertEquals(subregion, c.subregionCode());
  }

  @Test
  void lookups() {
    assertEquals("VNM", REF.countryByName("  VIET nam ").orElseThrow().code());
    assertEquals("CIV", REF.countryByName("Cote d'Ivoire").orElseThrow().code());
    assertEquals("ESP", REF.country(" ESP ").orElseThrow().code());
    assertTrue(REF.country(null).isEmpty());
    assertTrue(REF.country("XXX").isEmpty());
    assertTrue(REF.countryByName(null).isEmpty());
    assertTrue(REF.region(null).isEmpty());
    assertTrue(REF.region("999").isEmpty());
    assertEquals(REF.countries().size(), REF.countriesByNormalisedName().size(),
        "no two countries share a normalised name");
  }

  @Test
  void loadRejectsDuplicateCountryCodes() {
    String header = "code,iso3,m49,name,region_code,region_name,subregion_code,subregion_name,"
        + "intermediate_code,intermediate_name,note\n";
    String countries = header
        + "AAA,AAA,001,Aland,150,Europe,039,Southern Europe,,,\n"
        + "AAA,AAA,002,Bland,150,Europe,039,Southern Europe,,,\n";
    String regions = "code,level,name,parent_code\n150,region,Europe,001\n";
    assertThrows(IllegalStateException.class,
        () -> ReferenceData.load(new StringReader(countries), new StringReader(regions)));
  }

  @Test
  void loadReadsBlankFieldsAsNull() throws IOException {
    String countries = "code,iso3,m49,name,region_code,region_name,subregion_code,subregion_name,"
        + "intermediate_code,intermediate_name,note\n"
        + "M999,,999,Nowhere, , ,,,,,\n";
    String regions = "code,level,name,parent_code\n001,world,World,\n";
    ReferenceData d = ReferenceData.load(new StringReader(countries), new StringReader(regions));
    Country c = d.country("M999").orElseThrow();
    assertNull(c.iso3());
    assertNull(c.regionCode());
    assertNull(c.regionName());
    assertNotNull(c.m49());
    assertNull(d.region("001").orElseThrow().parentCode());
  }
}
