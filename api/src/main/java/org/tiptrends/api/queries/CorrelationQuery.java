package org.tiptrends.api.queries;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.Panel;
import org.tiptrends.api.stats.CorrelationMethod;
import org.tiptrends.api.stats.CorrelationResult;
import org.tiptrends.api.stats.Correlations;
import org.tiptrends.core.geo.ReferenceData;

/**
 * Correlation views over country-year measures: the panel's columns (detected victims, shares,
 * GDP per capita, conflict intensity) and every indicator of the {@code indicators} mart by code.
 * Each country contributes one point: its value for the requested year, or, for {@code latest},
 * its latest year where both measures (and the victims threshold) are there.
 */
public final class CorrelationQuery {
  public static final String GDP = "gdp_per_capita";
  public static final String TRANSREGIONAL = "transregional_share";
  /** Flow shares count known-origin victims for the threshold, the other measures detected victims ... */
  public static final String KNOWN_ORIGIN_VICTIMS = "known_origin_victims";
  public static final String DETECTED_VICTIMS = "detected_victims";
  /**
   * ... and every correlation view keeps country-years with at least this many by default (a share
   * of fewer victims says little), so the same question gets the same answer on either route.
   */
  public static final int DEFAULT_MIN_VICTIMS = 20;
  private static final List<String> FLOW_SHARES = List.of("domestic_share", "subregional_share", "regional_share",
      "transregional_share");
  public static final List<String> CAVEATS = List.of(
      "Detections, not prevalence: shares describe the victims authorities detected and reported.",
      "Ecological correlation: it relates countries, not people, and says nothing about causes.",
      "Each country's point may come from a different year (year=latest); y carries bounds from "
          + "suppressed (<5) cells, which the statistics do not propagate; a share resting only on <5 cells "
          + "(anywhere from 0 to 1) is left out.");

  private CorrelationQuery() {}

  /** A measure as the query reads it: panel column or indicator code, with bounds where known. */
  public record Measure(String name, String description, String source) {}

  public record Point(String iso3, String name, int year, double x, double y, double yLow, double yHigh,
      double xLow, double xHigh, Double victims) {}

  public record Fit(double slope, double intercept, double r2, boolean logX, double theilSenSlope,
      double theilSenIntercept) {}

  /**
   * @param source the GLOTIP marts' note
   * @param sources every source the two measures come from: GLOTIP, and the World Bank or UCDP/PRIO
   *     when a measure is theirs
   */
  public record Answer(String method, int n, double r, double pValue, double[] ci95, List<Point> points,
      Fit fit, Measure x, Measure y, String year, double minVictims, List<String> caveats, SourceNote source,
      List<SourceNote> sources) {}

  /** The measures a view may name: panel columns present in the version, then indicator codes. */
  public static List<Measure> measures(MartSnapshot s) {
    List<Measure> out = new ArrayList<>();
    Panel panel = s.panel();
    Panel.MEASURES.forEach((name, description) -> {
      if (panel.has(name)) {
        out.add(new Measure(name, description, "country_year_panel"));
      }
    });
    s.indicators().definitions().forEach(d -> out.add(new Measure(d.code(), d.name(), d.source())));
    return out;
  }

  /**
   * The count the victims threshold applies to: known-origin victims when a measure is a flow share
   * (its denominator), else detected victims; {@code null} when the version has neither.
   */
  public static String thresholdMeasure(MartSnapshot s, Measure x, Measure y) {
    String count = FLOW_SHARES.contains(x.name()) || FLOW_SHARES.contains(y.name()) ? KNOWN_ORIGIN_VICTIMS
        : DETECTED_VICTIMS;
    return s.panel().has(count) ? count : null;
  }

  /** Whether x is on a log scale unless asked otherwise: GDP per capita is (it spans orders of magnitude). */
  public static boolean defaultLogX(Measure x) {
    return x.name().equals(GDP);
  }

