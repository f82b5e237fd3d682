package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/health} and {@code /api/v1/meta} against the sample files, marts and run.json. */
class MetaContractTest {
  static final TestApi API = TestApi.shared();

  @Test
  void healthNamesTheLiveVersion() {
    HttpResponse<String> r = API.get("/api/v1/health");
    assertEquals(200, r.statusCode());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    JsonNode h = TestApi.parse(r.body());
    assertEquals("ok", h.get("status").asText());
    assertEquals(TestMarts.version(), h.get("version").asText());
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
  }

  @Test
  void sourcesAreTheSampleFilesWithTheirHashes() throws Exception {
    JsonNode meta = API.json("/api/v1/meta");
    assertEquals(TestMarts.version(), meta.get("version").asText());
    Map<String, String> hashes = new HashMap<>();
    try (Stream<Path> files = Files.walk(TestMarts.datasets().resolve("raw"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        hashes.put(f.getParent().getFileName() + "/" + f.getFileName(),
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
      }
    }
    assertEquals(hashes.size(), meta.get("sources").size(), "every sample file is listed once");
    Set<String> sources = new TreeSet<>();
    for (JsonNode s : meta.get("sources")) {
      String file = s.get("file").asText();
      assertFalse(file.contains("/"), "no server paths");
      String key = s.get("source").asText() + "/" + file;
      assertEquals(hashes.get(key), s.get("sha256").asText(), key);
      assertFalse(s.get("publisher").asText().isBlank(), key);
      assertTrue(s.get("rowsRead").asLong() > 0, key);
      sources.add(s.get("source").asText());
      // every sample file is generated: no publisher's name or export date may pass it off as official
      assertTrue(s.get("generated").asBoolean(), key);
      assertEquals("tip-trends generate (generated sample data, not official statistics)", s.get("publisher").asText());
      assertTrue(s.get("exportDate").isNull(), key);
      if (s.get("source").asText().equals("unodc")) {
        assertTrue(s.get("rowsRead").asLong() > 1000);
      }
    }
    assertTrue(sources.contains("unodc"), sources.toString());
    assertTrue(meta.get("generated").asBoolean(), "the version is marked as built from generated inputs");
    assertEquals(0, meta.get("report").get("warnings").size(), "generated inputs are no warning: nothing is wrong");
  }

  @Test
  void countriesTheMapShapesLackAreListed() throws Exception {
    Set<String> shapes = MapChartTest.shapes();
    Set<String> expected = new TreeSet<>();
    for (Row r : MartRows.victims()) {
      if (MartRows.s(r, "geo_level").equals("country") && !shapes.contains(MartRows.s(r, "geo_code"))) {
        expected.add(MartRows.s(r, "geo_code"));
      }
    }
    Set<String> listed = new TreeSet<>();
    for (JsonNode g : API.json("/api/v1/meta").get("notOnMap")) {
      assertEquals("country", g.get("level").asText(), g.toString());
      assertFalse(g.get("name").asText().isEmpty(), g.toString());
      listed.add(g.get("code").asText());
    }
    assertFalse(expected.isEmpty(), "the sample has countries the shapes lack (small territories)");
    assertEquals(expected, listed);
  }

  @Test
  void yearsGeographiesAndBreakdownsAreThoseOfTheMart() {
    JsonNode meta = API.json("/api/v1/meta");
    Set<Integer> years = new TreeSet<>();
    Map<String, String> levels = new HashMap<>();
    Set<String> sexes = new TreeSet<>();
    for (Row r : MartRows.victims()) {
      years.add(MartRows.i(r, "year"));
      levels.put(MartRows.s(r, "geo_code"), MartRows.s(r, "geo_level"));
      sexes.add(MartRows.s(r, "sex"));
    }
    assertEquals(((TreeSet<Integer>) years).first(), meta.get("years").get("from").asInt());
    assertEquals(((TreeSet<Integer>) years).last(), meta.get("years").get("to").asInt());
    assertEquals(years.size(), meta.get("years").get("list").size());
    assertEquals(levels.size(), meta.get("geographies").size());
    for (JsonNode g : meta.get("geographies")) {
      assertEquals(levels.get(g.get("code").asText()), g.get("level").asText(), g.toString());
      assertFalse(g.get("name").asText().isEmpty(), g.toString());
    }
    assertEquals("WLD", meta.get("geographies").get(0).get("code").asText());
    assertEquals(sexes, new TreeSet<>(TestApi.JSON.convertValue(meta.get("breakdowns").get("values").get("sex"), java.util.List.class)));
    assertEquals("[\"none\",\"sex\",\"age\",\"form\",\"demographic\"]", meta.get("breakdowns").get("by").toString());
    assertEquals("[\"women\",\"men\",\"girls\",\"boys\"]", meta.get("breakdowns").get("values").get("demographic").toString());
    Set<String> codes = new TreeSet<>();
    if (java.nio.file.Files.isDirectory(TestMarts.versionDir().resolve("indicators"))) {
      for (Row r : TestMarts.mart("indicators").select("indicator_code").distinct().collectAsList()) {
        codes.add(r.getString(0));
      }
    }
    Set<String> listed = new TreeSet<>();
    meta.get("indicators").forEach(i -> listed.add(i.get("code").asText()));
    assertEquals(codes, listed, "the indicators of the indicators mart");
  }

  @Test
  void reportSummaryIsTheRunReport() throws Exception {
    JsonNode run = TestApi.JSON.readTree(TestMarts.versionDir().resolve("run.json").toFile());
    JsonNode report = API.json("/api/v1/meta").get("report");
    assertEquals(run.get("run_id").asText(), report.get("runId").asText());
    assertEquals(run.get("quarantine").get("rows").asLong(), report.get("quarantineRows").asLong());
    assertTrue(report.get("quarantineRows").asLong() > 0);
    assertEquals(run.get("quarantine").get("by_reason").size(), report.get("quarantineByReason").size());
    assertEquals(run.get("excluded_non_country_codes").size(), report.get("excludedCodes").size());
    assertEquals(run.get("citizenship").get("resolved_share").asDouble(), report.get("resolvedShare").asDouble(), 0);
    assertEquals(run.get("checks").size(), report.get("checks").size());
    for (JsonNode c : report.get("checks")) {
      assertTrue(Set.of("pass", "warn", "fail").contains(c.get("status").asText()), c.toString());
    }
    assertEquals(run.get("outputs").get("victims_by_year").asLong(), report.get("outputs").get("victims_by_year").asLong());
  }

  /**
   * Issue 15: the choices a dashboard offers are those with data. flowDestinations is every
   * destination of the flows mart; correlationYears are exactly the years in which the correlation
   * endpoint answers (with its defaults), every other year of the version being refused.
   */
  @Test
  void theChoicesMetaListsAreExactlyThoseWithData() {
    JsonNode meta = API.json("/api/v1/meta");
    Set<String> destinations = new TreeSet<>();
    MartRows.flows().forEach(r -> destinations.add(MartRows.s(r, "destination_iso3")));
    Set<String> listed = new TreeSet<>();
    meta.get("flowDestinations").forEach(c -> listed.add(c.asText()));
    assertTrue(destinations.size() > 10, destinations.toString());
    assertEquals(destinations, listed);

    Set<Integer> answering = new TreeSet<>();
    Set<Integer> refused = new TreeSet<>();
    meta.get("years").get("list").forEach(y -> {
      int status = API.get("/api/v1/correlations/gdp-transregional?year=" + y.asInt()).statusCode();
      assertTrue(status == 200 || status == 400, y + ": " + status);
      (status == 200 ? answering : refused).add(y.asInt());
    });
    Set<Integer> offered = new TreeSet<>();
    meta.get("correlationYears").forEach(y -> offered.add(y.asInt()));
    assertEquals(answering, offered);
    assertFalse(offered.isEmpty(), "the sample has years to correlate");
  }
}
