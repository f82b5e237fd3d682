package org.tiptrends.api.queries;

import java.util.ArrayList;
import java.util.List;
import org.tiptrends.api.snapshot.CellKey;
import org.tiptrends.api.snapshot.CountTable;
import org.tiptrends.api.snapshot.Geography;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.VictimCell;
import org.tiptrends.core.counts.CountInterval;

/**
 * The criminal-justice funnel of one geography and year: persons brought into formal contact,
 * prosecuted and convicted, beside detected victims, and the ratio of each step to the one before.
 * A ratio divides sums over the same countries only, those that reported both of its measures that
 * year; dividing the geography's totals instead would divide one set of countries by another.
 */
public final class FunnelQuery {
  public static final String RATIO_NOTE = "Each ratio sums only the countries that reported both of its "
      + "measures in the year (countries); low divides the numerator's low by the denominator's high, high its "
      + "high by the denominator's low. Where the denominator's low is 0 (only <5 cells) it may be no one: "
      + "no ratio is stated (ratio null, denominatorMayBeZero true).";
  public static final String CAVEAT = "The steps are not a cohort: persons convicted in a year were mostly "
      + "prosecuted in earlier years, and each step has its own reporting countries.";

  private FunnelQuery() {}

  /**
   * One step: its measure, what it counts, and the total cell of the geography (persons with bounds
   * and coverage), {@code null} when no country of the geography reported it that year.
   */
  public record Step(String measure, String counts, Count persons) {}

  /**
   * {@code numerator} per {@code per} {@code denominator} over the {@code countries} that reported
   * both: the two sums, and the ratio with bounds ({@code null} when no country reported both or the
   * denominator may be zero; {@code note} then says which).
   */
  public record Ratio(String numerator, String denominator, int per, int countries, Bounded numeratorSum,
      Bounded denominatorSum, Bounded ratio, boolean denominatorMayBeZero, String note) {}

  public record Answer(Geography geo, int year, List<Step> steps, Count detectedVictims, List<Ratio> ratios,
      String ratioNote, String caveat, SourceNote source, SourceNote victimsSource) {}

  public static Answer funnel(MartSnapshot s, Geography geo, int year) {
    List<JusticeMeasure> path = List.of(JusticeMeasure.FORMAL_CONTACT, JusticeMeasure.PROSECUTED,
        JusticeMeasure.CONVICTED);
    List<Step> steps = new ArrayList<>();
    for (JusticeMeasure m : path) {
      steps.add(new Step(m.code(), m.label(), Count.of(m.counts(s).cells(geo.code(), CellKey.ALL).get(year))));
    }
    CountTable convicted = JusticeMeasure.CONVICTED.counts(s);
    List<Ratio> ratios = List.of(
        ratio(geo, year, JusticeMeasure.PROSECUTED.code(), JusticeMeasure.PROSECUTED.counts(s),
            JusticeMeasure.FORMAL_CONTACT.code(), JusticeMeasure.FORMAL_CONTACT.counts(s), 1),
        ratio(geo, year, JusticeMeasure.CONVICTED.code(), convicted, JusticeMeasure.PROSECUTED.code(),
            JusticeMeasure.PROSECUTED.counts(s), 1),
        ratio(geo, year, JusticeMeasure.CONVICTED.code(), convicted, "detected_victims", s.victimCounts(), 100));
    return new Answer(geo, year, List.copyOf(steps), Count.of(s.victims(geo.code(), CellKey.ALL).get(year)),
        ratios, RATIO_NOTE, CAVEAT, SourceNote.glotipJustice(s), SourceNote.glotip(s));
  }

  /** Persons convicted per 100 detected victims of one geography, over the countries that reported both. */
  public record GeoRatio(Geography geo, Ratio ratio) {}

  /**
   * Convictions per 100 detected victims in {@code year} for the world and each M49 region (in
   * code order), each over its own countries that reported both: a region's figure is not an
   * average of its countries' ratios.
   */
  public static List<GeoRatio> convictionsPer100VictimsByRegion(MartSnapshot s, int year) {
    List<Geography> places = new ArrayList<>();
    s.geography(org.tiptrends.core.geo.ReferenceData.WORLD_CODE).ifPresent(places::add);
    s.geographies().stream().filter(g -> g.level().equals(Geography.REGION))
        .sorted(java.util.Comparator.comparing(Geography::code)).forEach(places::add);
    CountTable convicted = JusticeMeasure.CONVICTED.counts(s);
    return places.stream().map(g -> new GeoRatio(g, ratio(g, year, JusticeMeasure.CONVICTED.code(), convicted,
        "detected_victims", s.victimCounts(), 100))).toList();
  }

  /** The ratio of two tables' totals over the countries of {@code geo} that reported both in {@code year}. */
  static Ratio ratio(Geography geo, int year, String numeratorName, CountTable numerator, String denominatorName,
      CountTable denominator, int per) {
    List<String> both = numerator.countriesIn(geo.code()).stream()
        .filter(c -> numerator.cells(c, CellKey.ALL).containsKey(year)
            && denominator.cells(c, CellKey.ALL).containsKey(year))
        .toList();
    if (both.isEmpty()) {
      return new Ratio(numeratorName, denominatorName, per, 0, null, null, null, false,
          "no country reported both " + numeratorName + " and " + denominatorName + " in " + year);
    }
    VictimCell num = CountryCells.sum(numerator, both, CellKey.ALL, year);
    VictimCell den = CountryCells.sum(denominator, both, CellKey.ALL, year);
    CountInterval n = num.victims();
    CountInterval d = den.victims();
    if (d.low() == 0) {
      return new Ratio(numeratorName, denominatorName, per, both.size(), Bounded.of(n), Bounded.of(d), null, true,
          "the " + denominatorName + " of these countries may be 0 (low bound 0, only <5 cells): no ratio");
    }
    Bounded ratio = new Bounded(per * n.point() / d.point(), per * n.low() / d.high(), per * n.high() / d.low());
    return new Ratio(numeratorName, denominatorName, per, both.size(), Bounded.of(n), Bounded.of(d), ratio, false,
        null);
  }
}
