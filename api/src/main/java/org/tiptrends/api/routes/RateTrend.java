package org.tiptrends.api.routes;

import java.util.ArrayList;
import java.util.List;
import org.tiptrends.api.http.BadRequest;
import org.tiptrends.api.http.MissingData;
import org.tiptrends.api.http.Params;
import org.tiptrends.api.http.Responses.CsvTable;
import org.tiptrends.api.queries.JusticeMeasure;
import org.tiptrends.api.queries.RateQuery;
import org.tiptrends.api.snapshot.Geography;
import org.tiptrends.api.snapshot.MartSnapshot;

/**
 * {@code /api/v1/trends/victims?per=100k} and {@code /api/v1/trends/{measure}?per=100k}: the
 * parameters and the CSV of {@link RateQuery}.
 */
final class RateTrend {
  private RateTrend() {}

  static RateQuery.Answer answer(Params p, MartSnapshot s) {
    checkTotalOnly(p, s, "detected victims");
    Geography geo = Inputs.geography(p, s, "geo");
    int[] years = Inputs.victimYears(p, s);
    return RateQuery.victims(s, geo, years[0], years[1]);
  }

  /** {@code /api/v1/trends/{measure}?per=100k} for a justice measure, over the measure's years. */
  static RateQuery.Answer justice(Params p, MartSnapshot s, JusticeMeasure m, int[] years) {
    checkTotalOnly(p, s, m.label());
    return RateQuery.justice(s, m, Inputs.geography(p, s, "geo"), years[0], years[1]);
  }

  /** A rate is of the total, not balanced, and only where the version has {@code rates_by_year}. */
  private static void checkTotalOnly(Params p, MartSnapshot s, String what) {
    p.choice("per", List.of(RateQuery.PER_100K), RateQuery.PER_100K);
    if (!p.choice("by", List.of("none"), "none").equals("none")) {
      throw new BadRequest("by", "per=100k rates the total of " + what + " only", List.of("none"));
    }
    if (p.bool("balanced", false)) {
      throw new BadRequest("balanced", "per=100k is not available for the balanced panel", List.of("false"));
    }
    if (!s.rates().present()) {
      throw new MissingData("the live mart version (" + s.version() + ") has no rates_by_year (published before rates existed)");
    }
  }

  static CsvTable csv(RateQuery.Answer a) {
    return csv("victims", a);
  }

  /** The rate answer as a table whose columns name what is counted ({@code victims}, {@code convicted}). */
  static CsvTable csv(String counted, RateQuery.Answer a) {
    List<List<Object>> rows = new ArrayList<>();
    for (RateQuery.Point pt : a.series().get(0).points()) {
      rows.add(List.of(a.geo().code(), pt.year(), pt.value(), pt.low(), pt.high(), pt.count(), pt.countLow(),
          pt.countHigh(), pt.population(), pt.reportingCountries(), pt.suppressedOnlyCountries(),
          pt.countriesWithoutPopulation()));
    }
    return new CsvTable(counted + "-per-100k-" + a.geo().code(), List.of("geo", "year", counted + "_per_100k",
        "low", "high", counted, counted + "_low", counted + "_high", "population", "reporting_countries",
        "suppressed_only_countries", "countries_without_population"), rows)
        .withSource(a.source().citation() + "; population: " + a.populationSource().citation());
  }
}
