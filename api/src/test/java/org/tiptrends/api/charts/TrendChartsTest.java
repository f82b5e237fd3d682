package org.tiptrends.api.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tiptrends.api.queries.BalancedPanel;
import org.tiptrends.api.queries.SourceNote;
import org.tiptrends.api.queries.TrendQuery;
import org.tiptrends.api.snapshot.Geography;

/**
 * The trend chart drawn from answers written out here: which years it draws, when it draws the
 * countries behind the lines and how, and what its words say.
 */
class TrendChartsTest {
  static final SourceNote SOURCE = new SourceNote("UNODC", "GLOTIP data", List.of("2023-05-30"), "v1", "", false);
  static final Geography WORLD = new Geography("WLD", "World", Geography.WORLD);
  static final Geography FRANCE = new Geography("FRA", "France", Geography.COUNTRY);

  static TrendQuery.Point point(int year, double value, double low, double high, int reporting, int suppressedOnly) {
    return new TrendQuery.Point(year, value, low, high, reporting, suppressedOnly);
  }

  static TrendQuery.Answer answer(Geography geo, int from, int to, List<TrendQuery.Point> points,
      List<TrendQuery.Coverage> coverage) {
    return new TrendQuery.Answer(geo, "none", from, to, false, List.of(new TrendQuery.Series("total", points)),
        coverage, null, null, SOURCE);
  }

  static JsonNode option(Chart c) throws Exception {
    return new ObjectMapper().readTree(c.optionJson());
  }

