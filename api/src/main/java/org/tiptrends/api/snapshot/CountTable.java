package org.tiptrends.api.snapshot;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tiptrends.core.counts.CountInterval;
import org.tiptrends.core.geo.Country;
import org.tiptrends.core.geo.ReferenceData;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Counts rolled up by {@code GeoRollup}, indexed for requests: geography → sex × age × form cell →
 * year → count with bounds and coverage. {@code victims_by_year} is one such table, and so is each
 * measure of {@code justice_by_year} (its count is persons, or offences), so that trends, balanced
 * panels and country sums are written once for all of them.
 */
public final class CountTable {
  private static final List<String> LEVELS =
      List.of(Geography.WORLD, Geography.REGION, Geography.SUBREGION, Geography.COUNTRY);
  private static final CountTable EMPTY = new Builder("none").build();

  private final Map<String, Geography> geographies;
  private final Map<String, Map<CellKey, NavigableMap<Integer, VictimCell>>> cells;
  private final Map<String, List<String>> countriesIn;
  private final NavigableSet<Integer> years;
  private final Map<String, List<String>> breakdownValues;
  private final int rows;

  private CountTable(Map<String, Geography> geographies,
      Map<String, Map<CellKey, NavigableMap<Integer, VictimCell>>> cells, Map<String, List<String>> countriesIn,
      NavigableSet<Integer> years, Map<String, List<String>> breakdownValues, int rows) {
    this.geographies = geographies;
    this.cells = cells;
    this.countriesIn = countriesIn;
    this.years = years;
    this.breakdownValues = breakdownValues;
    this.rows = rows;
  }

  /** A table without rows (a measure a version does not have). */
  public static CountTable empty() {
    return EMPTY;
  }

  /** Geographies with rows, by level (world first), then by name. */
  public Map<String, Geography> geographies() {
    return geographies;
  }

  /** Year → cell of one geography and breakdown; empty when the table has none. */
  public NavigableMap<Integer, VictimCell> cells(String geoCode, CellKey key) {
    Map<CellKey, NavigableMap<Integer, VictimCell>> byKey = cells.get(geoCode);
    return byKey == null ? Collections.emptyNavigableMap() : byKey.getOrDefault(key, Collections.emptyNavigableMap());
  }

  /** Countries with rows here that lie in a geography (world, M49 region or sub-region, or itself). */
  public List<String> countriesIn(String geoCode) {
    return countriesIn.getOrDefault(geoCode, List.of());
  }

  public NavigableSet<Integer> years() {
    return years;
  }

  /** The values of {@code sex}, {@code age} and {@code form} that occur. */
  public Map<String, List<String>> breakdownValues() {
    return breakdownValues;
  }

  public int rows() {
    return rows;
  }

  public boolean isEmpty() {
    return rows == 0;
  }

