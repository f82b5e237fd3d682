package org.tiptrends.api.queries;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tiptrends.api.snapshot.CellKey;
import org.tiptrends.api.snapshot.CountTable;
import org.tiptrends.api.snapshot.Geography;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.VictimCell;

/**
 * Trend series of a count table: detected victims from {@code victims_by_year}, or one measure of
 * {@code justice_by_year} (persons prosecuted, ...), with the same bounds, coverage and balanced panel.
 */
public final class TrendQuery {
  private TrendQuery() {}

  /**
   * One year of a series: the count with its bounds, how many countries it sums, and how many of
   * them gave only {@code <5} cells (when all did, the count may be 0: its point is a midpoint).
   */
  public record Point(int year, double value, double low, double high, int reportingCountries,
      int suppressedOnlyCountries) {
    static Point of(VictimCell c) {
      return new Point(c.year(), c.victims().point(), c.victims().low(), c.victims().high(),
          c.reportingCountries(), c.suppressedOnlyCountries());
    }
  }

  /** One series; a year no country reported has no point (absence is not zero). */
  public record Series(String key, List<Point> points) {}

  /**
   * Who stands behind a year's series together: the countries that gave a value to any of them,
   * and how many of those gave nothing but {@code <5} cells. For {@code by=none} it is the total's
   * own coverage. A year no country reported has none.
   */
  public record Coverage(int year, int reportingCountries, int suppressedOnlyCountries) {}

  /**
   * The answer. {@code countries} and {@code panel} are set for balanced series only: the countries
   * that reported in every year of [from, to], whose rows the series sum, and what that panel is.
   */
  public record Answer(Geography geo, String by, int from, int to, boolean balanced, List<Series> series,
      List<Coverage> coverage, @JsonInclude(JsonInclude.Include.NON_NULL) List<Geography> countries,
      @JsonInclude(JsonInclude.Include.NON_NULL) BalancedPanel panel, SourceNote source) {}

  /**
   * The trend of a {@code justice_by_year} measure: which measure and what it counts, then the
   * fields of the trend itself (the same shape as the victims trend).
   */
  public record MeasureAnswer(String measure, String counts, String unit, @JsonUnwrapped Answer trend) {}

  /**
   * What a trend counts: the table, what its total is in words (for the balanced panel's
   * definition) and where it comes from.
   */
  public record Counted(CountTable table, String what, SourceNote source) {
    public static Counted victims(MartSnapshot s) {
      return new Counted(s.victimCounts(), "detected victims", SourceNote.glotip(s));
    }

    public static Counted justice(MartSnapshot s, JusticeMeasure m) {
      return new Counted(m.counts(s), m.label(), SourceNote.glotipJustice(s));
    }
  }

  /** The trend of detected victims. */
  public static Answer victims(MartSnapshot s, Geography geo, Breakdown by, int from, int to,
      boolean balanced) {
    return of(s, Counted.victims(s), geo, by, from, to, balanced);
  }

  /** The trend of one criminal-justice measure. */
  public static MeasureAnswer justice(MartSnapshot s, JusticeMeasure m, Geography geo, Breakdown by, int from,
      int to, boolean balanced) {
    return new MeasureAnswer(m.code(), m.label(), m.unit(),
        of(s, Counted.justice(s, m), geo, by, from, to, balanced));
  }

  /**
   * @param balanced sum only the countries of the {@link BalancedPanel}, so that a change in who
   *     reports does not pass for a trend
   */
  public static Answer of(MartSnapshot s, Counted counted, Geography geo, Breakdown by, int from, int to,
      boolean balanced) {
    if (from > to) {
      throw new IllegalArgumentException("from " + from + " > to " + to);
    }
    CountTable t = counted.table();
    List<Breakdown.Series> specs = by.series().stream().filter(spec -> occurs(t, spec.cell())).toList();
    BalancedPanel panel = balanced
        ? BalancedPanel.of(s, t, BalancedPanel.definitionFor(counted.what()), geo.code(), from, to) : null;
    List<String> members = balanced ? panel.codes() : t.countriesIn(geo.code());
    List<Series> series = new ArrayList<>();
    for (Breakdown.Series spec : specs) {
      List<Point> points = new ArrayList<>();
      if (balanced) {
        for (int year = from; year <= to; year++) {
          VictimCell sum = CountryCells.sum(t, members, spec.cell(), year);
          if (sum != null) {
            points.add(Point.of(sum));
          }
        }
      } else {
        t.cells(geo.code(), spec.cell()).subMap(from, true, to, true).values().forEach(c -> points.add(Point.of(c)));
      }
      series.add(new Series(spec.key(), List.copyOf(points)));
    }
    List<CellKey> cells = specs.stream().map(Breakdown.Series::cell).toList();
    List<Coverage> coverage = new ArrayList<>();
    for (int year = from; year <= to && !cells.isEmpty(); year++) {
      int[] c = CountryCells.coverage(t, members, cells, year);
      if (c[0] > 0) {
        coverage.add(new Coverage(year, c[0], c[1]));
      }
    }
    return new Answer(geo, by.code(), from, to, balanced, List.copyOf(series), List.copyOf(coverage),
        balanced ? panel.countries() : null, panel, counted.source());
  }

  /** Whether the table uses every value of the cell (a breakdown value no row has makes no series). */
  private static boolean occurs(CountTable t, CellKey cell) {
    Map<String, List<String>> values = t.breakdownValues();
    return values.getOrDefault("sex", List.of()).contains(cell.sex())
        && values.getOrDefault("age", List.of()).contains(cell.age())
        && values.getOrDefault("form", List.of()).contains(cell.form());
  }

  /** The codes of the {@link BalancedPanel} of {@code geoCode} over [from, to]. */
  public static List<String> balancedPanel(MartSnapshot s, String geoCode, int from, int to) {
    return BalancedPanel.of(s, geoCode, from, to).codes();
  }
}
