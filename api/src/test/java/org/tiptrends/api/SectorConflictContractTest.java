package org.tiptrends.api;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sectors and conflict views against the published marts read with Spark. */
class SectorConflictContractTest {
  final TestApi api = TestApi.shared();

  @Test
  void sectorsForTheWorldAreTheMartsWorldRows() {
    JsonNode a = api.json("/api/v1/sectors");
    List<Row> expected = TestMarts.mart("sectors").filter(col("geo_code").equalTo("WLD")).collectAsList();
    assertEquals("WLD", a.get("geo").asText());
    assertEquals(expected.size(), a.get("rows").size());
    assertEquals("thousands", a.get("unit").asText());
    double expectedTotal = expected.stream().filter(r -> r.getAs("sex").equals("total")
        && r.getAs("age_band").equals("5-17") && r.getAs("sector").equals("total"))
        .mapToDouble(r -> r.<Double>getAs("value")).sum();
    double got = 0;
    for (JsonNode r : a.get("rows")) {
      if (r.get("sex").asText().equals("total") && r.get("ageBand").asText().equals("5-17")
          && r.get("sector").asText().equals("total")) {
        got += r.get("value").asDouble();
      }
    }
    assertEquals(expectedTotal, got, 1e-9);
    assertTrue(got > 0);
  }

  @Test
  void sectorsOfACountryFromTheBulkFileFilterBySexAndAge() {
    JsonNode a = api.json("/api/v1/sectors?geo=BOL&sex=female&age=5-17");
    long expected = TestMarts.mart("sectors").filter(col("geo_code").equalTo("BOL").and(col("sex").equalTo("female"))
        .and(col("age_band").equalTo("5-17"))).count();
    assertEquals(expected, a.get("rows").size());
    assertTrue(expected > 0);
    HttpResponse<String> csv = api.get("/api/v1/sectors?geo=BOL&sex=female&age=5-17&format=csv");
    assertEquals(expected + 1, csv.body().lines().count());
  }

  @Test
  void conflictSplitsEachYearsCountriesByTheConflictData() {
    JsonNode a = api.json("/api/v1/conflict?measure=child_share");
    assertTrue(a.get("years").size() > 0);
    JsonNode year = a.get("years").get(a.get("years").size() - 1);
    int y = year.get("year").asInt();
    Set<String> expectedIn = new HashSet<>();
    Set<String> expectedOut = new HashSet<>();
    int leftOut = 0;
    for (Row r : TestMarts.mart("country_year_panel").filter(col("year").equalTo(y)
        .and(col("child_share").isNotNull()).and(col("in_conflict").isNotNull())).collectAsList()) {
      // a share resting only on <5 cells, anywhere from 0 to 1, tells nothing: left out and counted
      if (r.<Double>getAs("child_share_low") == 0 && r.<Double>getAs("child_share_high") == 1) {
        leftOut++;
        continue;
      }
      (r.<Boolean>getAs("in_conflict") ? expectedIn : expectedOut).add(r.getAs("iso3"));
    }
    assertEquals(leftOut, year.get("leftOut").asInt());
    Set<String> gotIn = new HashSet<>(year.get("inConflict").get("countries").findValuesAsText("iso3"));
    Set<String> gotOut = new HashSet<>(year.get("notInConflict").get("countries").findValuesAsText("iso3"));
    assertEquals(expectedIn, gotIn);
    assertEquals(expectedOut, gotOut);
    double sum = 0;
    for (JsonNode c : year.get("notInConflict").get("countries")) {
      sum += c.get("value").asDouble();
      assertTrue(c.get("low").asDouble() <= c.get("value").asDouble());
    }
    assertEquals(sum / gotOut.size(), year.get("notInConflict").get("mean").asDouble(), 1e-9);
    assertTrue(a.get("caveats").toString().contains("not prevalence"));
    assertTrue(a.get("caveats").toString().contains("gwno_loc"));
    int allLeftOut = 0;
    for (JsonNode yr : a.get("years")) {
      allLeftOut += yr.get("leftOut").asInt();
    }
    assertTrue(allLeftOut > 0, "the sample has child shares resting only on <5 cells");
  }

  @ParameterizedTest
  @CsvSource({"/api/v1/sectors?geo=Atlantis,geo", "/api/v1/sectors?sex=both,sex", "/api/v1/sectors?year=1900,year",
      "/api/v1/conflict?measure=happiness,measure", "/api/v1/conflict?from=2010&to=2000,from",
      "/api/v1/conflict?from=abc,from"})
  void badParametersAreProblemsNamingThem(String target, String parameter) {
    HttpResponse<String> r = api.get(target);
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(parameter, TestApi.parse(r.body()).get("parameter").asText(), r.body());
  }

  /** Marts published from an input without a UCDP file: the job leaves the conflict columns null. */
  @Test
  void conflictOnMartsWithoutUcdpDataIs409SayingWhatIsMissing() throws Exception {
    java.nio.file.Path root = TestMarts.copyOfRoot();
    try {
      java.nio.file.Path panelDir = root.resolve(TestMarts.version()).resolve("country_year_panel");
      org.apache.spark.sql.Dataset<Row> panel = TestMarts.spark().read().parquet(panelDir.toString());
      for (String c : List.of("conflict_max_intensity", "in_conflict")) {
        panel = panel.withColumn(c, org.apache.spark.sql.functions.lit(null).cast(panel.schema().apply(c).dataType()));
      }
      java.nio.file.Path rewritten = panelDir.resolveSibling("country_year_panel.rewritten");
      panel.write().parquet(rewritten.toString());
      TestMarts.delete(panelDir);
      java.nio.file.Files.move(rewritten, panelDir);
      try (TestApi withoutUcdp = new TestApi(root, null, false)) {
        for (String path : List.of("/api/v1/conflict", "/api/v1/conflict?measure=female_share",
            "/api/v1/charts/conflict-comparison", "/api/v1/charts/conflict-comparison?format=svg")) {
          HttpResponse<String> r = withoutUcdp.get(path);
          assertEquals(409, r.statusCode(), path + ": " + r.body());
          assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), path);
          assertTrue(TestApi.parse(r.body()).get("detail").asText().contains("no conflict data"), r.body());
        }
        assertEquals(200, withoutUcdp.get("/api/v1/trends/victims").statusCode(), "the rest still answers");
        assertEquals(200, api.get("/api/v1/conflict").statusCode(), "the marts with conflict data still answer");
      }
    } finally {
      TestMarts.delete(root);
    }
  }
}