  /**
   * Reads a roll-up mart ({@code GeoRollup.columns}: geography, sex, age, form, the count and its
   * {@code _low}/{@code _high}, coverage) into one table per value of {@code groupColumn}, or into
   * one table under the key {@code ""} when it is {@code null}.
   */
  static Map<String, CountTable> read(Table t, String mart, String count, String groupColumn) {
    NumericColumn<?> year = MartTables.numeric(t, "year");
    Column<?> level = MartTables.text(t, "geo_level");
    Column<?> code = MartTables.text(t, "geo_code");
    Column<?> name = MartTables.text(t, "geo_name");
    Column<?> sex = MartTables.text(t, "sex");
    Column<?> age = MartTables.text(t, "age");
    Column<?> form = MartTables.text(t, "form");
    Column<?> group = groupColumn == null ? null : MartTables.text(t, groupColumn);
    NumericColumn<?> point = MartTables.numeric(t, count);
    NumericColumn<?> low = MartTables.numeric(t, count + "_low");
    NumericColumn<?> high = MartTables.numeric(t, count + "_high");
    NumericColumn<?> reporting = MartTables.numeric(t, "reporting_countries");
    NumericColumn<?> suppressedOnly = MartTables.numeric(t, "suppressed_only_countries");
    Map<String, Builder> builders = new TreeMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      String g = group == null ? "" : MartTables.requiredString(group, i);
      Builder b = builders.computeIfAbsent(g, k -> new Builder(k.isEmpty() ? mart : mart + " " + k));
      double lo = MartTables.number(low, i);
      double hi = MartTables.number(high, i);
      b.add(i, MartTables.requiredString(code, i), MartTables.requiredString(level, i), MartTables.string(name, i),
          new CellKey(MartTables.requiredString(sex, i), MartTables.requiredString(age, i),
              MartTables.requiredString(form, i)), MartTables.integer(year, i),
          new CountInterval(lo, hi, MartTables.number(point, i), lo < hi), MartTables.integer(reporting, i),
          MartTables.integer(suppressedOnly, i));
    }
    Map<String, CountTable> out = new LinkedHashMap<>();
    builders.forEach((k, b) -> out.put(k, b.build()));
    if (groupColumn == null && out.isEmpty()) {
      out.put("", new Builder(mart).build());
    }
    return Collections.unmodifiableMap(out);
  }

  /** Collects a mart's rows one by one, checking them, then freezes the indexes. */
  static final class Builder {
    private final String mart;
    private final Map<String, Geography> geos = new HashMap<>();
    private final Map<String, Map<CellKey, TreeMap<Integer, VictimCell>>> cells = new HashMap<>();
    private final Map<CellKey, CellKey> keys = new HashMap<>();
    private final TreeSet<Integer> years = new TreeSet<>();
    private final Map<String, Set<String>> values = new LinkedHashMap<>();
    private int rows;

    /** @param mart names the mart (and measure) in load errors */
    Builder(String mart) {
      this.mart = mart;
      for (String dim : List.of("sex", "age", "form")) {
        values.put(dim, new TreeSet<>());
      }
    }

    void add(int row, String geoCode, String level, String geoName, CellKey cellKey, int year, CountInterval count,
        int reporting, int suppressedOnly) {
      if (!LEVELS.contains(level)) {
        throw new MartLoadException(mart + ": unknown geo_level '" + level + "' in row " + row);
      }
      Geography geo = geos.computeIfAbsent(geoCode, c -> new Geography(c, geoName, level));
      if (!geo.level().equals(level)) {
        throw new MartLoadException(mart + ": geo_code " + geoCode + " has two levels");
      }
      CellKey key = keys.computeIfAbsent(cellKey, k -> k);
      VictimCell cell = new VictimCell(year, key.sex(), key.age(), key.form(), count, reporting, suppressedOnly);
      if (cells.computeIfAbsent(geoCode, c -> new HashMap<>()).computeIfAbsent(key, k -> new TreeMap<>())
          .put(year, cell) != null) {
        throw new MartLoadException(mart + ": two rows for " + geoCode + " " + year + " " + key);
      }
      years.add(year);
      values.get("sex").add(key.sex());
      values.get("age").add(key.age());
      values.get("form").add(key.form());
      rows++;
    }

    CountTable build() {
      List<Geography> ordered = new ArrayList<>(geos.values());
      ordered.sort(geographyOrder());
      Map<String, Geography> geoMap = new LinkedHashMap<>();
      ordered.forEach(g -> geoMap.put(g.code(), g));
      Map<String, Map<CellKey, NavigableMap<Integer, VictimCell>>> frozen = new HashMap<>();
      cells.forEach((g, byKey) -> {
        Map<CellKey, NavigableMap<Integer, VictimCell>> m = new HashMap<>();
        byKey.forEach((k, byYear) -> m.put(k, Collections.unmodifiableNavigableMap(byYear)));
        frozen.put(g, Collections.unmodifiableMap(m));
      });
      Map<String, List<String>> vals = new LinkedHashMap<>();
      values.forEach((dim, v) -> vals.put(dim, List.copyOf(v)));
      return new CountTable(Collections.unmodifiableMap(geoMap), Collections.unmodifiableMap(frozen),
          membership(ordered), Collections.unmodifiableNavigableSet(years), Collections.unmodifiableMap(vals), rows);
    }

    /** World, regions, sub-regions, countries; by name within a level (accents sort as letters). */
    private static Comparator<Geography> geographyOrder() {
      Collator names = Collator.getInstance(Locale.ENGLISH);
      return Comparator.comparingInt((Geography g) -> LEVELS.indexOf(g.level()))
          .thenComparing(g -> g.name() == null ? g.code() : g.name(), names)
          .thenComparing(Geography::code);
    }

    /** Country codes by the world, region and sub-region they lie in (M49). */
    private static Map<String, List<String>> membership(List<Geography> geos) {
      ReferenceData reference = ReferenceData.standard();
      Map<String, List<String>> members = new HashMap<>();
      for (Geography g : geos) {
        if (!g.level().equals(Geography.COUNTRY)) {
          continue;
        }
        members.computeIfAbsent(ReferenceData.WORLD_CODE, k -> new ArrayList<>()).add(g.code());
        members.computeIfAbsent(g.code(), k -> new ArrayList<>()).add(g.code());
        Optional<Country> c = reference.country(g.code());
        if (c.isPresent()) {
          for (String area : new String[] {c.get().regionCode(), c.get().subregionCode()}) {
            if (area != null) {
              members.computeIfAbsent(area, k -> new ArrayList<>()).add(g.code());
            }
          }
        }
      }
      Map<String, List<String>> frozen = new HashMap<>();
      members.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
      return Collections.unmodifiableMap(frozen);
    }
  }
}
