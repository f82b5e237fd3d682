package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The correlation views against points picked independently from the published panel (read with
 * Spark) and coefficients from Commons Math's own Spearman and Pearson classes.
 */
class CorrelationContractTest {
  final TestApi api = TestApi.shared();

  /** iso3 → {year, x, y} per the view's rule, from the panel rows. */
  static Map<String, double[]> expectedPoints(String x, String y, Integer year, String victims, double min) {
    Map<String, double[]> out = new TreeMap<>();
    for (Row r : TestMarts.mart("country_year_panel").collectAsList()) {
      if (r.isNullAt(r.fieldIndex(x)) || r.isNullAt(r.fieldIndex(y)) || onlySuppressed(r, x) || onlySuppressed(r, y)) {
        continue;
      }
      int yr = r.getInt(r.fieldIndex("year"));
      if (year != null && yr != year) {
        continue;
      }
      if (victims != null && (r.isNullAt(r.fieldIndex(victims)) || r.<Double>getAs(victims) < min)) {
        continue;
      }
      String iso3 = r.getAs("iso3");
      double[] prev = out.get(iso3);
      if (prev == null || prev[0] < yr) {
        out.put(iso3, new double[] {yr, r.<Double>getAs(x), r.<Double>getAs(y)});
      }
    }
    return out;
  }

  /** A share whose bounds are 0 and 1: it rests only on {@code <5} cells and is left out. */
  static boolean onlySuppressed(Row r, String measure) {
    java.util.List<String> columns = java.util.List.of(r.schema().fieldNames());
    return columns.contains(measure + "_low") && !r.isNullAt(r.fieldIndex(measure + "_low"))
        && r.<Double>getAs(measure + "_low") == 0 && r.<Double>getAs(measure + "_high") == 1;
  }

  @Test
  void gdpAgainstTransregionalShareUsesEachCountrysLatestQualifyingYear() {
    JsonNode a = api.json("/api/v1/correlations/gdp-transregional");
    Map<String, double[]> expected = expectedPoints("gdp_per_capita", "transregional_share", null,
        "known_origin_victims", 20);
    assertEquals("spearman", a.get("method").asText());
    assertEquals(expected.size(), a.get("n").asInt());
    assertTrue(a.get("n").asInt() >= 20, "the sample gives a real scatter: " + a.get("n"));
    double[] xs = new double[expected.size()];
    double[] ys = new double[expected.size()];
    int i = 0;
    for (JsonNode p : a.get("points")) {
      double[] e = expected.get(p.get("iso3").asText());
      assertEquals((int) e[0], p.get("year").asInt(), p.get("iso3").asText());
      assertEquals(e[1], p.get("x").asDouble(), 1e-9);
      assertEquals(e[2], p.get("y").asDouble(), 1e-9);
      assertTrue(p.get("victims").asDouble() >= 20);
      assertTrue(p.get("yLow").asDouble() <= p.get("y").asDouble() && p.get("y").asDouble() <= p.get("yHigh").asDouble());
      xs[i] = e[1];
      ys[i++] = e[2];
    }
    assertEquals(new SpearmansCorrelation().correlation(xs, ys), a.get("r").asDouble(), 1e-9);
    double lo = a.get("ci95").get(0).asDouble();
    double hi = a.get("ci95").get(1).asDouble();
    assertTrue(lo < a.get("r").asDouble() && a.get("r").asDouble() < hi);
    assertTrue(a.get("pValue").asDouble() >= 0 && a.get("pValue").asDouble() <= 1);
    assertTrue(a.get("fit").get("logX").asBoolean());
    assertTrue(a.get("fit").has("slope") && a.get("fit").has("intercept") && a.get("fit").has("r2"));
    assertTrue(a.get("caveats").toString().contains("not prevalence"));
  }

  @Test
  void aChosenYearMethodAndThresholdAreHonoured() {
    JsonNode a = api.json("/api/v1/correlations/gdp-transregional?year=2016&minVictims=5&method=pearson&logX=false");
    Map<String, double[]> expected = expectedPoints("gdp_per_capita", "transregional_share", 2016,
        "known_origin_victims", 5);
    assertEquals(expected.size(), a.get("n").asInt());
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    expected.values().forEach(e -> {
      xs.add(e[1]);
      ys.add(e[2]);
    });
    double r = new PearsonsCorrelation().correlation(xs.stream().mapToDouble(d -> d).toArray(),
        ys.stream().mapToDouble(d -> d).toArray());
    assertEquals(r, a.get("r").asDouble(), 1e-9);
    assertTrue(a.get("points").findValues("year").stream().allMatch(y -> y.asInt() == 2016));
  }

