package org.tiptrends.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code convicted_by_citizenship} and {@code repatriation_flows} against an
 * {@link IndependentGlotip#breakdown} of the export's cells, on the real export and on the sample.
 */
final class PlacePairAssertions {
  private PlacePairAssertions() {}

  /**
   * The mart's sums per reporting country-year and per year (world) equal the export's, bounds
   * included; and each named cell (country-years read by names only, at least {@code minNamed} of
   * them) equals its row, flow type too.
   */
  static void assertBreakdown(IndependentGlotip.Breakdown expected, Dataset<Row> mart, String reporting,
      String place, String count, int minNamed) {
    List<Row> rows = mart.collectAsList();
    assertFalse(rows.isEmpty(), "the mart has rows");
    Map<String, double[]> byCountryYear = new java.util.TreeMap<>();
    Map<Integer, double[]> world = new java.util.TreeMap<>();
    Map<String, Row> cells = new java.util.HashMap<>();
    for (Row r : rows) {
      double[] v = {r.<Double>getAs(count + "_low"), r.<Double>getAs(count + "_high"), r.<Double>getAs(count)};
      String key = r.<Integer>getAs("year") + "|" + r.getAs(reporting + "_iso3");
      add(byCountryYear.computeIfAbsent(key, k -> new double[3]), v);
      add(world.computeIfAbsent(r.<Integer>getAs("year"), k -> new double[3]), v);
      if (r.getAs(place + "_level").equals("country")) {
        assertTrue(cells.put(key + "|" + r.getAs(place + "_code"), r) == null, "one row per country pair: " + key);
      }
    }
    assertEquals(expected.byCountryYear.keySet(), byCountryYear.keySet(), "the same country-years");
    expected.byCountryYear.forEach((k, e) -> assertArrayEquals(e, byCountryYear.get(k), 1e-9, k));
    assertEquals(expected.world.keySet(), world.keySet(), "the same years");
    expected.world.forEach((y, e) -> assertArrayEquals(e, world.get(y), 1e-9, "world " + y));
    assertTrue(expected.byNamedCountry.size() >= minNamed, expected.byNamedCountry.size() + " named cells");
    expected.byNamedCountry.forEach((k, e) -> {
      Row r = cells.get(k);
      assertTrue(r != null, "no mart row for " + k);
      assertArrayEquals(e, new double[] {r.<Double>getAs(count + "_low"), r.<Double>getAs(count + "_high"),
          r.<Double>getAs(count)}, 1e-9, k);
      assertEquals(expected.flowType.get(k), r.getAs("flow_type"), k);
    });
  }

  /** The run's own gate passed and states the export's point sum (every year) as the mart's. */
  static void assertConserved(JsonNode report, String mart, String count, IndependentGlotip.Breakdown expected) {
    double points = expected.world.values().stream().mapToDouble(v -> v[2]).sum();
    for (JsonNode c : report.get("checks")) {
      if (c.get("name").asText().equals("convicted_and_repatriated_conserve_staged")) {
        assertEquals("pass", c.get("status").asText(), c.toString());
        String said = String.format(Locale.ROOT, "%s holds %.1f %s, staged rows %.1f", mart, points, count, points);
        assertTrue(c.get("detail").asText().contains(said), said + " in " + c);
        return;
      }
    }
    throw new AssertionError("no convicted_and_repatriated_conserve_staged check");
  }

  private static void add(double[] sum, double[] v) {
    for (int i = 0; i < 3; i++) {
      sum[i] += v[i];
    }
  }
}
