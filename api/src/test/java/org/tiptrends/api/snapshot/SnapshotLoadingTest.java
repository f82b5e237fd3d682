package org.tiptrends.api.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.api.TestApi;
import org.tiptrends.api.TestMarts;
import org.tiptrends.core.geo.ReferenceData;

/** Loading versions: with and without the indicators mart, broken versions, unsafe CURRENT. */
class SnapshotLoadingTest {

  @Test
  void aVersionWithoutIndicatorsLoadsWithNone(@TempDir Path dir) throws Exception {
    Path older = dir.resolve("v20250101T000000Z-0ld0ld");
    TestMarts.copyTree(TestMarts.versionDir(), older);
    TestMarts.delete(older.resolve("indicators")); // as published before these marts existed
    TestMarts.delete(older.resolve("country_year_panel"));
    MartSnapshot s = MartSnapshot.load(older);
    assertFalse(s.panel().present());
    assertFalse(s.panel().has("detected_victims"));
    assertFalse(s.indicators().present());
    assertTrue(s.indicators().definitions().isEmpty());
    assertTrue(s.indicators().value("NY.GDP.PCAP.CD", "FRA", 2016).isEmpty());
    assertEquals("v20250101T000000Z-0ld0ld", s.version());
    assertTrue(s.victimRows() > 1000);
    assertFalse(s.flows().isEmpty());
    assertTrue(s.countriesIn(ReferenceData.WORLD_CODE).size() > 100);
  }

  @Test
  void theJobsIndicatorsMartLoads() {
    MartSnapshot s = MartSnapshot.load(TestMarts.versionDir());
    assertTrue(s.indicators().present(), "the job publishes indicators from the World Bank sample");
    List<Row> rows = TestMarts.mart("indicators").filter("value is not null").limit(50).collectAsList();
    assertFalse(rows.isEmpty());
    for (Row r : rows) {
      String code = r.getAs("indicator_code");
      assertEquals(((Number) r.getAs("value")).doubleValue(),
          s.indicators().value(code, r.getAs("iso3"), ((Number) r.getAs("year")).intValue()).orElseThrow(), 1e-9);
      assertEquals(r.<String>getAs("indicator_name"), s.indicators().definition(code).orElseThrow().name());
    }
  }

  @Test
  void theJobsCountryYearPanelLoads() {
    MartSnapshot s = MartSnapshot.load(TestMarts.versionDir());
    Panel panel = s.panel();
    assertTrue(panel.present(), "the job publishes country_year_panel");
    assertTrue(panel.has("detected_victims") && panel.has("transregional_share"));
    List<Row> rows = TestMarts.mart("country_year_panel").limit(50).collectAsList();
    assertFalse(rows.isEmpty());
    for (Row r : rows) {
      String iso3 = r.getAs("iso3");
      int year = r.<Integer>getAs("year");
      for (String column : List.of("detected_victims", "transregional_share", "gdp_per_capita")) {
        Object v = r.getAs(column);
        assertEquals(v == null ? java.util.Optional.empty() : java.util.Optional.of(((Number) v).doubleValue()),
            panel.value(column, iso3, year).map(Panel.Value::value), iso3 + " " + year + " " + column);
      }
      Object low = r.getAs("detected_victims_low");
      if (low != null) {
        assertEquals(((Number) low).doubleValue(), panel.value("detected_victims", iso3, year).orElseThrow().low(), 1e-9);
      }
    }
  }

  @Test
  void anIndicatorsMartWithMissingValuesLoads(@TempDir Path dir) throws Exception {
    Path version = dir.resolve("v20300101T000000Z-1d1d1d");
    TestMarts.copyTree(TestMarts.versionDir(), version);
    TestMarts.delete(version.resolve("indicators"));
    StructType schema = new StructType().add("year", DataTypes.IntegerType, false)
        .add("iso3", DataTypes.StringType, false).add("indicator_code", DataTypes.StringType, false)
        .add("indicator_name", DataTypes.StringType, false).add("value", DataTypes.DoubleType, true)
        .add("source", DataTypes.StringType, false);
    List<Row> rows = List.of(
        RowFactory.create(2016, "FRA", "NY.GDP.PCAP.CD", "GDP per capita (current US$)", 37062.5, "World Bank"),
        RowFactory.create(2017, "FRA", "NY.GDP.PCAP.CD", "GDP per capita (current US$)", 38781.0, "World Bank"),
        RowFactory.create(2017, "NGA", "NY.GDP.PCAP.CD", "GDP per capita (current US$)", null, "World Bank"),
        RowFactory.create(2017, "NGA", "SP.POP.TOTL", "Population, total", 1.9e8, "World Bank"));
    TestMarts.spark().createDataFrame(rows, schema).coalesce(1).write()
        .parquet(version.resolve("indicators").toString());
    MartSnapshot s = MartSnapshot.load(version);
    Indicators ind = s.indicators();
    assertTrue(ind.present());
    assertEquals(List.of("NY.GDP.PCAP.CD", "SP.POP.TOTL"), ind.definitions().stream().map(Indicators.Definition::code).toList());
    assertEquals("World Bank", ind.definition("NY.GDP.PCAP.CD").orElseThrow().source());
    assertEquals(38781.0, ind.value("NY.GDP.PCAP.CD", "FRA", 2017).orElseThrow());
    assertTrue(ind.value("NY.GDP.PCAP.CD", "NGA", 2017).isEmpty(), "a missing value is no value");
    assertEquals(2, ind.byCountry("NY.GDP.PCAP.CD").get("FRA").size());
    assertEquals(3, ind.rows());

    Files.writeString(dir.resolve("CURRENT"), version.getFileName() + "\n");
    try (TestApi api = new TestApi(dir, null, false)) {
      JsonNode meta = api.json("/api/v1/meta");
      assertEquals(2, meta.get("indicators").size());
      assertEquals("NY.GDP.PCAP.CD", meta.get("indicators").get(0).get("code").asText());
    }
  }