  static List<String> names(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(field == null ? n.asText() : n.get(field).asText()));
    return out;
  }

  @Test
  void aSeriesIsDrawnFromItsFirstToItsLastReportedYear() throws Exception {
    TrendQuery.Answer a = answer(WORLD, 2003, 2021,
        List.of(point(2007, 100, 100, 100, 3, 0), point(2009, 50, 48, 60, 2, 0), point(2019, 70, 70, 70, 4, 1)),
        List.of(new TrendQuery.Coverage(2007, 3, 0), new TrendQuery.Coverage(2009, 2, 0),
            new TrendQuery.Coverage(2019, 4, 1)));
    JsonNode o = option(TrendCharts.victims("victims-trend", a, 960, 560));
    List<String> years = names(o.get("xAxis").get("data"), null);
    assertEquals("2007", years.get(0), "no year before the first report");
    assertEquals("2019", years.get(years.size() - 1), "none after the last");
    assertEquals(13, years.size(), "the gaps between stay, as gaps");
    assertTrue(o.get("title").get(0).get("text").asText().endsWith("2007–2019"), o.get("title").get(0).toString());
  }

  @Test
  void theCoverageBarsSplitExactCountsFromOnlySuppressedCells() throws Exception {
    TrendQuery.Answer a = answer(WORLD, 2017, 2018,
        List.of(point(2017, 500, 480, 520, 10, 4), point(2018, 600, 590, 610, 12, 3)),
        List.of(new TrendQuery.Coverage(2017, 10, 4), new TrendQuery.Coverage(2018, 12, 3)));
    Chart c = TrendCharts.victims("victims-trend", a, 960, 560);
    JsonNode o = option(c);
    List<String> legend = names(o.get("legend").get("data"), null);
    assertTrue(legend.containsAll(List.of(TrendCharts.EXACT, TrendCharts.ONLY_SUPPRESSED)), legend.toString());
    JsonNode exact = null;
    JsonNode suppressed = null;
    for (JsonNode s : o.get("series")) {
      if (s.get("name").asText().equals(TrendCharts.EXACT)) {
        exact = s;
      } else if (s.get("name").asText().equals(TrendCharts.ONLY_SUPPRESSED)) {
        suppressed = s;
      }
    }
    assertEquals(List.of("6", "9"), names(exact.get("data"), null), "10 - 4, 12 - 3");
    assertEquals(List.of("4", "3"), names(suppressed.get("data"), null));
    assertEquals(exact.get("stack").asText(), suppressed.get("stack").asText(), "stacked into one bar");
    assertEquals(1, o.get("yAxis").get(1).get("minInterval").asInt(), "countries are whole");
    assertTrue(c.texts().description().endsWith("12 countries reported, 3 of them only <5 cells."),
        c.texts().description());
  }

  @Test
  void oneCountrysTrendHasNoCoverageAxis() throws Exception {
    TrendQuery.Answer a = answer(FRANCE, 2015, 2016,
        List.of(point(2015, 40, 40, 40, 1, 0), point(2016, 2, 0, 4, 1, 1)),
        List.of(new TrendQuery.Coverage(2015, 1, 0), new TrendQuery.Coverage(2016, 1, 1)));
    Chart c = TrendCharts.victims("victims-trend", a, 960, 560);
    JsonNode o = option(c);
    assertFalse(o.get("yAxis").isArray(), "one value axis: " + o.get("yAxis"));
    for (JsonNode s : o.get("series")) {
      assertEquals("line", s.get("type").asText(), "no bars: " + s);
    }
    assertFalse(names(o.get("legend").get("data"), null).contains(TrendCharts.EXACT));
    // a count whose cells are all <5 says that it may be none
    assertEquals("In 2016: All detected victims 2 (0–4, only <5 cells: may be none).", c.texts().description());
  }

  @Test
  void oneReportingCountryIsOneCountry() {
    TrendQuery.Answer a = answer(WORLD, 2020, 2020, List.of(point(2020, 30, 30, 30, 1, 0)),
        List.of(new TrendQuery.Coverage(2020, 1, 0)));
    String description = TrendCharts.victims("victims-trend", a, 960, 560).texts().description();
    assertTrue(description.endsWith("; 1 country reported."), description);
  }

  @Test
  void anEmptyBalancedPanelSaysThatNoCountryReportedEveryYear() {
    BalancedPanel none = new BalancedPanel(2010, 2020, BalancedPanel.DEFINITION, List.of(), List.of(), 0, 143,
        "No country reported in every year 2010–2020; 143 countries reported in at least one.");
    TrendQuery.Answer a = new TrendQuery.Answer(WORLD, "none", 2010, 2020, true,
        List.of(new TrendQuery.Series("total", List.of())), List.of(), List.of(), none, SOURCE);
    Chart c = TrendCharts.victims("victims-trend", a, 960, 560);
    assertTrue(c.texts().subtitle().contains("Balanced panel: No country reported in every year 2010–2020; 143 "
        + "countries reported in at least one."), c.texts().subtitle());
    assertTrue(c.texts().title().endsWith("2010–2020"), "the years asked for, when none has a value");
    assertEquals("Balanced panel: No country reported in every year 2010–2020; 143 countries reported in at least one.",
        c.texts().description(), "not \"no country reported\"");
  }

  @Test
  void aBalancedPanelIsNamed() {
    List<Geography> countries = List.of(new Geography("ALB", "Albania", Geography.COUNTRY),
        new Geography("ARG", "Argentina", Geography.COUNTRY));
    BalancedPanel two = new BalancedPanel(2010, 2011, BalancedPanel.DEFINITION, List.of("ALB", "ARG"), countries, 2,
        9, "2 of the 9 countries that reported in 2010–2011 reported in every year.");
    TrendQuery.Answer a = new TrendQuery.Answer(WORLD, "none", 2010, 2011, true,
        List.of(new TrendQuery.Series("total", List.of(point(2010, 20, 20, 20, 2, 0), point(2011, 30, 30, 30, 2, 0)))),
        List.of(new TrendQuery.Coverage(2010, 2, 0), new TrendQuery.Coverage(2011, 2, 0)), countries, two, SOURCE);
    Chart c = TrendCharts.victims("victims-trend", a, 960, 560);
    assertTrue(c.texts().subtitle().contains("reported in every year: Albania, Argentina."), c.texts().subtitle());
    assertTrue(c.texts().description().endsWith("The panel: Albania, Argentina."), c.texts().description());
  }

  @Test
  void generatedSampleDataIsSaidToBeSoInTheFootnoteAndTheCsvSource() {
    SourceNote generated = new SourceNote("tip-trends generate (generated sample data, not official statistics)",
        "in the layout of UNODC's GLOTIP data", List.of(), "v1", "", true);
    TrendQuery.Answer a = new TrendQuery.Answer(WORLD, "none", 2020, 2020,
        false, List.of(new TrendQuery.Series("total", List.of(point(2020, 30, 30, 30, 3, 0)))),
        List.of(new TrendQuery.Coverage(2020, 3, 0)), null, null, generated);
    Chart c = TrendCharts.victims("victims-trend", a, 960, 560);
    assertTrue(c.texts().footnote().startsWith("Source: tip-trends generate (generated sample data, not official "
        + "statistics), in the layout of UNODC's GLOTIP data."), c.texts().footnote());
    assertTrue(c.texts().source().contains("generated sample data, not official statistics"));
  }
}
