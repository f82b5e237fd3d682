package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/shares/demographic} and {@code /forms}: parts and denominator equal the mart's
 * cells; the share bounds follow the README's rule (lowest with the part at its low end and the
 * rest at its high end), computed here from the cells.
 */
class SharesContractTest {
  static final TestApi API = TestApi.shared();
  static final Map<String, String[]> DEMOGRAPHIC = new LinkedHashMap<>();
  static final Map<String, String[]> FORMS = new LinkedHashMap<>();

  static {
    DEMOGRAPHIC.put("women", new String[] {"female", "adult", "total"});
    DEMOGRAPHIC.put("men", new String[] {"male", "adult", "total"});
    DEMOGRAPHIC.put("girls", new String[] {"female", "child", "total"});
    DEMOGRAPHIC.put("boys", new String[] {"male", "child", "total"});
    FORMS.put("sexual_exploitation", new String[] {"total", "total", "sexual_exploitation"});
    FORMS.put("forced_labour", new String[] {"total", "total", "forced_labour"});
    FORMS.put("other", new String[] {"total", "total", "other"});
  }

  @Test
  void demographicSharesOfTheWorldARegionAndACountry() {
    check("demographic", DEMOGRAPHIC, "WLD", 2016);
    check("demographic", DEMOGRAPHIC, "002", 2010);
    String country = TrendsContractTest.mostReportingCountry();
    check("demographic", DEMOGRAPHIC, country, yearWithCells(country, DEMOGRAPHIC));
  }

  @Test
  void formSharesOfTheWorldARegionAndACountry() {
    check("forms", FORMS, "WLD", 2019);
    check("forms", FORMS, "142", 2007);
    String country = TrendsContractTest.mostReportingCountry();
    check("forms", FORMS, country, yearWithCells(country, FORMS));
  }

  @Test
  void aYearWithoutRowsHasNoShares() {
    // a country the M49 list knows but the sample never reports: a place, with nothing to divide
    String silent = org.tiptrends.core.geo.ReferenceData.standard().countries().stream()
        .map(org.tiptrends.core.geo.Country::code)
        .filter(c -> MartRows.cells(c, "total", "total", "total").isEmpty()).findFirst().orElseThrow();
    JsonNode a = API.json("/api/v1/shares/demographic?geo=" + silent + "&year=2016");
    assertEquals(silent, a.get("geo").get("code").asText());
    assertEquals(0.0, a.get("denominator").get("value").asDouble());
    for (JsonNode part : a.get("shares")) {
      assertTrue(part.get("value").isNull(), part.toString());
      assertTrue(part.get("victims").isNull(), part.toString());
    }
    assertTrue(a.get("reportedTotal").isNull());
  }

  /** The latest year in which the sample has a cell of every part for {@code geo} (a country need not report each year). */
  private static int yearWithCells(String geo, Map<String, String[]> parts) {
    java.util.TreeSet<Integer> years = null;
    for (String[] p : parts.values()) {
      java.util.Set<Integer> has = MartRows.cells(geo, p[0], p[1], p[2]).keySet();
      if (years == null) {
        years = new java.util.TreeSet<>(has);
      } else {
        years.retainAll(has);
      }
    }
    assertTrue(years != null && !years.isEmpty(), geo + " has no year with every part");
    return years.last();
  }

  private void check(String breakdown, Map<String, String[]> parts, String geo, int year) {
    String what = breakdown + " " + geo + " " + year;
    JsonNode a = API.json("/api/v1/shares/" + breakdown + "?geo=" + geo + "&year=" + year);
    assertEquals(geo, a.get("geo").get("code").asText(), what);
    assertEquals(year, a.get("year").asInt(), what);
    assertEquals(breakdown, a.get("breakdown").asText(), what);
    Map<String, double[]> cells = new LinkedHashMap<>();
    double[] whole = new double[3];
    for (Map.Entry<String, String[]> p : parts.entrySet()) {
      Row r = MartRows.cells(geo, p.getValue()[0], p.getValue()[1], p.getValue()[2]).get(year);
      double[] v = r == null ? new double[] {0, 0, 0, 0}
          : new double[] {MartRows.d(r, "victims"), MartRows.d(r, "victims_low"), MartRows.d(r, "victims_high"),
              MartRows.i(r, "reporting_countries")};
      cells.put(p.getKey(), v);
      for (int i = 0; i < 3; i++) {
        whole[i] += v[i];
      }
    }
    assertTrue(whole[0] > 0, what + ": the sample should have cells here");
    JsonNode den = a.get("denominator");
    assertEquals(whole[0], den.get("value").asDouble(), 1e-9, what + " denominator");
    assertEquals(whole[1], den.get("low").asDouble(), 1e-9, what + " denominator low");
    assertEquals(whole[2], den.get("high").asDouble(), 1e-9, what + " denominator high");
    assertEquals(List.copyOf(parts.keySet()), TestApi.JSON.convertValue(den.get("parts"), List.class));
    assertEquals(parts.size(), a.get("shares").size());
    double sum = 0;
    int i = 0;
    for (Map.Entry<String, double[]> e : cells.entrySet()) {
      JsonNode part = a.get("shares").get(i++);
      assertEquals(e.getKey(), part.get("key").asText(), what);
      double[] v = e.getValue();
      double restLow = whole[1] - v[1];
      double restHigh = whole[2] - v[2];
      double point = v[0] / whole[0];
      double low = Math.min(point, v[1] + restHigh == 0 ? 0 : v[1] / (v[1] + restHigh));
      double high = Math.max(point, v[2] + restLow == 0 ? 0 : v[2] / (v[2] + restLow));
      String w = what + " " + e.getKey();
      assertEquals(point, part.get("value").asDouble(), 1e-12, w + " share");
      assertEquals(low, part.get("low").asDouble(), 1e-12, w + " share low");
      assertEquals(high, part.get("high").asDouble(), 1e-12, w + " share high");
      assertTrue(0 <= part.get("low").asDouble() && part.get("low").asDouble() <= part.get("value").asDouble()
          && part.get("value").asDouble() <= part.get("high").asDouble() && part.get("high").asDouble() <= 1, w);
      if (v[3] == 0) {
        assertTrue(part.get("victims").isNull(), w);
      } else {
        assertEquals(v[0], part.get("victims").get("value").asDouble(), 1e-9, w);
        assertEquals(v[1], part.get("victims").get("low").asDouble(), 1e-9, w);
        assertEquals(v[2], part.get("victims").get("high").asDouble(), 1e-9, w);
        assertEquals((int) v[3], part.get("victims").get("reportingCountries").asInt(), w);
      }
      sum += part.get("value").asDouble();
    }
    assertEquals(1.0, sum, 1e-9, what + ": shares sum to one");
    Row total = MartRows.cells(geo, "total", "total", "total").get(year);
    if (total == null) {
      assertNull(a.get("reportedTotal").textValue());
    } else {
      assertEquals(MartRows.d(total, "victims"), a.get("reportedTotal").get("value").asDouble(), 1e-9, what);
    }
    assertEquals(TestMarts.version(), a.get("source").get("martVersion").asText());
  }
}
