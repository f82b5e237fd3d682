package org.tiptrends.api.routes;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeSet;
import org.tiptrends.api.charts.Chart;
import org.tiptrends.api.charts.MapCharts;
import org.tiptrends.api.http.MissingData;
import org.tiptrends.api.http.Params;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.Panel;

/** The parameters of the {@code map} chart: a panel measure and a year (default: its latest year). */
final class MapRoute {
  static final String DEFAULT_MEASURE = "victims_per_100k";

  private MapRoute() {}

  static Chart chart(Params p, MartSnapshot s, int width, int height) {
    List<String> measures = Panel.MEASURES.keySet().stream().filter(s.panel()::has).toList();
    if (measures.isEmpty()) {
      throw new MissingData("the live mart version (" + s.version() + ") has no country-year panel");
    }
    String measure = p.choice("measure", measures, measures.contains(DEFAULT_MEASURE) ? DEFAULT_MEASURE
        : measures.get(0));
    TreeSet<Integer> years = new TreeSet<>();
    for (Map.Entry<String, NavigableMap<Integer, Panel.Value>> e : s.panel().byCountry(measure).entrySet()) {
      years.addAll(e.getValue().keySet());
    }
    if (years.isEmpty()) {
      throw new MissingData("no country has a value of " + measure + " in the live mart version (" + s.version() + ")");
    }
    int year = p.year("year", years.first(), years.last(), years.last());
    return MapCharts.map("map", s, measure, year, width, height);
  }
}
