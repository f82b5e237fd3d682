package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tiptrends.core.geo.ReferenceData;

/**
 * {@code /api/v1/justice/convicted-by-citizenship} and {@code /api/v1/repatriation} (issue 13) on
 * hand-made marts in the job's layout: rows filtered by country and year, place names from the M49
 * reference, sums per flow type and {@code <5} rows counted here from the facts.
 */
class PlacePairsContractTest {
  /** year, reporting country, place code, place level, flow type, point, low, high. */
  record Fact(int year, String iso3, String place, String level, String flowType, double value, double low, double high) {}

  static final List<Fact> CONVICTED = List.of(
      new Fact(2019, "THA", "THA", "country", "domestic", 266, 266, 266),
      new Fact(2019, "THA", "MMR", "country", "subregional", 10, 10, 10),
      new Fact(2019, "THA", "UNK", "unknown", "unknown", 2, 0, 4),
      new Fact(2019, "BEL", "ROU", "country", "regional", 16, 16, 16),
      new Fact(2020, "BEL", "NGA", "country", "transregional", 2, 0, 4));
  static final List<Fact> REPATRIATED = List.of(
      new Fact(2018, "NGA", "LBY", "country", "regional", 101, 101, 101),
      new Fact(2016, "CHN", "MMR", "country", "regional", 455, 455, 455));

  static Path root;
  static TestApi api;
  static Path olderRoot;
  static TestApi older;

  @BeforeAll
  static void publish() throws IOException {
    root = Files.createTempDirectory("tiptrends-place-pairs");
    String version = "v20300103T000000Z-13e13e";
    Path dir = root.resolve(version);
    TestMarts.copyTree(TestMarts.versionDir(), dir);
    write(dir, "convicted_by_citizenship", "convicting", "citizenship", "persons", CONVICTED);
    write(dir, "repatriation_flows", "reporting", "repatriation", "victims", REPATRIATED);
    TestMarts.publish(root, version);
    api = new TestApi(root, null, false);

    olderRoot = Files.createTempDirectory("tiptrends-no-place-pairs");
    String old = "v20240101T000000Z-0ld13e";
    TestMarts.copyTree(TestMarts.versionDir(), olderRoot.resolve(old));
    TestMarts.delete(olderRoot.resolve(old).resolve("convicted_by_citizenship"));
    TestMarts.delete(olderRoot.resolve(old).resolve("repatriation_flows"));
    TestMarts.publish(olderRoot, old);
    older = new TestApi(olderRoot, null, false);
  }

  @AfterAll
  static void close() {
    api.close();
    older.close();
    TestMarts.delete(root);
    TestMarts.delete(olderRoot);
  }

  /** The job's columns ({@code PlacePairSums.columns}) for one mart, its country's names from the M49 reference. */
  static void write(Path version, String mart, String reporting, String place, String count, List<Fact> facts) {
    TestMarts.delete(version.resolve(mart));
    StructType schema = new StructType().add("year", DataTypes.IntegerType).add(reporting + "_iso3", DataTypes.StringType)
        .add(reporting + "_name", DataTypes.StringType).add(reporting + "_subregion_code", DataTypes.StringType)
        .add(reporting + "_region_code", DataTypes.StringType).add(place + "_code", DataTypes.StringType)
        .add(place + "_level", DataTypes.StringType).add("flow_type", DataTypes.StringType)
        .add(count, DataTypes.DoubleType).add(count + "_low", DataTypes.DoubleType)
        .add(count + "_high", DataTypes.DoubleType).add("source_rows", DataTypes.IntegerType);
    List<Row> rows = new ArrayList<>();
    for (Fact f : facts) {
      var c = ReferenceData.standard().country(f.iso3()).orElseThrow();
      rows.add(RowFactory.create(f.year(), f.iso3(), c.name(), c.subregionCode(), c.regionCode(), f.place(), f.level(),
          f.flowType(), f.value(), f.low(), f.high(), 1));
    }
    TestMarts.spark().createDataFrame(rows, schema).coalesce(1).write().parquet(version.resolve(mart).toString());
  }

