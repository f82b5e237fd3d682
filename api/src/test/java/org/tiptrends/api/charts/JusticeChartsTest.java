package org.tiptrends.api.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tiptrends.api.queries.Bounded;
import org.tiptrends.api.queries.Count;
import org.tiptrends.api.queries.FunnelQuery;
import org.tiptrends.api.queries.TrendQuery;

/** The justice charts drawn from answers written out here: what they draw and what their words say. */
class JusticeChartsTest {
  static FunnelQuery.Ratio ratio(String numerator, String denominator, int per, int countries, Bounded r,
      boolean mayBeZero) {
    return new FunnelQuery.Ratio(numerator, denominator, per, countries, null, null, r, mayBeZero, null);
  }

  @Test
  void ratiosAreWrittenPer100WithTheirCountriesOrSayWhyNot() {
    assertEquals("25 (20–30)\nper 100 prosecuted\n(2 countries)", JusticeCharts.ratioText(
        ratio("convicted", "prosecuted", 1, 2, new Bounded(0.25, 0.2, 0.3), false)));
    // per 100 already: not multiplied again
    assertEquals("10.2\nper 100 detected victims\n(1 country)", JusticeCharts.ratioText(
        ratio("convicted", "detected_victims", 100, 1, new Bounded(10.2, 10.2, 10.2), false)));
    assertEquals("no ratio per 100 prosecuted\n(may be 0)", JusticeCharts.ratioText(
        ratio("convicted", "prosecuted", 1, 1, null, true)));
    assertEquals("no ratio (no country\nreported both)", JusticeCharts.ratioText(
        ratio("prosecuted", "formal_contact", 1, 0, null, false)));
  }

  @Test
  void theFunnelDrawsEachStepAndAMissingOneAsAGapWithTheCaveat() throws Exception {
    FunnelQuery.Answer a = new FunnelQuery.Answer(TrendChartsTest.FRANCE, 2019, List.of(
        new FunnelQuery.Step("formal_contact", "persons brought into formal contact", null),
        new FunnelQuery.Step("prosecuted", "persons prosecuted", new Count(40, 40, 40, 1, 0)),
        new FunnelQuery.Step("convicted", "persons convicted", new Count(2, 0, 4, 1, 1))),
        new Count(120, 120, 120, 1, 0), List.of(
            ratio("prosecuted", "formal_contact", 1, 0, null, false),
            ratio("convicted", "prosecuted", 1, 1, new Bounded(0.05, 0, 0.1), false),
            ratio("convicted", "detected_victims", 100, 1, new Bounded(1.7, 0, 3.3), false)),
        FunnelQuery.RATIO_NOTE, FunnelQuery.CAVEAT, TrendChartsTest.SOURCE, TrendChartsTest.SOURCE);
    Chart c = JusticeCharts.funnel("justice-funnel", a, 960, 560);
    JsonNode option = TrendChartsTest.option(c);
    JsonNode bars = option.get("series").get(0).get("data");
    assertEquals("-", bars.get(0).asText(), "no formal contact: no bar, not a zero");
    assertEquals(40, bars.get(1).asDouble());
    List<Double> box = new java.util.ArrayList<>();
    option.get("series").get(1).get("data").get(2).forEach(v -> box.add(v.asDouble()));
    assertEquals(List.of(0.0, 0.0, 2.0, 4.0, 4.0), box, "low, low, value, high, high");
    JsonNode axis = option.get("xAxis").get(0) == null ? option.get("xAxis") : option.get("xAxis").get(0);
    assertTrue(axis.get("data").get(2).asText().contains("5 (0–10)\nper 100 prosecuted"), axis.toString());
    assertTrue(axis.get("data").get(3).asText().startsWith("Detected victims\n120\n1 country\n1.7 (0–3.3)"),
        axis.toString());
    assertTrue(c.texts().footnote().contains("a conviction ratio compares different people in different years"));
    assertEquals("justice-funnel-FRA-2019", c.name());
  }

  @Test
  void theTrendDrawsALineAndBandPerMeasureWithPointsAndTheYearOfConvictionCaveat() throws Exception {
    TrendQuery.Answer convicted = TrendChartsTest.answer(TrendChartsTest.WORLD, 2010, 2015, List.of(
        TrendChartsTest.point(2012, 30, 28, 32, 5, 1), TrendChartsTest.point(2014, 40, 40, 40, 6, 0)), List.of());
    TrendQuery.Answer offences = TrendChartsTest.answer(TrendChartsTest.WORLD, 2010, 2015, List.of(), List.of());
    Chart c = JusticeCharts.trend("justice-trend", List.of(
        new TrendQuery.MeasureAnswer("convicted", "persons convicted", "persons", convicted),
        new TrendQuery.MeasureAnswer("offences", "offences of trafficking in persons", "offences", offences)),
        2010, 2015, 960, 560);
    JsonNode option = TrendChartsTest.option(c);
    assertEquals(List.of("2012", "2013", "2014"), TrendChartsTest.names(option.get("xAxis").get("data"), null),
        "from the first to the last year with a value");
    assertEquals(4, option.get("series").size(),
        "a line, its band and the countries behind it; none for a measure without points");
    JsonNode countries = option.get("series").get(3);
    assertEquals("Countries reporting persons convicted", countries.get("name").asText());
    assertEquals(1, countries.get("yAxisIndex").asInt(), "on the hidden axis");
    assertEquals(5, countries.get("data").get(0).asInt());
    assertTrue(countries.get("data").get(1).isNull());
    assertEquals(6, countries.get("data").get(2).asInt());
    assertEquals(List.of("Persons convicted"), TrendChartsTest.names(option.get("legend").get("data"), null),
        "the legend names the measures only");
    assertTrue(option.get("series").get(0).get("data").get(1).isNull(), "2013: a gap, not a zero");
    assertTrue(c.texts().footnote().contains(
        "persons convicted are counted in the year of conviction, not of the offence"));
    assertEquals(2, c.data().rows().size());
    assertEquals(List.of("convicted", "persons", "WLD", "none", "total", 2012, 30.0, 28.0, 32.0, 5, 1, false),
        c.data().rows().get(0));
  }
}
