package org.tiptrends.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tiptrends.api.http.Responses.CsvTable;
import org.tiptrends.api.queries.CorrelationQuery;
import org.tiptrends.api.queries.SourceNote;
import tech.tablesaw.api.Table;

/** The ECharts options the notebooks draw. */
class ChartsTest {
  @Test
  void linesCarryTheirBoundsAndLeaveGapsForMissingYears() {
    Table t = Tables.of(new CsvTable("t", List.of("key", "year", "value", "low", "high"), List.of(
        List.of("female", 2019, 7.5, 6.0, 9.0), List.of("female", 2020, 12.0, 12.0, 12.0),
        List.of("male", 2020, 8.0, 8.0, 8.0))), "t");
    JsonNode o = Charts.lines(t, "year", "value", "key", "low", "high", "By sex", "victims").option();
    assertEquals("By sex", o.at("/title/text").asText());
    assertEquals("[\"2019\",\"2020\"]", o.at("/xAxis/data").toString());
    assertEquals(List.of("female", "female low", "female high", "male", "male low", "male high"),
        o.get("series").findValuesAsText("name"));
    assertEquals("[7.5,12.0]", o.at("/series/0/data").toString());
    assertEquals("[6.0,12.0]", o.at("/series/1/data").toString());
    assertEquals("[null,8.0]", o.at("/series/3/data").toString(), "male has no 2019: a gap, not zero");
    assertEquals("[\"female\",\"male\"]", o.at("/legend/data").toString(), "bounds are not separate legend entries");
    assertEquals(o.at("/series/0/lineStyle/color"), o.at("/series/2/lineStyle/color"), "bounds share their series' colour");
  }

  @Test
  void theScatterHasPointsBoundsAndTheFitOnALogScale() {
    CorrelationQuery.Measure x = new CorrelationQuery.Measure("gdp_per_capita", "GDP", "panel");
    CorrelationQuery.Measure y = new CorrelationQuery.Measure("transregional_share", "share", "panel");
    List<CorrelationQuery.Point> points = List.of(
        new CorrelationQuery.Point("FRA", "France", 2020, 40000, 0.5, 0.4, 0.6, 40000, 40000, 100.0),
        new CorrelationQuery.Point("MLI", "Mali", 2019, 800, 0.0, 0.0, 0.0, 800, 800, 50.0));
    CorrelationQuery.Answer a = new CorrelationQuery.Answer("spearman", 2, 1, 0, new double[] {0, 1}, points,
        new CorrelationQuery.Fit(0.3, -0.9, 0.5, true, 0.3, -0.9), x, y, "latest", 20, List.of(),
        new SourceNote("UNODC", "GLOTIP", List.of(), "v1", "", false), List.of());
    JsonNode o = Charts.scatter(a, "GDP and transregional share").option();
    assertEquals("log", o.at("/xAxis/type").asText());
    assertEquals(0, o.at("/yAxis/min").asInt());
    assertEquals(1, o.at("/yAxis/max").asInt());
    assertEquals("France (2020)", o.at("/series/0/data/0/name").asText());
    assertEquals(1, o.at("/series/1/data").size(), "a bound only where low < high");
    assertEquals("[[40000.0,0.4],[40000.0,0.6]]", o.at("/series/1/data/0/coords").toString());
    JsonNode fit = o.at("/series/2/data");
    double lastX = fit.get(fit.size() - 1).get(0).asDouble();
    assertEquals(40000, lastX, 1e-6);
    assertEquals(-0.9 + 0.3 * Math.log10(40000), fit.get(fit.size() - 1).get(1).asDouble(), 1e-9);
    List<String> names = new java.util.ArrayList<>();
    o.get("series").forEach(s -> names.add(s.get("name").asText()));
    assertEquals(List.of("countries", "bounds (suppressed cells)", "OLS fit (log10 x)"), names);
  }
}
