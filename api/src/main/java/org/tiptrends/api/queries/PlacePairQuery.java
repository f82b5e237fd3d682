package org.tiptrends.api.queries;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tiptrends.api.snapshot.Geography;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.PlacePairs;

/**
 * Persons convicted by citizenship, or victims by country of repatriation (issue 13), for one
 * reporting country or all, one year or all: each row with the place its label names and the flow
 * type, and the rows' sums per flow type with bounds ({@code <5} summed as 0 to 4).
 */
public final class PlacePairQuery {
  /** Persons convicted are counted in the year of conviction. */
  public static final String CONVICTION_YEAR = "Persons convicted are counted in the year of conviction, not of the offence.";
  /** What the export leaves open about repatriation rows (see the README's repatriation_flows entry). */
  public static final String REPATRIATION_DIRECTION = "The export does not say which way a repatriation row points: "
      + "most 2010-2016 rows are the detecting country naming where victims were sent, most 2017-2021 rows a home "
      + "country naming where its nationals came back from. The flow type compares the two countries and is the "
      + "same either way.";

  private PlacePairQuery() {}

  public record PairRow(int year, Geography country, FlowQuery.OriginRef place, String flowType, double value,
      double low, double high, int sourceRows) {}

  public record Answer(String mart, String count, Geography country, Integer year, List<PairRow> rows,
      Map<String, Bounded> byFlowType, int suppressedRows, List<String> caveats, SourceNote source) {}

  /**
   * One year of a geography's rows summed by flow type (point and bounds), with the reporting
   * countries those sums rest on, and how many of their rows rest on {@code <5} cells.
   */
  public record YearByFlowType(int year, Map<String, Bounded> byFlowType, Bounded total, int countries,
      int suppressedRows) {}

  /**
   * The rows of the countries in {@code geo} (the world, an M49 region or sub-region, or one
   * country), summed per year and flow type, years in order; flow types in the order of
   * {@link org.tiptrends.core.flows.FlowType}.
   */
  public static List<YearByFlowType> byYearAndFlowType(MartSnapshot s, PlacePairs.Kind kind, Geography geo) {
    Map<Integer, Map<String, double[]>> sums = new java.util.TreeMap<>();
    Map<Integer, java.util.Set<String>> countries = new java.util.TreeMap<>();
    Map<Integer, int[]> suppressed = new java.util.TreeMap<>();
    for (PlacePairs.Row r : s.placePairs(kind).rows()) {
      if (!Places.contains(geo, r.iso3())) {
        continue;
      }
      double[] sum = sums.computeIfAbsent(r.year(), y -> new LinkedHashMap<>())
          .computeIfAbsent(r.flowType(), t -> new double[3]);
      sum[0] += r.value();
      sum[1] += r.low();
      sum[2] += r.high();
      countries.computeIfAbsent(r.year(), y -> new java.util.TreeSet<>()).add(r.iso3());
      suppressed.computeIfAbsent(r.year(), y -> new int[1])[0] += r.low() != r.high() ? 1 : 0;
    }
    List<YearByFlowType> out = new ArrayList<>();
    sums.forEach((year, byType) -> {
      Map<String, Bounded> ordered = new LinkedHashMap<>();
      double[] total = new double[3];
      for (org.tiptrends.core.flows.FlowType t : org.tiptrends.core.flows.FlowType.values()) {
        double[] v = byType.get(t.code());
        if (v != null) {
          ordered.put(t.code(), new Bounded(v[0], v[1], v[2]));
          for (int i = 0; i < 3; i++) {
            total[i] += v[i];
          }
        }
      }
      out.add(new YearByFlowType(year, ordered, new Bounded(total[0], total[1], total[2]),
          countries.get(year).size(), suppressed.get(year)[0]));
    });
    return out;
  }

  public static Answer rows(MartSnapshot s, PlacePairs.Kind kind, Geography country, Integer year) {
    List<PairRow> out = new ArrayList<>();
    Map<String, double[]> sums = new LinkedHashMap<>();
    int suppressed = 0;
    for (PlacePairs.Row r : s.placePairs(kind).rows()) {
      if ((country != null && !r.iso3().equals(country.code())) || (year != null && r.year() != year)) {
        continue;
      }
      out.add(new PairRow(r.year(), country != null ? country : Places.named(s, r.iso3()),
          Places.originOf(r.placeCode(), r.placeLevel()), r.flowType(), r.value(), r.low(), r.high(), r.sourceRows()));
      double[] sum = sums.computeIfAbsent(r.flowType(), k -> new double[3]);
      sum[0] += r.value();
      sum[1] += r.low();
      sum[2] += r.high();
      if (r.low() != r.high()) {
        suppressed++;
      }
    }
    out.sort(Comparator.comparingInt(PairRow::year).thenComparing(p -> p.country().code())
        .thenComparing(PairRow::value, Comparator.reverseOrder()).thenComparing(p -> p.place().code()));
    Map<String, Bounded> byFlowType = new LinkedHashMap<>();
    sums.forEach((type, v) -> byFlowType.put(type, new Bounded(v[0], v[1], v[2])));
    boolean convicted = kind == PlacePairs.Kind.CONVICTED_BY_CITIZENSHIP;
    List<String> caveats = new ArrayList<>(List.of(convicted ? CONVICTION_YEAR : REPATRIATION_DIRECTION,
        SourceNote.SUPPRESSION));
    if (s.placePairs(kind).rows().isEmpty()) {
      caveats.add(0, "This mart version holds no " + kind.mart + " rows: its GLOTIP input has none of them.");
    }
    return new Answer(kind.mart, kind.count, country, year, List.copyOf(out), byFlowType, suppressed,
        List.copyOf(caveats), convicted ? SourceNote.glotipJustice(s) : SourceNote.glotip(s));
  }
}
