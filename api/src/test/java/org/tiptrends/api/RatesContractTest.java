package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.tiptrends.core.geo.Country;
import org.tiptrends.core.geo.ReferenceData;

/**
 * {@code /api/v1/trends/victims?per=100k} (issue 14) against rates computed here from the panel's
 * country rows (detected victims with bounds, population) and the M49 table: an aggregate divides
 * the victims of its reporting countries with a population by the population of those same countries.
 */
class RatesContractTest {
  static final TestApi API = TestApi.shared();

  /** year → {count, low, high, population, reporting, without population} of a geography. */
  static Map<Integer, double[]> expected(String geo) {
    Map<Integer, double[]> out = new TreeMap<>();
    for (Row r : TestMarts.mart("country_year_panel").collectAsList()) {
      if (r.isNullAt(r.fieldIndex("detected_victims"))) {
        continue;
      }
      Country c = ReferenceData.standard().country(r.getAs("iso3")).orElseThrow();
      if (!geo.equals("WLD") && !geo.equals(c.code()) && !geo.equals(c.regionCode())
          && !geo.equals(c.subregionCode())) {
        continue;
      }
      double[] e = out.computeIfAbsent(r.<Integer>getAs("year"), y -> new double[6]);
      if (r.isNullAt(r.fieldIndex("population"))) {
        e[5]++;
        continue;
      }
      e[0] += r.<Double>getAs("detected_victims");
      e[1] += r.<Double>getAs("detected_victims_low");
      e[2] += r.<Double>getAs("detected_victims_high");
      e[3] += r.<Double>getAs("population");
      e[4]++;
    }
    return out;
  }

  @Test
  void ratesOfTheWorldARegionAndACountryAreTheirCountriesVictimsOverThoseCountriesPopulation() {
    String country = TestMarts.mart("country_year_panel").filter("population is not null and detected_victims is not null")
        .first().getAs("iso3");
    for (String geo : List.of("WLD", "150", "202", country)) {
      JsonNode a = API.json("/api/v1/trends/victims?per=100k&geo=" + geo);
      assertEquals("100k", a.get("per").asText());
      JsonNode points = a.get("series").get(0).get("points");
      Map<Integer, double[]> expected = expected(geo);
      Map<Integer, JsonNode> got = new HashMap<>();
      points.forEach(p -> got.put(p.get("year").asInt(), p));
      int checked = 0;
      for (Map.Entry<Integer, double[]> e : expected.entrySet()) {
        double[] x = e.getValue();
        JsonNode p = got.get(e.getKey());
        if (x[4] == 0) {
          assertTrue(p == null, geo + " " + e.getKey() + ": no population, no rate");
          continue;
        }
        String what = geo + " " + e.getKey();
        assertEquals(1e5 * x[0] / x[3], p.get("value").asDouble(), 1e-9 * (1 + p.get("value").asDouble()), what);
        assertEquals(1e5 * x[1] / x[3], p.get("low").asDouble(), 1e-9 * (1 + p.get("value").asDouble()), what);
        assertEquals(1e5 * x[2] / x[3], p.get("high").asDouble(), 1e-9 * (1 + p.get("value").asDouble()), what);
        assertEquals(x[3], p.get("population").asDouble(), 1e-6, what);
        assertEquals((int) x[4], p.get("reportingCountries").asInt(), what);
        assertEquals((int) x[5], p.get("countriesWithoutPopulation").asInt(), what);
        assertTrue(p.get("low").asDouble() <= p.get("value").asDouble()
            && p.get("value").asDouble() <= p.get("high").asDouble(), what);
        checked++;
      }
      assertTrue(checked > 0, geo);
      assertEquals(checked, points.size(), geo + ": no point the panel does not give");
    }
  }

  @Test
  void ratesAreForTheTotalOfTheWholeGeographyAndSayWhatTheyDivide() {
    assertEquals(400, API.get("/api/v1/trends/victims?per=100k&by=sex").statusCode());
    assertEquals(400, API.get("/api/v1/trends/victims?per=100k&balanced=true").statusCode());
    assertEquals(400, API.get("/api/v1/trends/victims?per=1m").statusCode());
    JsonNode a = API.json("/api/v1/trends/victims?per=100k");
    assertTrue(a.get("note").asText().contains("those same countries"), a.get("note").asText());
    String csv = API.get("/api/v1/trends/victims?per=100k&format=csv").body();
    assertTrue(csv.startsWith("geo,year,victims_per_100k,low,high,victims,victims_low,victims_high,population,"),
        csv.substring(0, Math.min(200, csv.length())));
    assertTrue(csv.contains("generated sample data, not official statistics"), "the source column says so");
  }
}
