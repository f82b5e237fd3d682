package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tiptrends.jobs.NightlyRun;
import org.tiptrends.jobs.Prerequisites;

/**
 * Every chart of the catalogue in every format on marts built from the real exports in
 * {@code ../shared/realdata} (skipped where that folder is absent, failed where it is required: see
 * {@link Prerequisites}), and the scatter showing the
 * Global Report's finding: richer destination countries detect larger shares of victims from other
 * regions.
 */
class RealDataChartsIT {
  static Path marts;
  static TestApi api;

  @BeforeAll
  static void build() throws IOException {
    Path real = Prerequisites.realData();
    marts = Files.createTempDirectory("tiptrends-real-marts");
    new NightlyRun(TestMarts.spark(), m -> {}).run(real, marts);
    api = new TestApi(marts, null, false);
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
    if (marts != null) {
      TestMarts.delete(marts);
    }
  }

  static HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.uri(pathAndQuery))
        .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void everyChartAnswersInEveryFormat() throws Exception {
    for (String id : ChartsContractTest.CHARTS) {
      for (String format : new String[] {"echarts", "csv", "svg", "png"}) {
        HttpResponse<byte[]> r = get("/api/v1/charts/" + id + "?format=" + format);
        assertEquals(200, r.statusCode(), id + " " + format + ": " + new String(r.body()));
        assertTrue(r.body().length > 200, id + " " + format + " is empty");
      }
    }
  }

  @Test
  void catalogueOffersEveryChartOnTheRealExports() {
    JsonNode catalogue = api.json("/api/v1/charts");
    assertEquals(ChartsContractTest.CHARTS.size(), catalogue.get("charts").size());
    for (JsonNode c : catalogue.get("charts")) {
      assertTrue(c.get("available").asBoolean(), c.toString());
    }
  }

  /**
   * The real UCDP/PRIO release gives the conflict comparison data: each year's groups hold every panel
   * country with the measure, split by the conflict mart read here with Spark, not through the API.
   */
  @Test
  void conflictComparisonSplitsThePanelByTheConflictMart() {
    var spark = TestMarts.spark();
    Path version = marts.resolve(api.json("/api/v1/meta").get("version").asText());
    var panel = spark.read().parquet(version.resolve("country_year_panel").toString());
    var conflict = spark.read().parquet(version.resolve("conflict").toString());
    JsonNode answer = api.json("/api/v1/conflict?measure=child_share&from=2018&to=2018");
    JsonNode y2018 = answer.get("years").get(0);
    assertEquals(2018, y2018.get("year").asInt());
    var joined = panel.filter("year = 2018 AND child_share IS NOT NULL")
        .join(conflict.filter("year = 2018"), "iso3");
    long inConflict = joined.filter("max_intensity > 0").count();
    long notInConflict = joined.filter("max_intensity = 0").count();
    assertTrue(inConflict >= 5, inConflict + " countries in conflict with a child share in 2018");
    assertEquals(inConflict, y2018.get("inConflict").get("n").asLong());
    assertEquals(notInConflict, y2018.get("notInConflict").get("n").asLong());
  }

  @Test
  void scatterShowsThePositiveRelationWithItsStatistics() throws Exception {
    JsonNode corr = api.json("/api/v1/correlations/gdp-transregional");
    assertTrue(corr.get("n").asInt() >= 100, "countries: " + corr.get("n"));
    assertTrue(corr.get("r").asDouble() > 0.5, "Spearman r " + corr.get("r"));
    assertTrue(corr.get("pValue").asDouble() < 1e-6, "p " + corr.get("pValue"));
    String svg = new String(get("/api/v1/charts/gdp-transregional-scatter?format=svg").body());
    String statistic = String.format(Locale.ROOT, "Spearman r = %.2f (95%% CI %.2f to %.2f)", corr.get("r").asDouble(),
        corr.get("ci95").get(0).asDouble(), corr.get("ci95").get(1).asDouble());
    assertTrue(svg.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").contains(statistic.split(" \\(")[0]), statistic);
    JsonNode option = TestApi.parse(new String(get("/api/v1/charts/gdp-transregional-scatter").body()));
    assertTrue(option.get("title").get(0).get("subtext").asText().startsWith(statistic),
        option.get("title").get(0).get("subtext").asText());
    assertTrue(option.get("aria").get("label").get("description").asText()
        .contains("higher GDP per capita detect larger shares of victims from other regions"));
    // the least-squares line rises from the poorest to the richest country
    JsonNode ols = option.get("series").get(1).get("data");
    assertTrue(ols.get(1).get(1).asDouble() > ols.get(0).get(1).asDouble(), ols.toString());
  }
}
