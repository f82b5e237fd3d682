package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.tiptrends.core.geo.Country;
import org.tiptrends.core.geo.ReferenceData;

/** {@code /api/v1/trends/victims} against the rows of {@code victims_by_year} read with Spark. */
class TrendsContractTest {
  static final TestApi API = TestApi.shared();
  /** The cell of each series key, written out here rather than taken from the API's code. */
  static final Map<String, Map<String, String[]>> CELLS = Map.of(
      "none", Map.of("total", new String[] {"total", "total", "total"}),
      "sex", Map.of("female", new String[] {"female", "total", "total"}, "male", new String[] {"male", "total", "total"},
          "unknown", new String[] {"unknown", "total", "total"}),
      "age", Map.of("adult", new String[] {"total", "adult", "total"}, "child", new String[] {"total", "child", "total"},
          "unknown", new String[] {"total", "unknown", "total"}),
      "form", Map.of("sexual_exploitation", new String[] {"total", "total", "sexual_exploitation"},
          "forced_labour", new String[] {"total", "total", "forced_labour"}, "other", new String[] {"total", "total", "other"}),
      "demographic", Map.of("women", new String[] {"female", "adult", "total"}, "men", new String[] {"male", "adult", "total"},
          "girls", new String[] {"female", "child", "total"}, "boys", new String[] {"male", "child", "total"}));

  @Test
  void worldSeriesIsTheMartsWorldRowsWithTheAnswerShape() {
    JsonNode a = API.json("/api/v1/trends/victims");
    assertEquals("WLD", a.get("geo").get("code").asText());
    assertEquals("World", a.get("geo").get("name").asText());
    assertEquals("world", a.get("geo").get("level").asText());
    assertEquals("none", a.get("by").asText());
    assertFalse(a.get("balanced").asBoolean());
    assertEquals(1, a.get("series").size());
    assertEquals("total", a.get("series").get(0).get("key").asText());
    Map<Integer, Row> expected = MartRows.cells("WLD", "total", "total", "total");
    assertEquals(new TreeSet<>(expected.keySet()).first(), a.get("from").asInt());
    assertEquals(new TreeSet<>(expected.keySet()).last(), a.get("to").asInt());
    assertSeries(expected, a.get("series").get(0).get("points"), "WLD total");
    JsonNode source = a.get("source");
    // the bundled sample is generated: the answer says so instead of naming UNODC and an export date
    assertTrue(source.get("generated").asBoolean(), source.toString());
    assertTrue(source.get("publisher").asText().contains("generated sample data, not official statistics"));
    assertEquals(0, source.get("exportDates").size(), source.toString());
    assertEquals(TestMarts.version(), source.get("martVersion").asText());
    assertTrue(source.get("note").asText().contains("not prevalence"), source.toString());
    assertTrue(source.get("note").asText().contains("0 to 4 victims, point 2"), source.toString());
    assertFalse(a.has("countries"), "countries are listed for balanced series only");
    assertFalse(a.has("panel"), "so is the panel");
    // one series: its coverage is the total's own
    JsonNode points = a.get("series").get(0).get("points");
    assertEquals(points.size(), a.get("coverage").size());
    for (int i = 0; i < points.size(); i++) {
      JsonNode c = a.get("coverage").get(i);
      assertEquals(points.get(i).get("year").asInt(), c.get("year").asInt());
      assertEquals(points.get(i).get("reportingCountries").asInt(), c.get("reportingCountries").asInt());
      assertEquals(points.get(i).get("suppressedOnlyCountries").asInt(), c.get("suppressedOnlyCountries").asInt());
    }
  }

