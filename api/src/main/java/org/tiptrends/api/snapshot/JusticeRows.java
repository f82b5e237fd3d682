package org.tiptrends.api.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The {@code justice_by_year} mart (issue 13): per measure ({@code formal_contact},
 * {@code prosecuted}, {@code convicted}, {@code offences}) a {@link CountTable} rolled up like
 * {@code victims_by_year}. Versions published before the mart existed have none
 * ({@link #present()} false); a measure the export did not give has an empty table.
 */
public final class JusticeRows {
  public static final String MART = "justice_by_year";
  static final List<String> COLUMNS = List.of("year", "geo_level", "geo_code", "geo_name", "measure", "sex",
      "age", "form", "persons", "persons_low", "persons_high", "reporting_countries", "suppressed_only_countries");

  private static final JusticeRows ABSENT = new JusticeRows(false, Map.of());
  private final boolean present;
  private final Map<String, CountTable> byMeasure;
  private final NavigableSet<Integer> years;

  private JusticeRows(boolean present, Map<String, CountTable> byMeasure) {
    this.present = present;
    this.byMeasure = byMeasure;
    TreeSet<Integer> all = new TreeSet<>();
    byMeasure.values().forEach(t -> all.addAll(t.years()));
    this.years = Collections.unmodifiableNavigableSet(all);
  }

  static JusticeRows load(Path versionDir) throws IOException {
    Path dir = versionDir.resolve(MART);
    if (!Files.isDirectory(dir)) {
      return ABSENT;
    }
    return new JusticeRows(true, CountTable.read(MartTables.read(dir, COLUMNS), MART, "persons", "measure"));
  }

  public static JusticeRows absent() {
    return ABSENT;
  }

  public boolean present() {
    return present;
  }

  /** The rows of one measure; empty when the version has none. */
  public CountTable of(String measure) {
    return byMeasure.getOrDefault(measure, CountTable.empty());
  }

  /** Years with a row of any measure. */
  public NavigableSet<Integer> years() {
    return years;
  }
}
