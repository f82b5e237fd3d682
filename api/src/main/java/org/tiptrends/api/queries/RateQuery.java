package org.tiptrends.api.queries;

import java.util.ArrayList;
import java.util.List;
import org.tiptrends.api.snapshot.Geography;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.RateRows;

/**
 * Detected victims (SDG 16.2.2), or a criminal-justice measure, per 100,000 population from
 * {@code rates_by_year}: the trend API's {@code per=100k}. Each point is the rate with its bounds, the count and the population it divides
 * (the population of the same reporting countries), and the coverage, including how many reporting
 * countries were left out for want of a population figure.
 */
public final class RateQuery {
  public static final String PER_100K = "100k";
  public static final String NOTE = noteFor("Detected victims", "victims", "Detections, not prevalence.");

  private RateQuery() {}

  public record Point(int year, double value, double low, double high, double population, double count,
      double countLow, double countHigh, int reportingCountries, int suppressedOnlyCountries,
      int countriesWithoutPopulation) {}

  public record Series(String key, List<Point> points) {}

  /** {@code yearsWithoutPopulation}: years with reports but no reporting country with a population. */
  public record Answer(Geography geo, String by, String per, String measure, int from, int to, boolean balanced,
      List<Series> series, List<Integer> yearsWithoutPopulation, String note, SourceNote source,
      SourceNote populationSource) {}

  /** How a rate of {@code counted} ("Detected victims") is made, and what it is not. */
  private static String noteFor(String counted, String shortName, String caveat) {
    return counted + " per 100,000 population: an aggregate divides the " + shortName
        + " of the reporting countries that have a World Bank population figure (SP.POP.TOTL, same year) by the "
        + "population of those same countries; countries without one are left out of both and counted. " + caveat;
  }

  public static Answer victims(MartSnapshot s, Geography geo, int from, int to) {
    return of(s, "detected_victims", NOTE, SourceNote.glotip(s), geo, from, to);
  }

  /** A justice measure per 100,000 population, rated over the population of the countries reporting it. */
  public static Answer justice(MartSnapshot s, JusticeMeasure m, Geography geo, int from, int to) {
    String label = Character.toUpperCase(m.label().charAt(0)) + m.label().substring(1);
    return of(s, m.code(), noteFor(label, m.label(), "The criminal-justice response, not the extent of trafficking."),
        SourceNote.glotipJustice(s), geo, from, to);
  }

  private static Answer of(MartSnapshot s, String measure, String note, SourceNote source, Geography geo, int from,
      int to) {
    if (from > to) {
      throw new IllegalArgumentException("from " + from + " > to " + to);
    }
    List<Point> points = new ArrayList<>();
    List<Integer> without = new ArrayList<>();
    for (RateRows.Rate r : s.rates().of(measure, geo.code()).subMap(from, true, to, true).values()) {
      if (!r.hasRate()) {
        without.add(r.year());
        continue;
      }
      points.add(new Point(r.year(), r.rate(), r.low(), r.high(), r.population(), r.count(), r.countLow(),
          r.countHigh(), r.reportingCountries(), r.suppressedOnlyCountries(), r.countriesWithoutPopulation()));
    }
    return new Answer(geo, "none", PER_100K, measure, from, to, false,
        List.of(new Series("total", List.copyOf(points))), List.copyOf(without), note, source,
        SourceNote.worldBank(s));
  }
}
