package org.tiptrends.api.snapshot;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code indicators} mart (country-year measures from other publishers, e.g. World Bank GDP per
 * capita), indexed by indicator code, then country, then year. Versions published before the mart
 * existed have none: {@link #present()} is false and every lookup is empty.
 */
public final class Indicators {
  /** One indicator: its code (e.g. {@code NY.GDP.PCAP.CD}), name and source. */
  public record Definition(String code, String name, String source) {}

  /** One value of the mart. */
  public record Value(int year, String iso3, String code, double value) {}

  private static final Indicators ABSENT = new Indicators(false, Map.of(), Map.of(), 0);

  private final boolean present;
  private final Map<String, Definition> definitions;
  private final Map<String, Map<String, NavigableMap<Integer, Double>>> values;
  private final int rows;

  private Indicators(boolean present, Map<String, Definition> definitions,
      Map<String, Map<String, NavigableMap<Integer, Double>>> values, int rows) {
    this.present = present;
    this.definitions = definitions;
    this.values = values;
    this.rows = rows;
  }

  public static Indicators absent() {
    return ABSENT;
  }

  /** Builds the index; rows without a value are left out. */
  static Indicators of(List<Definition> definitionsSeen, List<Value> rows) {
    Map<String, Definition> defs = new LinkedHashMap<>();
    for (Definition d : definitionsSeen) {
      defs.putIfAbsent(d.code(), d);
    }
    Map<String, Map<String, TreeMap<Integer, Double>>> building = new LinkedHashMap<>();
    for (Value v : rows) {
      building.computeIfAbsent(v.code(), k -> new LinkedHashMap<>())
          .computeIfAbsent(v.iso3(), k -> new TreeMap<>()).put(v.year(), v.value());
    }
    Map<String, Map<String, NavigableMap<Integer, Double>>> frozen = new LinkedHashMap<>();
    building.forEach((code, byCountry) -> {
      Map<String, NavigableMap<Integer, Double>> m = new LinkedHashMap<>();
      byCountry.forEach((iso3, years) -> m.put(iso3, Collections.unmodifiableNavigableMap(years)));
      frozen.put(code, Collections.unmodifiableMap(m));
    });
    return new Indicators(true, Collections.unmodifiableMap(defs), Collections.unmodifiableMap(frozen),
        rows.size());
  }

  /** Whether this version has an {@code indicators} mart. */
  public boolean present() {
    return present;
  }

  public int rows() {
    return rows;
  }

  public Collection<Definition> definitions() {
    return definitions.values();
  }

  public Optional<Definition> definition(String code) {
    return Optional.ofNullable(definitions.get(code));
  }

  /** Country → year → value of one indicator (empty when unknown). */
  public Map<String, NavigableMap<Integer, Double>> byCountry(String code) {
    return values.getOrDefault(code, Map.of());
  }

  /** The value of an indicator for a country and year, if published. */
  public Optional<Double> value(String code, String iso3, int year) {
    NavigableMap<Integer, Double> years = byCountry(code).get(iso3);
    return years == null ? Optional.empty() : Optional.ofNullable(years.get(year));
  }
}