  @Test
  void aVersionMissingAMartOrAColumnFailsToLoadWithTheReason(@TempDir Path dir) throws Exception {
    Path noFlows = dir.resolve("v1");
    TestMarts.copyTree(TestMarts.versionDir(), noFlows);
    TestMarts.delete(noFlows.resolve("flows"));
    MartLoadException e = assertThrows(MartLoadException.class, () -> MartSnapshot.load(noFlows));
    assertTrue(e.getMessage().contains("flows"), e.getMessage());

    Path noColumn = dir.resolve("v2");
    TestMarts.copyTree(TestMarts.versionDir(), noColumn);
    TestMarts.delete(noColumn.resolve("victims_by_year"));
    TestMarts.mart("victims_by_year").drop("reporting_countries").coalesce(1).write()
        .parquet(noColumn.resolve("victims_by_year").toString());
    e = assertThrows(MartLoadException.class, () -> MartSnapshot.load(noColumn));
    assertTrue(e.getMessage().contains("reporting_countries"), e.getMessage());

    Path noRun = dir.resolve("v3");
    TestMarts.copyTree(TestMarts.versionDir(), noRun);
    Files.delete(noRun.resolve("run.json"));
    e = assertThrows(MartLoadException.class, () -> MartSnapshot.load(noRun));
    assertTrue(e.getMessage().contains("run.json"), e.getMessage());
  }

  @Test
  void theJobsJusticeMartLoadsByMeasureAndAMalformedOneFailsTheVersion(@TempDir Path dir) throws Exception {
    MartSnapshot s = MartSnapshot.load(TestMarts.versionDir());
    assertTrue(s.justice().present(), "the job publishes justice_by_year");
    List<Row> convictedWorld = TestMarts.mart("justice_by_year").filter("measure = 'convicted' and geo_code = 'WLD' "
        + "and sex = 'total' and age = 'total' and form = 'total'").collectAsList();
    assertFalse(convictedWorld.isEmpty());
    for (Row r : convictedWorld) {
      VictimCell c = s.justice().of("convicted").cells("WLD", CellKey.ALL).get(((Number) r.getAs("year")).intValue());
      assertEquals(((Number) r.getAs("persons_high")).doubleValue(), c.victims().high(), 1e-9);
      assertEquals(((Number) r.getAs("reporting_countries")).intValue(), c.reportingCountries());
    }
    assertTrue(s.justice().of("no_such_measure").isEmpty());

    Path broken = dir.resolve("v4");
    TestMarts.copyTree(TestMarts.versionDir(), broken);
    TestMarts.delete(broken.resolve("justice_by_year"));
    TestMarts.mart("justice_by_year").drop("persons_low").coalesce(1).write()
        .parquet(broken.resolve("justice_by_year").toString());
    MartLoadException e = assertThrows(MartLoadException.class, () -> MartSnapshot.load(broken));
    assertTrue(e.getMessage().contains("justice_by_year") && e.getMessage().contains("persons_low"), e.getMessage());
  }

  @Test
  void currentMustNameAVersionDirectoryUnderTheRoot(@TempDir Path dir) throws Exception {
    SnapshotHolder holder = new SnapshotHolder(dir);
    assertEquals(SnapshotHolder.Outcome.NO_CURRENT, holder.reload().outcome());
    assertThrows(SnapshotHolder.NoSnapshotException.class, holder::current);
    for (String bad : List.of("../" + TestMarts.versionDir().getFileName(), "/etc", ".hidden", "a/b", "")) {
      Files.writeString(dir.resolve("CURRENT"), bad + "\n", StandardCharsets.UTF_8);
      assertEquals(SnapshotHolder.Outcome.FAILED, holder.reload(true).outcome(), "CURRENT = '" + bad + "'");
    }
    assertTrue(holder.peek().isEmpty());
  }

  @Test
  void withoutAVersionDataRoutesAnswer503AndHealthSaysSo(@TempDir Path dir) {
    try (TestApi api = new TestApi(dir, null, false)) {
      HttpResponse<String> health = api.get("/api/v1/health");
      assertEquals(503, health.statusCode());
      assertEquals("unavailable", TestApi.parse(health.body()).get("status").asText());
      HttpResponse<String> trends = api.get("/api/v1/trends/victims");
      assertEquals(503, trends.statusCode());
      assertTrue(trends.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
      assertEquals("2", trends.headers().firstValue("Retry-After").orElse(""));
    }
  }
}