  /** Issue 13: convictions per 100 detected victims, a panel measure like any other. */
  @Test
  void convictionsPer100VictimsAgainstGdpPerCapita() {
    JsonNode a = api.json("/api/v1/correlations?x=gdp_per_capita&y=convictions_per_100_victims&method=pearson");
    Map<String, double[]> expected = expectedPoints("gdp_per_capita", "convictions_per_100_victims", null,
        "detected_victims", 20);
    assertTrue(expected.size() >= 10, "the sample gives convictions and victims for " + expected.size() + " countries");
    assertEquals(expected.size(), a.get("n").asInt());
    double[] xs = new double[expected.size()];
    double[] ys = new double[expected.size()];
    int i = 0;
    for (JsonNode p : a.get("points")) {
      double[] e = expected.get(p.get("iso3").asText());
      assertEquals((int) e[0], p.get("year").asInt(), p.get("iso3").asText());
      assertEquals(e[2], p.get("y").asDouble(), 1e-9);
      assertTrue(p.get("yLow").asDouble() <= p.get("y").asDouble() && p.get("y").asDouble() <= p.get("yHigh").asDouble());
      xs[i] = Math.log10(e[1]);
      ys[i++] = e[2];
    }
    // GDP per capita is on a log scale by default; Pearson's r is computed on what is plotted
    assertEquals(new PearsonsCorrelation().correlation(xs, ys), a.get("r").asDouble(), 1e-9);
    assertEquals("convictions_per_100_victims", a.get("y").get("name").asText());
  }

  @Test
  void anyTwoMeasuresOfThePanelOrIndicators() {
    JsonNode a = api.json("/api/v1/correlations?x=NY.GDP.PCAP.CD&y=female_share&method=kendall");
    assertEquals("kendall", a.get("method").asText());
    assertEquals("NY.GDP.PCAP.CD", a.get("x").get("name").asText());
    // the same default threshold as the GDP-transregional view: 20 detected victims
    assertEquals(expectedPoints("gdp_per_capita", "female_share", null, "detected_victims", 20).size(),
        a.get("n").asInt());
    assertEquals(20, a.get("minVictims").asInt());
    HttpResponse<String> csv = api.get("/api/v1/correlations?x=gdp_per_capita&y=child_share&format=csv");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.body().startsWith("iso3,name,year,gdp_per_capita,child_share"), csv.body().lines().findFirst().orElse(""));
    assertEquals(expectedPoints("gdp_per_capita", "child_share", null, "detected_victims", 20).size() + 1,
        csv.body().lines().count());
  }

  /** The same question on the generic route gets the same answer: default threshold, its count, the points. */
  @Test
  void theGenericRouteAnswersTheGdpTransregionalQuestionAlike() {
    JsonNode named = api.json("/api/v1/correlations/gdp-transregional");
    JsonNode generic = api.json("/api/v1/correlations?x=gdp_per_capita&y=transregional_share");
    assertEquals(named.get("minVictims").asInt(), generic.get("minVictims").asInt());
    assertEquals(named.get("n").asInt(), generic.get("n").asInt());
    assertEquals(named.get("r").asDouble(), generic.get("r").asDouble(), 1e-12);
    assertEquals(named.get("points"), generic.get("points"));
    JsonNode lower = api.json("/api/v1/correlations?x=gdp_per_capita&y=transregional_share&minVictims=0");
    assertTrue(lower.get("n").asInt() > generic.get("n").asInt(), "the threshold does leave countries out");
  }

  @ParameterizedTest
  @CsvSource({
      "/api/v1/correlations/gdp-transregional?method=spearmann,method",
      "/api/v1/correlations/gdp-transregional?minVictims=-1,minVictims",
      "/api/v1/correlations/gdp-transregional?minVictims=abc,minVictims",
      "/api/v1/correlations/gdp-transregional?minVictims=999999,minVictims",
      "/api/v1/correlations/gdp-transregional?year=1800,year",
      "/api/v1/correlations/gdp-transregional?logX=perhaps,logX",
      "/api/v1/correlations?x=nothing&y=female_share,x",
      "/api/v1/correlations?x=gdp_per_capita,y"})
  void badParametersAreProblemsNamingThem(String target, String parameter) {
    HttpResponse<String> r = api.get(target);
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"));
    assertEquals(parameter, TestApi.parse(r.body()).get("parameter").asText(), r.body());
  }
}