  /**
   * The countries behind a breakdown's lines, from the mart's country rows: those with any of the
   * cells in the year, and those of them whose every such cell is only {@code <5}.
   */
  @Test
  void coverageOfABreakdownIsTheUnionOfItsCellsCountries() {
    JsonNode a = API.json("/api/v1/trends/victims?geo=002&by=form");
    Set<String> forms = Set.of("sexual_exploitation", "forced_labour", "other");
    Map<Integer, Map<String, Boolean>> onlySuppressedByYear = new TreeMap<>();
    for (Row r : MartRows.victims()) {
      if (MartRows.s(r, "geo_level").equals("country") && MartRows.s(r, "sex").equals("total")
          && MartRows.s(r, "age").equals("total") && forms.contains(MartRows.s(r, "form"))
          && "002".equals(ReferenceData.standard().country(MartRows.s(r, "geo_code")).map(Country::regionCode).orElse(null))) {
        onlySuppressedByYear.computeIfAbsent(MartRows.i(r, "year"), y -> new HashMap<>())
            .merge(MartRows.s(r, "geo_code"), MartRows.i(r, "suppressed_only_countries") == 1, Boolean::logicalAnd);
      }
    }
    assertEquals(onlySuppressedByYear.size(), a.get("coverage").size());
    boolean someSuppressedOnly = false;
    for (JsonNode c : a.get("coverage")) {
      Map<String, Boolean> countries = onlySuppressedByYear.get(c.get("year").asInt());
      long suppressedOnly = countries.values().stream().filter(b -> b).count();
      assertEquals(countries.size(), c.get("reportingCountries").asInt(), "coverage " + c);
      assertEquals(suppressedOnly, c.get("suppressedOnlyCountries").asInt(), "coverage " + c);
      someSuppressedOnly |= suppressedOnly > 0;
    }
    assertTrue(someSuppressedOnly, "the sample has countries whose every form cell is <5");
  }

  @Test
  void everyBreakdownOfARegionIsItsMartRows() {
    for (String by : List.of("sex", "age", "form", "demographic")) {
      JsonNode a = API.json("/api/v1/trends/victims?geo=150&by=" + by + "&from=2008&to=2018");
      assertEquals("Europe", a.get("geo").get("name").asText());
      assertEquals("region", a.get("geo").get("level").asText());
      Set<String> keys = new HashSet<>();
      for (JsonNode series : a.get("series")) {
        String key = series.get("key").asText();
        keys.add(key);
        String[] cell = CELLS.get(by).get(key);
        Map<Integer, Row> expected = new TreeMap<>(MartRows.cells("150", cell[0], cell[1], cell[2]));
        expected.keySet().removeIf(y -> y < 2008 || y > 2018);
        assertSeries(expected, series.get("points"), "150 " + by + " " + key);
      }
      assertEquals(CELLS.get(by).keySet(), keys, by);
    }
  }

  @Test
  void aCountrySeriesIsItsRowsWithOneReportingCountry() {
    String country = mostReportingCountry();
    JsonNode a = API.json("/api/v1/trends/victims?geo=" + country.toLowerCase() + "&by=demographic");
    assertEquals(country, a.get("geo").get("code").asText());
    assertEquals("country", a.get("geo").get("level").asText());
    for (JsonNode series : a.get("series")) {
      String[] cell = CELLS.get("demographic").get(series.get("key").asText());
      assertSeries(MartRows.cells(country, cell[0], cell[1], cell[2]), series.get("points"), country);
      series.get("points").forEach(p -> assertEquals(1, p.get("reportingCountries").asInt()));
    }
  }

  @Test
  void balancedSeriesSumOnlyTheCountriesThatReportedEveryYear() {
    Predicate<Country> world = c -> true;
    Predicate<Country> europe = c -> "150".equals(c.regionCode());
    int[] w = widestPanel(world, 3);
    balanced("WLD", "none", w[0], w[0] + 2, world);
    balanced("WLD", "demographic", w[0], w[0] + 2, world);
    int[] e = widestPanel(europe, 2);
    balanced("150", "sex", e[0], e[0] + 1, europe);
    // over every year of the sample no country reports each year: an empty panel is an answer, told honestly
    JsonNode all = API.json("/api/v1/trends/victims?balanced=true");
    int from = all.get("from").asInt();
    int to = all.get("to").asInt();
    assertEquals(Set.of(), panel(world, from, to), "the sample has no country reporting every year");
    assertEquals(0, all.get("countries").size());
    assertEquals(0, all.get("panel").get("size").asInt());
    int any = reportedInAnyYear(world, from, to);
    assertEquals(any, all.get("panel").get("reportedInAnyYear").asInt());
    assertEquals("No country reported in every year " + from + "–" + to + "; " + any
        + " countries reported in at least one.", all.get("panel").get("note").asText());
    all.get("series").forEach(s -> assertEquals(0, s.get("points").size(), "nothing is summed"));
  }

