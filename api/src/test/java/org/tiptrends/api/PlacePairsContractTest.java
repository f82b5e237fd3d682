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
  static Path emptyRoot;
  static TestApi empty;

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

    emptyRoot = Files.createTempDirectory("tiptrends-empty-place-pairs");
    String none = "v20300104T000000Z-0e13e0";
    TestMarts.copyTree(TestMarts.versionDir(), emptyRoot.resolve(none));
    write(emptyRoot.resolve(none), "convicted_by_citizenship", "convicting", "citizenship", "persons", List.of());
    write(emptyRoot.resolve(none), "repatriation_flows", "reporting", "repatriation", "victims", List.of());
    TestMarts.publish(emptyRoot, none);
    empty = new TestApi(emptyRoot, null, false);
  }

  @AfterAll
  static void close() {
    api.close();
    older.close();
    empty.close();
    TestMarts.delete(root);
    TestMarts.delete(olderRoot);
    TestMarts.delete(emptyRoot);
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
  void theSampleFeedsBothMartsAndAnEmptyMartSaysItHoldsNoRows() {
    long sampleRows = TestMarts.mart("convicted_by_citizenship").filter("year = 2019").count();
    assertTrue(sampleRows > 0, "the sample has persons convicted by citizenship in 2019");
    assertEquals(sampleRows, TestApi.shared().json("/api/v1/justice/convicted-by-citizenship?year=2019").get("rows")
        .size());
    assertEquals(TestMarts.mart("repatriation_flows").count(), TestApi.shared().json("/api/v1/repatriation")
        .get("rows").size());
    JsonNode a = empty.json("/api/v1/justice/convicted-by-citizenship?year=2019");
    assertEquals(0, a.get("rows").size());
    assertTrue(a.get("caveats").get(0).asText().contains("holds no convicted_by_citizenship rows"), a.toString());
  }

  // --- the charts of these marts ---

  /** year → flow type → {point, low, high} of the convicted facts of countries in {@code geo}. */
  static Map<Integer, Map<String, double[]>> convictedByYearAndType(String geo) {
    Map<Integer, Map<String, double[]>> out = new TreeMap<>();
    for (Fact f : CONVICTED) {
      var c = ReferenceData.standard().country(f.iso3()).orElseThrow();
      if (geo.equals("WLD") || geo.equals(c.code()) || geo.equals(c.regionCode()) || geo.equals(c.subregionCode())) {
        double[] s = out.computeIfAbsent(f.year(), y -> new TreeMap<>()).computeIfAbsent(f.flowType(), t -> new double[3]);
        s[0] += f.value();
        s[1] += f.low();
        s[2] += f.high();
      }
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource({"WLD", "150", "142", "THA"})
  void theCitizenshipChartOfConvictedPersonsSumsTheGeographysRowsByYearAndFlowType(String geo) {
    HttpResponse<String> r = JusticeContractTest.drawn(api, "/api/v1/charts/convicted-citizenship?geo=" + geo
        + "&format=csv");
    assertEquals(200, r.statusCode(), r.body());
    List<List<String>> rows = JusticeContractTest.csvRows(r.body());
    List<String> header = rows.get(0);
    Map<Integer, Map<String, double[]>> drawn = new TreeMap<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      drawn.computeIfAbsent(Integer.parseInt(row.get(header.indexOf("year"))), y -> new TreeMap<>())
          .put(row.get(header.indexOf("flow_type")), new double[] {Double.parseDouble(row.get(header.indexOf("persons"))),
              Double.parseDouble(row.get(header.indexOf("low"))), Double.parseDouble(row.get(header.indexOf("high")))});
    }
    Map<Integer, Map<String, double[]>> expected = convictedByYearAndType(geo);
    assertEquals(expected.keySet(), drawn.keySet(), geo);
    expected.forEach((year, types) -> {
      assertEquals(types.keySet(), drawn.get(year).keySet(), geo + " " + year);
      types.forEach((type, v) -> org.junit.jupiter.api.Assertions.assertArrayEquals(v, drawn.get(year).get(type), 1e-9,
          geo + " " + year + " " + type));
    });
    String svg = JusticeContractTest.svgText(JusticeContractTest.drawn(api, "/api/v1/charts/convicted-citizenship?geo="
        + geo + "&format=svg").body());
    assertTrue(svg.contains("Persons convicted are counted in the year of conviction, not of the offence"), svg);
  }

  @Test
  void aGeographyWithoutConvictionsByCitizenshipSaysSoAndDrawsNothing() {
    assertTrue(convictedByYearAndType("019").isEmpty(), "no fixture country in the Americas");
    HttpResponse<String> csv = JusticeContractTest.drawn(api, "/api/v1/charts/convicted-citizenship?geo=019&format=csv");
    assertEquals(200, csv.statusCode(), csv.body());
    assertEquals(1, JusticeContractTest.csvRows(csv.body()).size(), "the header only: " + csv.body());
    JsonNode option = api.json("/api/v1/charts/convicted-citizenship?geo=019");
    assertTrue(option.at("/title/0/subtext").asText().startsWith("No country of Americas reported persons convicted "
        + "by citizenship"), option.at("/title").toString());
    assertTrue(option.path("series").isMissingNode() || option.get("series").isEmpty(), "no bar drawn as 0");
  }

  /**
   * The repatriation Sankey: by default the country with most victims in the latest year (NGA in
   * 2018 among the facts), a chosen country in its own latest year; the CSV is the facts of that
   * country-year and the links out of the reporting country carry their total.
   */
  @Test
  void theRepatriationSankeyDrawsTheReportingCountrysRowsOfOneYear() {
    int latest = REPATRIATED.stream().mapToInt(Fact::year).max().orElseThrow();
    Fact largest = REPATRIATED.stream().filter(f -> f.year() == latest)
        .max(java.util.Comparator.comparingDouble(Fact::value)).orElseThrow();
    for (String query : List.of("", "country=CHN")) {
      String iso3 = query.isEmpty() ? largest.iso3() : "CHN";
      int year = REPATRIATED.stream().filter(f -> f.iso3().equals(iso3)).mapToInt(Fact::year).max().orElseThrow();
      List<Fact> expected = REPATRIATED.stream().filter(f -> f.iso3().equals(iso3) && f.year() == year).toList();
      HttpResponse<String> csv = JusticeContractTest.drawn(api, "/api/v1/charts/repatriation-sankey?" + query
          + "&format=csv");
      assertEquals(200, csv.statusCode(), csv.body());
      List<List<String>> rows = JusticeContractTest.csvRows(csv.body());
      assertEquals(expected.size(), rows.size() - 1, csv.body());
      List<String> header = rows.get(0);
      for (int i = 0; i < expected.size(); i++) {
        List<String> row = rows.get(i + 1);
        assertEquals(List.of(String.valueOf(year), iso3, expected.get(i).place(), expected.get(i).flowType()),
            List.of(row.get(0), row.get(1), row.get(header.indexOf("repatriation")), row.get(header.indexOf("flow_type"))));
      }
      JsonNode option = api.json("/api/v1/charts/repatriation-sankey?" + query);
      double out = 0;
      for (JsonNode link : option.at("/series/0/links")) {
        if (link.get("source").asText().startsWith("Reported by ")) {
          out += link.get("value").asDouble();
        }
      }
      assertEquals(expected.stream().mapToDouble(Fact::value).sum(), out, 1e-9, iso3);
      assertTrue(option.at("/title/1/text").asText().contains("does not say which way"), option.at("/title").toString());
    }
    HttpResponse<String> none = api.get("/api/v1/charts/repatriation-sankey?country=THA");
    assertEquals(400, none.statusCode(), none.body());
    assertEquals("country", TestApi.parse(none.body()).get("parameter").asText());
  }

  @Test
  void withoutTheMartsTheirChartsAre409AndListedUnavailable() {
    for (String id : List.of("convicted-citizenship", "repatriation-sankey")) {
      HttpResponse<String> r = older.get("/api/v1/charts/" + id + "?format=csv");
      assertEquals(409, r.statusCode(), id + ": " + r.body());
    }
    Map<String, Boolean> available = new TreeMap<>();
    older.json("/api/v1/charts").get("charts").forEach(c -> available.put(c.get("id").asText(),
        c.get("available").asBoolean()));
    assertEquals(Boolean.FALSE, available.get("convicted-citizenship"));
    assertEquals(Boolean.FALSE, available.get("repatriation-sankey"));
    assertEquals(Boolean.TRUE, available.get("victims-trend"));
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
