package org.tiptrends.api.queries;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.tiptrends.api.snapshot.CellKey;
import org.tiptrends.api.snapshot.Geography;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.VictimCell;
import org.tiptrends.core.counts.CountInterval;

/** Trend series of detected victims from {@code victims_by_year}. */
public final class TrendQuery {
  private TrendQuery() {}

  /** One year of a series: the count with its bounds and how many countries it sums. */
  public record Point(int year, double value, double low, double high, int reportingCountries) {}

  /** One series; a year no country reported has no point (absence is not zero). */
  public record Series(String key, List<Point> points) {}

  /**
   * The answer. {@code countries} is set for balanced series only: the countries that reported in
   * every year of [from, to], whose rows the series sum.
   */
  public record Answer(Geography geo, String by, int from, int to, boolean balanced, List<Series> series,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<Geography> countries, SourceNote source) {}

  /**
   * @param balanced sum only the countries of {@code geo} that reported (a country-level cell with
   *     sex, age and form {@code total}) in every year of [from, to], so that a change in who
   *     reports does not pass for a trend
   */
  public static Answer victims(MartSnapshot s, Geography geo, Breakdown by, int from, int to,
      boolean balanced) {
    if (from > to) {
      throw new IllegalArgumentException("from " + from + " > to " + to);
    }
    List<Series> series = new ArrayList<>();
    List<Geography> panel = null;
    List<Breakdown.Series> specs = by.series().stream().filter(spec -> occurs(s, spec.cell())).toList();
    if (balanced) {
      List<String> countries = balancedPanel(s, geo.code(), from, to);
      for (Breakdown.Series spec : specs) {
        series.add(new Series(spec.key(), sumOf(s, countries, spec.cell(), from, to)));
      }
      panel = countries.stream().map(c -> Places.named(s, c))
          .sorted(Comparator.comparing(Geography::name).thenComparing(Geography::code)).toList();
    } else {
      for (Breakdown.Series spec : specs) {
        List<Point> points = new ArrayList<>();
        for (VictimCell c : s.victims(geo.code(), spec.cell()).subMap(from, true, to, true).values()) {
          points.add(new Point(c.year(), c.victims().point(), c.victims().low(), c.victims().high(),
              c.reportingCountries()));
        }
        series.add(new Series(spec.key(), List.copyOf(points)));
      }
    }
    return new Answer(geo, by.code(), from, to, balanced, List.copyOf(series), panel, SourceNote.glotip(s));
  }

  /** Whether the marts use every value of the cell (a breakdown value no row has makes no series). */
  private static boolean occurs(MartSnapshot s, CellKey cell) {
    Map<String, List<String>> values = s.breakdownValues();
    return values.getOrDefault("sex", List.of()).contains(cell.sex())
        && values.getOrDefault("age", List.of()).contains(cell.age())
        && values.getOrDefault("form", List.of()).contains(cell.form());
  }

  /** Countries of {@code geoCode} with a total cell in every year of [from, to]. */
  public static List<String> balancedPanel(MartSnapshot s, String geoCode, int from, int to) {
    List<String> panel = new ArrayList<>();
    for (String country : s.countriesIn(geoCode)) {
      NavigableMap<Integer, VictimCell> totals = s.victims(country, CellKey.ALL);
      if (totals.subMap(from, true, to, true).size() == to - from + 1) {
        panel.add(country);
      }
    }
    return panel;
  }

  private static List<Point> sumOf(MartSnapshot s, List<String> countries, CellKey cell, int from, int to) {
    List<Point> points = new ArrayList<>();
    for (int year = from; year <= to; year++) {
      CountInterval sum = CountInterval.ZERO;
      int reporting = 0;
      for (String country : countries) {
        VictimCell c = s.victims(country, cell).get(year);
        if (c != null) {
          sum = sum.plus(c.victims());
          reporting++;
        }
      }
      if (reporting > 0) {
        points.add(new Point(year, sum.point(), sum.low(), sum.high(), reporting));
      }
    }
    return List.copyOf(points);
  }
}