  static int reportedInAnyYear(Predicate<Country> inGeo, int from, int to) {
    Set<String> any = new HashSet<>();
    for (Row r : MartRows.victims()) {
      if (MartRows.s(r, "geo_level").equals("country") && MartRows.s(r, "sex").equals("total")
          && MartRows.s(r, "age").equals("total") && MartRows.s(r, "form").equals("total")
          && MartRows.i(r, "year") >= from && MartRows.i(r, "year") <= to
          && ReferenceData.standard().country(MartRows.s(r, "geo_code")).map(inGeo::test).orElse(false)) {
        any.add(MartRows.s(r, "geo_code"));
      }
    }
    return any.size();
  }

  /**
   * The panel, independently: countries in the geography with a total cell in every year of [from,
   * to]. Which countries a geography holds comes from the M49 table the API uses too (the table is
   * the definition; jobs' RealDataRunTest checks it against UNODC's Region column).
   */
  static Set<String> panel(Predicate<Country> inGeo, int from, int to) {
    Map<String, Set<Integer>> yearsReported = new HashMap<>();
    for (Row r : MartRows.victims()) {
      if (MartRows.s(r, "geo_level").equals("country") && MartRows.s(r, "sex").equals("total")
          && MartRows.s(r, "age").equals("total") && MartRows.s(r, "form").equals("total")
          && MartRows.i(r, "year") >= from && MartRows.i(r, "year") <= to
          && ReferenceData.standard().country(MartRows.s(r, "geo_code")).map(inGeo::test).orElse(false)) {
        yearsReported.computeIfAbsent(MartRows.s(r, "geo_code"), k -> new HashSet<>()).add(MartRows.i(r, "year"));
      }
    }
    Set<String> panel = new TreeSet<>();
    yearsReported.forEach((c, ys) -> {
      if (ys.size() == to - from + 1) {
        panel.add(c);
      }
    });
    return panel;
  }

  /** {first year, panel size} of the window of {@code length} years with the largest panel. */
  static int[] widestPanel(Predicate<Country> inGeo, int length) {
    int[] best = {0, -1};
    for (int from = 2003; from + length - 1 <= 2021; from++) {
      int size = panel(inGeo, from, from + length - 1).size();
      if (size > best[1]) {
        best = new int[] {from, size};
      }
    }
    return best;
  }

  private void balanced(String geo, String by, int from, int to, Predicate<Country> inGeo) {
    Set<String> panel = panel(inGeo, from, to);
    JsonNode a = API.json("/api/v1/trends/victims?geo=" + geo + "&by=" + by + "&from=" + from + "&to=" + to
        + "&balanced=true");
    assertTrue(a.get("balanced").asBoolean());
    Set<String> listed = new TreeSet<>();
    a.get("countries").forEach(c -> listed.add(c.get("code").asText()));
    assertEquals(panel, listed, geo + " " + from + "-" + to + " balanced panel");
    assertEquals(panel.size(), a.get("panel").get("size").asInt());
    assertEquals(panel.size() + " of the " + reportedInAnyYear(inGeo, from, to) + " countries that reported in "
        + from + "–" + to + " reported in every year.", a.get("panel").get("note").asText());
    String what = geo + " " + by + " balanced";
    assertFalse(panel.isEmpty(), what + ": the sample should have a non-empty panel");
    for (JsonNode series : a.get("series")) {
      String[] cell = CELLS.get(by).get(series.get("key").asText());
      Map<Integer, double[]> expected = new TreeMap<>();
      for (Row r : MartRows.victims()) {
        int y = MartRows.i(r, "year");
        if (MartRows.s(r, "geo_level").equals("country") && panel.contains(MartRows.s(r, "geo_code"))
            && y >= from && y <= to && MartRows.s(r, "sex").equals(cell[0])
            && MartRows.s(r, "age").equals(cell[1]) && MartRows.s(r, "form").equals(cell[2])) {
          double[] sum = expected.computeIfAbsent(y, k -> new double[5]);
          sum[0] += MartRows.d(r, "victims");
          sum[1] += MartRows.d(r, "victims_low");
          sum[2] += MartRows.d(r, "victims_high");
          sum[3] += 1;
          sum[4] += MartRows.i(r, "suppressed_only_countries");
        }
      }
      List<Integer> years = new ArrayList<>();
      for (JsonNode p : series.get("points")) {
        int y = p.get("year").asInt();
        years.add(y);
        double[] e = expected.get(y);
        assertPoint(p, e[0], e[1], e[2], (int) e[3], (int) e[4], what + " " + y);
      }
      assertEquals(new ArrayList<>(expected.keySet()), years, what + " years");
    }
    if (by.equals("none")) {
      // every panel country reported the total in every year
      a.get("series").get(0).get("points").forEach(p -> assertEquals(panel.size(), p.get("reportingCountries").asInt()));
      assertEquals(to - from + 1, a.get("series").get(0).get("points").size());
    }
  }

