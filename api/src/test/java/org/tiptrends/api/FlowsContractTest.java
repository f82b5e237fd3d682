package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.tiptrends.core.geo.Country;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.core.geo.Region;

/** {@code /api/v1/flows} against {@code flows} and {@code flow_shares} read with Spark. */
class FlowsContractTest {
  static final TestApi API = TestApi.shared();
  static final Set<String> FLOW_TYPES = Set.of("domestic", "subregional", "regional", "transregional",
      "foreign_unspecified", "unknown");

  @Test
  void flowsIntoADestinationInAYearWithItsShares() {
    Row busiest = busiestDestinationYear();
    String dest = MartRows.s(busiest, "destination_iso3");
    int year = MartRows.i(busiest, "year");
    JsonNode a = API.json("/api/v1/flows?destination=" + dest + "&year=" + year);
    assertEquals(dest, a.get("filter").get("destination").get("code").asText());
    assertEquals(year, a.get("filter").get("year").asInt());
    assertFlows(a, r -> MartRows.s(r, "destination_iso3").equals(dest) && MartRows.i(r, "year") == year);
    assertEquals(1, a.get("destinationShares").size());
    assertShares(a.get("destinationShares").get(0), busiest);
  }

  @Test
  void flowsFromACountryInEveryYear() {
    String origin = busiestOriginCountry();
    JsonNode a = API.json("/api/v1/flows?origin=" + origin);
    assertEquals("country", a.get("filter").get("origin").get("level").asText());
    assertFlows(a, r -> MartRows.s(r, "origin_code").equals(origin));
    Set<String> destinationYears = new HashSet<>();
    a.get("flows").forEach(f -> destinationYears.add(f.get("destination").get("code").asText() + "/" + f.get("year").asInt()));
    for (JsonNode s : a.get("destinationShares")) {
      assertTrue(destinationYears.contains(s.get("destination").get("code").asText() + "/" + s.get("year").asInt()));
    }
    assertFalse(a.get("destinationShares").isEmpty());
  }

  @Test
  void anOriginRegionCoversItsSubregionsAndCountries() {
    // which places lie in Africa comes from the M49 table the API uses too: the table is the
    // definition here, and is itself checked against UNODC's Region column (jobs' RealDataRunTest)
    ReferenceData ref = ReferenceData.standard();
    String africa = "002";
    Set<String> covered = new TreeSet<>(Set.of(africa));
    for (Region r : ref.regions()) {
      if (africa.equals(r.parentCode())) {
        covered.add(r.code());
      }
    }
    for (Country c : ref.countries()) {
      if (africa.equals(c.regionCode())) {
        covered.add(c.code());
      }
    }
    JsonNode a = API.json("/api/v1/flows?origin=002&year=2016");
    assertFlows(a, r -> covered.contains(MartRows.s(r, "origin_code")) && MartRows.i(r, "year") == 2016);
    // both directions at once: from Africa into one destination
    Row busiest = busiestDestinationYear();
    String dest = MartRows.s(busiest, "destination_iso3");
    JsonNode both = API.json("/api/v1/flows?destination=" + dest + "&origin=002");
    assertFlows(both, r -> covered.contains(MartRows.s(r, "origin_code")) && MartRows.s(r, "destination_iso3").equals(dest));
  }

