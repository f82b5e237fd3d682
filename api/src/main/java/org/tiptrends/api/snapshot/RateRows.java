package org.tiptrends.api.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The {@code rates_by_year} mart: per measure, geography and year, the count rated, the population
 * of the same reporting countries, the rate per 100,000 with bounds, and the coverage. Versions
 * published before the mart existed have none ({@link #present()} false).
 */
public final class RateRows {
  public static final String MART = "rates_by_year";

  /**
   * One row; {@code rate}, {@code count} and {@code population} are NaN where no reporting country
   * has a population ({@code countriesWithoutPopulation} says how many were left out).
   */
  public record Rate(int year, double count, double countLow, double countHigh, double population, double rate,
      double low, double high, int reportingCountries, int suppressedOnlyCountries,
      int countriesWithoutPopulation) {
    public boolean hasRate() {
      return !Double.isNaN(rate);
    }
  }

  private static final RateRows ABSENT = new RateRows(false, Map.of());
  private final boolean present;
  private final Map<String, Map<String, NavigableMap<Integer, Rate>>> rows;

  private RateRows(boolean present, Map<String, Map<String, NavigableMap<Integer, Rate>>> rows) {
    this.present = present;
    this.rows = rows;
  }

  static RateRows load(Path versionDir) throws IOException {
    Path dir = versionDir.resolve(MART);
    if (!Files.isDirectory(dir)) {
      return ABSENT;
    }
    Table t = MartTables.read(dir, List.of("year", "geo_code", "measure", "count", "count_low", "count_high",
        "population", "rate_per_100k", "rate_per_100k_low", "rate_per_100k_high", "reporting_countries",
        "suppressed_only_countries", "countries_without_population"));
    NumericColumn<?> year = MartTables.numeric(t, "year");
    Column<?> code = MartTables.text(t, "geo_code");
    Column<?> measure = MartTables.text(t, "measure");
    Map<String, Map<String, NavigableMap<Integer, Rate>>> rows = new HashMap<>();
    for (int row = 0; row < t.rowCount(); row++) {
      Rate r = new Rate(MartTables.integer(year, row), n(t, "count", row), n(t, "count_low", row),
          n(t, "count_high", row), n(t, "population", row), n(t, "rate_per_100k", row),
          n(t, "rate_per_100k_low", row), n(t, "rate_per_100k_high", row),
          (int) n(t, "reporting_countries", row), (int) n(t, "suppressed_only_countries", row),
          (int) n(t, "countries_without_population", row));
      rows.computeIfAbsent(MartTables.requiredString(measure, row), k -> new HashMap<>())
          .computeIfAbsent(MartTables.requiredString(code, row), k -> new TreeMap<>()).put(r.year(), r);
    }
    rows.values().forEach(m -> m.replaceAll((k, v) -> Collections.unmodifiableNavigableMap(v)));
    return new RateRows(true, Collections.unmodifiableMap(rows));
  }

  private static double n(Table t, String column, int row) {
    return MartTables.numberOrNaN(MartTables.numeric(t, column), row);
  }

  public static RateRows absent() {
    return ABSENT;
  }

  public boolean present() {
    return present;
  }

  /** Year → rate of one measure ({@code detected_victims}) and geography (empty when none). */
  public NavigableMap<Integer, Rate> of(String measure, String geoCode) {
    return rows.getOrDefault(measure, Map.of()).getOrDefault(geoCode, Collections.emptyNavigableMap());
  }
}
