package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The world map chart (issue 14) on the bundled sample: every country with a rate is coloured by its
 * bin, every other shape is "No data" grey, never a colour of the scale; the SVG drawn on the server
 * holds exactly those fills; the CSV lists the countries with a value the shapes lack.
 */
class MapChartTest {
  static final TestApi API = TestApi.shared();
  static final String GREY = "#d9d9d9";
  static final Set<String> BLUES = Set.of("#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c");

  /** ISO3 of every shape, read from the committed GeoJSON. */
  static Set<String> shapes() throws Exception {
    JsonNode geo = TestApi.JSON.readTree(Files.readString(TestMarts.datasets()
        .resolve("reference/world-atlas/world_countries.geo.json")));
    Set<String> out = new TreeSet<>();
    geo.get("features").forEach(f -> out.add(f.get("properties").get("a3").asText()));
    return out;
  }

  /** iso3 → {rate, low, high} from the panel mart read with Spark. */
  static Map<String, double[]> rates(int year) {
    Map<String, double[]> out = new TreeMap<>();
    for (Row r : TestMarts.mart("country_year_panel").filter("victims_per_100k is not null and year = " + year)
        .collectAsList()) {
      out.put(r.getAs("iso3"), new double[] {r.<Double>getAs("victims_per_100k"),
          r.<Double>getAs("victims_per_100k_low"), r.<Double>getAs("victims_per_100k_high")});
    }
    return out;
  }

  @Test
  void everyCountryWithARateIsColouredAndTheRestIsNoData() throws Exception {
    int year = 2015;
    JsonNode option = TestApi.parse(ChartsContractTest.ok("/api/v1/charts/map?year=" + year).text());
    Map<String, double[]> rates = rates(year);
    Set<String> shapes = shapes();
    assertTrue(rates.size() > 30, rates.size() + " countries");
    Map<String, String> fill = new HashMap<>();
    option.get("geo").get("regions").forEach(r -> fill.put(r.get("name").asText(),
        r.get("itemStyle").get("areaColor").asText()));
    assertEquals(shapes, fill.keySet(), "every shape is drawn");
    Map<String, Integer> perColour = new TreeMap<>();
    for (String iso3 : shapes) {
      String colour = fill.get(iso3);
      if (rates.containsKey(iso3)) {
        assertTrue(BLUES.contains(colour), iso3 + " has a rate but is drawn " + colour);
      } else {
        assertEquals(GREY, colour, iso3 + " has no rate: No data");
      }
      perColour.merge(colour, 1, Integer::sum);
    }
    // bins rise with the value: a larger rate never sits in a lighter class
    List<String> order = List.of("#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c");
    for (String a : rates.keySet()) {
      for (String b : rates.keySet()) {
        if (shapes.contains(a) && shapes.contains(b) && rates.get(a)[0] < rates.get(b)[0]) {
          assertTrue(order.indexOf(fill.get(a)) <= order.indexOf(fill.get(b)), a + " vs " + b);
        }
      }
    }
    JsonNode legend = option.get("legend").get("data");
    assertTrue(legend.toString().contains("No data"), legend.toString());
    assertTrue(legend.get(0).asText().startsWith("< "), "bin edges in the legend: " + legend);
    String footnote = option.get("title").get(1).get("text").asText();
    assertTrue(footnote.contains("do not imply official endorsement or acceptance by the United Nations"), footnote);
    assertTrue(footnote.contains("not prevalence") || footnote.contains("detected"), footnote);
    // a country whose rate rests on <5 cells says so in its tooltip
    for (JsonNode r : option.get("geo").get("regions")) {
      double[] v = rates.get(r.get("name").asText());
      String tip = r.get("tooltip").get("formatter").asText();
      if (v != null) {
        assertTrue(tip.contains(String.valueOf(year)) && tip.contains("Source:"), tip);
        assertEquals(v[1] < v[2], tip.contains("<5 cells"), tip);
        assertEquals(v[1] < v[2], r.get("itemStyle").has("borderType"), "dashed outline: " + r);
      } else {
        assertTrue(tip.contains("No data"), tip);
      }
    }

    // the SVG drawn on the server: one filled path per shape in its colour (plus one legend symbol per class)
    Document svg = ChartsContractTest.svg("/api/v1/charts/map?format=svg&year=" + year);
    for (Map.Entry<String, Integer> e : perColour.entrySet()) {
      int drawn = ChartsContractTest.count(svg, "path", "fill", e.getKey());
      assertTrue(drawn >= e.getValue() && drawn <= e.getValue() + 2, e.getKey() + ": " + drawn + " paths, "
          + e.getValue() + " shapes");
    }

    List<CSVRecord> csv = ChartsContractTest.csv("/api/v1/charts/map?format=csv&year=" + year);
    Set<String> listed = new TreeSet<>();
    for (CSVRecord r : csv) {
      listed.add(r.get("iso3"));
      assertEquals(shapes.contains(r.get("iso3")), Boolean.parseBoolean(r.get("on_map")), r.toString());
      assertEquals(rates.get(r.get("iso3"))[0], Double.parseDouble(r.get("value")), 1e-9, r.toString());
    }
    assertEquals(rates.keySet(), listed, "every country with a rate is in the CSV, on the map or not");
  }

  @Test
  void otherPanelMeasuresAndBadParameters() {
    JsonNode option = TestApi.parse(ChartsContractTest.ok("/api/v1/charts/map?measure=gdp_per_capita").text());
    assertTrue(option.get("title").get(0).get("text").asText().startsWith("GDP per capita"));
    assertEquals(400, API.get("/api/v1/charts/map?measure=nonsense").statusCode());
    assertEquals(400, API.get("/api/v1/charts/map?year=1800").statusCode());
  }
}