  public static Optional<Measure> measure(MartSnapshot s, String name) {
    return measures(s).stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /**
   * @param year a year, or {@code null} for each country's latest year with both measures
   * @param minVictims points need at least this many victims in the threshold measure
   * @param victimsMeasure the count the threshold applies to (known-origin victims for flow shares)
   */
  public static Answer correlate(MartSnapshot s, Measure x, Measure y, Integer year, CorrelationMethod method,
      boolean logX, double minVictims, String victimsMeasure) {
    Set<String> countries = new TreeSet<>(series(s, x.name()).keySet());
    countries.retainAll(series(s, y.name()).keySet());
    List<Point> points = new ArrayList<>();
    ReferenceData reference = ReferenceData.standard();
    for (String iso3 : countries) {
      NavigableMap<Integer, Panel.Value> ys = series(s, y.name()).get(iso3);
      NavigableMap<Integer, Panel.Value> xs = series(s, x.name()).get(iso3);
      for (Integer yr : year == null ? ys.descendingKeySet() : Set.of(year)) {
        Panel.Value yv = ys.get(yr);
        Panel.Value xv = xs.get(yr);
        Double victims = victimsMeasure == null ? null
            : s.panel().value(victimsMeasure, iso3, yr).map(Panel.Value::value).orElse(null);
        boolean enough = victimsMeasure == null || (victims != null && victims >= minVictims);
        if (yv != null && xv != null && enough && (!logX || xv.value() > 0)
            && !yv.isUninformativeShare() && !xv.isUninformativeShare()) {
          String name = reference.country(iso3).map(c -> c.name()).orElse(iso3);
          points.add(new Point(iso3, name, yr, xv.value(), yv.value(), yv.low(), yv.high(), xv.low(), xv.high(),
              victims));
          break;
        }
      }
    }
    if (points.size() < 4) {
      throw new NotEnoughPoints(points.size());
    }
    double[] xv = points.stream().mapToDouble(Point::x).toArray();
    double[] yv = points.stream().mapToDouble(Point::y).toArray();
    CorrelationResult c = Correlations.compute(xv, yv, method, logX);
    return new Answer(method.code(), c.n(), c.r(), c.pValue(), new double[] {c.ci95Low(), c.ci95High()}, points,
        new Fit(c.slope(), c.intercept(), c.r2(), logX, c.theilSenSlope(), c.theilSenIntercept()), x, y,
        year == null ? "latest" : year.toString(), minVictims, CAVEATS, SourceNote.glotip(s), sources(s, x, y));
  }

  private static List<SourceNote> sources(MartSnapshot s, Measure x, Measure y) {
    List<SourceNote> out = new ArrayList<>(List.of(SourceNote.glotip(s)));
    List<String> names = List.of(x.name(), y.name());
    // the World Bank files of the indicators plotted, not every World Bank file the run read
    List<String> codes = new ArrayList<>();
    for (String name : names) {
      if (name.equals(GDP)) {
        codes.add("NY.GDP.PCAP.CD");
      } else if (name.equals("victims_per_100k")) {
        codes.add("SP.POP.TOTL");
      } else if (!s.panel().has(name)) {
        codes.add(name);
      }
    }
    if (!codes.isEmpty()) {
      out.add(SourceNote.worldBank(s, codes));
    }
    if (names.contains("conflict_max_intensity")) {
      out.add(SourceNote.ucdp(s, ConflictQuery.LOCATION));
    }
    return List.copyOf(out);
  }

  /** Country → year → value of a panel column or of an indicator (exact values). */
  static Map<String, NavigableMap<Integer, Panel.Value>> series(MartSnapshot s, String measure) {
    if (s.panel().has(measure)) {
      return s.panel().byCountry(measure);
    }
    Map<String, NavigableMap<Integer, Panel.Value>> out = new java.util.TreeMap<>();
    s.indicators().byCountry(measure).forEach((iso3, years) -> {
      NavigableMap<Integer, Panel.Value> m = new java.util.TreeMap<>();
      years.forEach((yr, v) -> m.put(yr, new Panel.Value(v, v, v)));
      out.put(iso3, m);
    });
    return out;
  }

  /** Fewer than four countries qualify: no correlation can be stated. */
  /**
   * The years in which GDP per capita against the share from other regions has enough points with
   * the defaults (every method needs the same points): the years a dashboard should offer.
   */
  public static List<Integer> gdpTransregionalYears(MartSnapshot s) {
    Optional<Measure> x = measure(s, GDP);
    Optional<Measure> y = measure(s, TRANSREGIONAL);
    if (x.isEmpty() || y.isEmpty()) {
      return List.of();
    }
    String threshold = thresholdMeasure(s, x.get(), y.get());
    List<Integer> out = new java.util.ArrayList<>();
    for (int year : s.years()) {
      try {
        correlate(s, x.get(), y.get(), year, CorrelationMethod.SPEARMAN, defaultLogX(x.get()), DEFAULT_MIN_VICTIMS,
            threshold);
        out.add(year);
      } catch (NotEnoughPoints e) {
        // too few countries that year: not offered
      }
    }
    return List.copyOf(out);
  }

  public static final class NotEnoughPoints extends RuntimeException {
    public final int n;

    NotEnoughPoints(int n) {
      super(n + " countries qualify; at least 4 are needed");
      this.n = n;
    }
  }
}