  @Test
  void csvIsTheSameRows() throws Exception {
    Row busiest = busiestDestinationYear();
    String q = "/api/v1/flows?destination=" + MartRows.s(busiest, "destination_iso3") + "&year=" + MartRows.i(busiest, "year");
    JsonNode json = API.json(q);
    HttpResponse<String> csv = API.get(q + "&format=csv");
    assertEquals(200, csv.statusCode());
    var rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.body())).getRecords();
    assertEquals(json.get("flows").size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonNode f = json.get("flows").get(i);
      assertEquals(f.get("origin").get("code").asText(), rows.get(i).get("origin"));
      assertEquals(f.get("flowType").asText(), rows.get(i).get("flow_type"));
      assertEquals(f.get("value").asDouble(), Double.parseDouble(rows.get(i).get("value")), 1e-9);
    }
  }

  /** The answer's flows are exactly the mart rows that {@code keep} selects. */
  private static void assertFlows(JsonNode a, Predicate<Row> keep) {
    Map<String, Row> expected = new TreeMap<>();
    for (Row r : MartRows.flows()) {
      if (keep.test(r)) {
        expected.put(key(MartRows.i(r, "year"), MartRows.s(r, "destination_iso3"), MartRows.s(r, "origin_code"),
            MartRows.s(r, "flow_type")), r);
      }
    }
    assertFalse(expected.isEmpty(), "the sample should have such flows");
    Map<String, JsonNode> got = new TreeMap<>();
    for (JsonNode f : a.get("flows")) {
      String k = key(f.get("year").asInt(), f.get("destination").get("code").asText(), f.get("origin").get("code").asText(),
          f.get("flowType").asText());
      assertTrue(got.put(k, f) == null, "one row per key: " + k);
    }
    assertEquals(expected.keySet(), got.keySet());
    expected.forEach((k, r) -> {
      JsonNode f = got.get(k);
      assertEquals(MartRows.d(r, "victims"), f.get("value").asDouble(), 1e-9, k);
      assertEquals(MartRows.d(r, "victims_low"), f.get("low").asDouble(), 1e-9, k);
      assertEquals(MartRows.d(r, "victims_high"), f.get("high").asDouble(), 1e-9, k);
      assertEquals(MartRows.i(r, "source_rows"), f.get("sourceRows").asInt(), k);
      assertEquals(MartRows.s(r, "origin_level"), f.get("origin").get("level").asText(), k);
      assertTrue(FLOW_TYPES.contains(f.get("flowType").asText()), k);
      assertTrue(f.get("low").asDouble() <= f.get("value").asDouble() && f.get("value").asDouble() <= f.get("high").asDouble(), k);
      assertFalse(f.get("origin").get("name").asText().isEmpty(), k);
    });
    for (JsonNode s : a.get("destinationShares")) {
      Row r = MartRows.flowShares().stream()
          .filter(x -> MartRows.s(x, "destination_iso3").equals(s.get("destination").get("code").asText())
              && MartRows.i(x, "year") == s.get("year").asInt()).findFirst().orElseThrow();
      assertShares(s, r);
    }
    assertEquals(TestMarts.version(), a.get("source").get("martVersion").asText());
  }

  private static void assertShares(JsonNode s, Row r) {
    String what = s.get("destination").get("code").asText() + " " + s.get("year").asInt();
    assertEquals(MartRows.d(r, "known_origin_victims"), s.get("knownOriginVictims").get("value").asDouble(), 1e-9, what);
    assertEquals(MartRows.d(r, "known_origin_low"), s.get("knownOriginVictims").get("low").asDouble(), 1e-9, what);
    assertEquals(MartRows.d(r, "known_origin_high"), s.get("knownOriginVictims").get("high").asDouble(), 1e-9, what);
    assertEquals(MartRows.d(r, "foreign_unspecified_victims"), s.get("foreignUnspecifiedVictims").asDouble(), 1e-9, what);
    assertEquals(MartRows.d(r, "unknown_origin_victims"), s.get("unknownOriginVictims").asDouble(), 1e-9, what);
    for (String t : List.of("domestic", "subregional", "regional", "transregional")) {
      JsonNode share = s.get("shares").get(t);
      Object expected = r.getAs(t + "_share");
      if (expected == null) {
        assertTrue(share.isNull(), what + " " + t);
        continue;
      }
      assertEquals((Double) expected, share.get("value").asDouble(), 1e-12, what + " " + t);
      assertEquals(MartRows.d(r, t + "_share_low"), share.get("low").asDouble(), 1e-12, what + " " + t);
      assertEquals(MartRows.d(r, t + "_share_high"), share.get("high").asDouble(), 1e-12, what + " " + t);
    }
  }

  private static String key(int year, String dest, String origin, String type) {
    return year + "/" + dest + "/" + origin + "/" + type;
  }

  /** The flow_shares row with the most known-origin victims. */
  static Row busiestDestinationYear() {
    return MartRows.flowShares().stream()
        .max((x, y) -> Double.compare(MartRows.d(x, "known_origin_victims"), MartRows.d(y, "known_origin_victims")))
        .orElseThrow();
  }

  static String busiestOriginCountry() {
    Map<String, Integer> rows = new TreeMap<>();
    for (Row r : MartRows.flows()) {
      if (MartRows.s(r, "origin_level").equals("country") && !MartRows.s(r, "flow_type").equals("domestic")) {
        rows.merge(MartRows.s(r, "origin_code"), 1, Integer::sum);
      }
    }
    return rows.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }
}