  @Test
  void csvIsTheSameTable() throws Exception {
    JsonNode json = API.json("/api/v1/trends/victims?geo=002&by=age&from=2010&to=2015");
    HttpResponse<String> csv = API.get("/api/v1/trends/victims?geo=002&by=age&from=2010&to=2015&format=csv");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.body())).getRecords();
    List<String> fromJson = new ArrayList<>();
    for (JsonNode s : json.get("series")) {
      for (JsonNode p : s.get("points")) {
        fromJson.add(s.get("key").asText() + "/" + p.get("year").asInt() + "/" + p.get("value").asDouble() + "/"
            + p.get("low").asDouble() + "/" + p.get("high").asDouble() + "/" + p.get("reportingCountries").asInt()
            + "/" + p.get("suppressedOnlyCountries").asInt());
      }
    }
    List<String> fromCsv = new ArrayList<>();
    for (CSVRecord r : rows) {
      assertEquals("002", r.get("geo"));
      assertEquals("age", r.get("by"));
      fromCsv.add(r.get("key") + "/" + r.get("year") + "/" + Double.parseDouble(r.get("value")) + "/"
          + Double.parseDouble(r.get("low")) + "/" + Double.parseDouble(r.get("high")) + "/" + r.get("reporting_countries")
          + "/" + r.get("suppressed_only_countries"));
      assertTrue(r.get("source").contains("generated sample data, not official statistics"), r.get("source"));
    }
    assertFalse(fromCsv.isEmpty());
    assertEquals(fromJson, fromCsv);
  }

  static void assertSeries(Map<Integer, Row> expected, JsonNode points, String what) {
    List<Integer> years = new ArrayList<>();
    for (JsonNode p : points) {
      int y = p.get("year").asInt();
      assertTrue(p.get("year").isInt(), what + " year is an integer");
      years.add(y);
      Row r = expected.get(y);
      assertTrue(r != null, what + ": no mart row for " + y);
      assertPoint(p, MartRows.d(r, "victims"), MartRows.d(r, "victims_low"), MartRows.d(r, "victims_high"),
          MartRows.i(r, "reporting_countries"), MartRows.i(r, "suppressed_only_countries"), what + " " + y);
    }
    assertEquals(new ArrayList<>(expected.keySet()), years, what + ": one point per year with a row, in order");
  }

  static void assertPoint(JsonNode p, double value, double low, double high, int reporting, int suppressedOnly,
      String what) {
    assertTrue(p.get("value").isNumber() && p.get("low").isNumber() && p.get("high").isNumber(), what);
    assertTrue(p.get("reportingCountries").isInt(), what);
    assertEquals(value, p.get("value").asDouble(), 1e-9, what + " value");
    assertEquals(low, p.get("low").asDouble(), 1e-9, what + " low");
    assertEquals(high, p.get("high").asDouble(), 1e-9, what + " high");
    assertEquals(reporting, p.get("reportingCountries").asInt(), what + " reporting countries");
    assertEquals(suppressedOnly, p.get("suppressedOnlyCountries").asInt(), what + " suppressed-only countries");
    assertTrue(suppressedOnly <= reporting, what);
    // a count all of whose cells are <5 may be zero, and only then
    assertEquals(suppressedOnly == reporting, p.get("low").asDouble() == 0, what + " low is 0 iff only <5 cells");
    assertTrue(p.get("low").asDouble() <= p.get("value").asDouble()
        && p.get("value").asDouble() <= p.get("high").asDouble(), what + " low <= value <= high");
    assertTrue(p.get("reportingCountries").asInt() > 0, what + " reporting countries > 0");
  }

  /** The country with the most years of total cells in the sample. */
  static String mostReportingCountry() {
    Map<String, Integer> years = new TreeMap<>();
    for (Row r : MartRows.victims()) {
      if (MartRows.s(r, "geo_level").equals("country") && MartRows.s(r, "sex").equals("female")
          && MartRows.s(r, "age").equals("adult")) {
        years.merge(MartRows.s(r, "geo_code"), 1, Integer::sum);
      }
    }
    return years.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }
}
