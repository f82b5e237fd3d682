package org.tiptrends.api.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The {@code country_year_panel} mart: per country and year, the measures analysts correlate, each
 * with its bounds where the job computed them ({@code <measure>_low}, {@code <measure>_high}).
 * Indexed by measure, country, year. Versions published before the mart existed have none.
 */
public final class Panel {
  public static final String MART = "country_year_panel";
  /** Measures of the panel, with what they are; the order is the order {@code meta} lists them. */
  public static final Map<String, String> MEASURES = measures();

  /** A value with its bounds (equal to the value when exact). */
  public record Value(double value, double low, double high) {
    /**
     * A share whose whole is only {@code <5} cells: it may be anything from 0 to 1 (its point, often
     * 0.5, is a midpoint of midpoints), so it tells nothing about the country-year. Statistics over
     * countries leave such values out and say so.
     */
    public boolean isUninformativeShare() {
      return low == 0 && high == 1;
    }
  }

  private static final Panel ABSENT = new Panel(false, Map.of());

  private final boolean present;
  private final Map<String, Map<String, NavigableMap<Integer, Value>>> values;

  private Panel(boolean present, Map<String, Map<String, NavigableMap<Integer, Value>>> values) {
    this.present = present;
    this.values = values;
  }

  private static Map<String, String> measures() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("detected_victims", "detected trafficking victims (count)");
    m.put("female_share", "share of detected victims who are female (among known sex)");
    m.put("child_share", "share of detected victims who are children (among known age)");
    m.put("forced_labour_share", "share of detected victims trafficked for forced labour");
    m.put("known_origin_victims", "detected victims of known origin (count)");
    m.put("domestic_share", "share of known-origin victims detected in their own country");
    m.put("subregional_share", "share of known-origin victims from another country of the same M49 sub-region");
    m.put("regional_share", "share of known-origin victims from another sub-region of the same M49 region");
    m.put("transregional_share", "share of known-origin victims from another M49 region");
    m.put("victims_per_100k", "detected trafficking victims per 100,000 population (World Bank SP.POP.TOTL)");
    m.put("gdp_per_capita", "GDP per capita, current US$ (World Bank NY.GDP.PCAP.CD)");
    m.put("convicted", "persons convicted of trafficking in persons (count, year of conviction)");
    m.put("convictions_per_100_victims", "persons convicted per 100 detected victims, same year (different people)");
    m.put("conflict_max_intensity", "highest armed-conflict intensity (0 none, 1 minor, 2 war; UCDP/PRIO)");
    return Collections.unmodifiableMap(m);
  }

  public static Panel absent() {
    return ABSENT;
  }

  /** Loads the mart of a version directory, or {@link #absent()} when the version has none. */
  static Panel load(Path versionDir) throws IOException {
    Path dir = versionDir.resolve(MART);
    if (!Files.isDirectory(dir)) {
      return ABSENT;
    }
    Table t = MartTables.read(dir, List.of("year", "iso3"));
    NumericColumn<?> year = MartTables.numeric(t, "year");
    Column<?> iso3 = MartTables.text(t, "iso3");
    Map<String, Map<String, NavigableMap<Integer, Value>>> values = new LinkedHashMap<>();
    for (String measure : MEASURES.keySet()) {
      if (!t.containsColumn(measure)) {
        continue;
      }
      NumericColumn<?> v = MartTables.numeric(t, measure);
      NumericColumn<?> lo = t.containsColumn(measure + "_low") ? MartTables.numeric(t, measure + "_low") : null;
      NumericColumn<?> hi = t.containsColumn(measure + "_high") ? MartTables.numeric(t, measure + "_high") : null;
      Map<String, NavigableMap<Integer, Value>> byCountry = new TreeMap<>();
      for (int row = 0; row < t.rowCount(); row++) {
        if (v.isMissing(row)) {
          continue;
        }
        double x = v.getDouble(row);
        double l = lo == null || lo.isMissing(row) ? x : lo.getDouble(row);
        double h = hi == null || hi.isMissing(row) ? x : hi.getDouble(row);
        byCountry.computeIfAbsent(MartTables.requiredString(iso3, row), k -> new TreeMap<>())
            .put(MartTables.integer(year, row), new Value(x, l, h));
      }
      Map<String, NavigableMap<Integer, Value>> frozen = new TreeMap<>();
      byCountry.forEach((c, years) -> frozen.put(c, Collections.unmodifiableNavigableMap(years)));
      values.put(measure, Collections.unmodifiableMap(frozen));
    }
    return new Panel(true, Collections.unmodifiableMap(values));
  }

  public boolean present() {
    return present;
  }

  public boolean has(String measure) {
    return values.containsKey(measure);
  }

  /** Country → year → value of one measure (empty when the measure is unknown). */
  public Map<String, NavigableMap<Integer, Value>> byCountry(String measure) {
    return values.getOrDefault(measure, Map.of());
  }

  public Optional<Value> value(String measure, String iso3, int year) {
    NavigableMap<Integer, Value> years = byCountry(measure).get(iso3);
    return years == null ? Optional.empty() : Optional.ofNullable(years.get(year));
  }
}