  @Test
  void oneCountryYearsConvictedByCitizenshipWithSumsPerFlowType() {
    JsonNode a = api.json("/api/v1/justice/convicted-by-citizenship?country=tha&year=2019");
    List<Fact> expected = CONVICTED.stream().filter(f -> f.iso3().equals("THA") && f.year() == 2019).toList();
    assertEquals(expected.size(), a.get("rows").size());
    assertEquals("THA", a.get("country").get("code").asText());
    Map<String, double[]> sums = new TreeMap<>();
    int suppressed = 0;
    for (Fact f : expected) {
      double[] s = sums.computeIfAbsent(f.flowType(), k -> new double[3]);
      s[0] += f.value();
      s[1] += f.low();
      s[2] += f.high();
      suppressed += f.low() != f.high() ? 1 : 0;
    }
    java.util.Set<String> types = new java.util.TreeSet<>();
    a.get("byFlowType").fieldNames().forEachRemaining(types::add);
    assertEquals(sums.keySet(), types);
    sums.forEach((type, s) -> {
      JsonNode b = a.get("byFlowType").get(type);
      assertEquals(s[0], b.get("value").asDouble(), 1e-9, type);
      assertEquals(s[1], b.get("low").asDouble(), 1e-9, type);
      assertEquals(s[2], b.get("high").asDouble(), 1e-9, type);
    });
    assertEquals(suppressed, a.get("suppressedRows").asInt());
    JsonNode first = a.get("rows").get(0);
    assertEquals(266, first.get("value").asDouble(), 1e-9, "largest first");
    JsonNode myanmar = a.get("rows").get(1);
    assertEquals(ReferenceData.standard().country("MMR").orElseThrow().name(), myanmar.get("place").get("name").asText());
    assertEquals("subregional", myanmar.get("flowType").asText());
    JsonNode unknown = a.get("rows").get(2);
    assertEquals(0, unknown.get("low").asDouble(), 1e-9);
    assertEquals(4, unknown.get("high").asDouble(), 1e-9, "a <5 cell keeps its bounds");
    assertTrue(a.get("caveats").toString().contains("year of conviction"), a.get("caveats").toString());
  }

  @Test
  void withoutFiltersEveryRowAndCsvIsTheSameTable() {
    JsonNode a = api.json("/api/v1/justice/convicted-by-citizenship");
    assertEquals(CONVICTED.size(), a.get("rows").size());
    HttpResponse<String> csv = api.get("/api/v1/justice/convicted-by-citizenship?format=csv");
    assertEquals(200, csv.statusCode());
    String[] lines = csv.body().strip().split("\r?\n");
    assertTrue(lines[0].startsWith("year,country_iso3,country_name,place_code,place_name,place_level,flow_type,persons,"
        + "persons_low,persons_high,source_rows"), lines[0]);
    assertEquals(CONVICTED.size() + 1, lines.length, csv.body());
  }

  @Test
  void repatriationRowsSayTheExportLeavesTheDirectionOpen() {
    JsonNode a = api.json("/api/v1/repatriation?country=NGA");
    assertEquals(1, a.get("rows").size());
    JsonNode r = a.get("rows").get(0);
    assertEquals("LBY", r.get("place").get("code").asText());
    assertEquals(101, r.get("value").asDouble(), 1e-9);
    assertEquals("regional", r.get("flowType").asText());
    assertEquals("victims", a.get("count").asText());
    assertTrue(a.get("caveats").toString().contains("does not say which way"), a.get("caveats").toString());
    assertEquals(2, api.json("/api/v1/repatriation").get("rows").size());
  }

  @Test
  void theSampleHasNoSuchRowsAndSaysSo() {
    JsonNode a = TestApi.shared().json("/api/v1/justice/convicted-by-citizenship?year=2019");
    assertEquals(0, a.get("rows").size());
    assertTrue(a.get("caveats").get(0).asText().contains("holds no convicted_by_citizenship rows"), a.toString());
  }

  @Test
  void aVersionWithoutTheMartsIs409() {
    for (String path : List.of("/api/v1/justice/convicted-by-citizenship", "/api/v1/repatriation")) {
      HttpResponse<String> r = older.get(path);
      assertEquals(409, r.statusCode(), path + ": " + r.body());
      assertTrue(TestApi.parse(r.body()).get("detail").asText().contains("published before that mart existed"));
    }
  }

  @ParameterizedTest
  @CsvSource({"/api/v1/justice/convicted-by-citizenship?country=XYZ,country", "/api/v1/repatriation?year=abc,year",
      "/api/v1/repatriation?geo=WLD,geo"})
  void badParametersAreProblemsNamingThem(String target, String parameter) {
    HttpResponse<String> r = api.get(target);
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(parameter, TestApi.parse(r.body()).get("parameter").asText(), r.body());
  }
}
