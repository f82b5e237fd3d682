package org.tiptrends.core.geo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.tiptrends.core.citizenship.LabelNormalizer;

/**
 * The M49 reference tables of {@code datasets/reference}: countries and areas with their region
 * and sub-region, and the regions themselves. Immutable; {@link #standard()} is loaded once per JVM
 * from the copy packaged on the classpath.
 */
public final class ReferenceData {
  public static final String WORLD_CODE = "WLD";

  private final Map<String, Country> countriesByCode;
  private final Map<String, Country> countriesByNormalisedName;
  private final Map<String, Region> regionsByCode;

  private ReferenceData(List<Country> countries, List<Region> regions) {
    Map<String, Country> byCode = new LinkedHashMap<>();
    Map<String, Country> byName = new LinkedHashMap<>();
    for (Country c : countries) {
      if (byCode.put(c.code(), c) != null) {
        throw new IllegalStateException("duplicate country code in reference table: " + c.code());
      }
      byName.put(LabelNormalizer.normalise(c.name()), c);
    }
    Map<String, Region> regionMap = new LinkedHashMap<>();
    for (Region r : regions) {
      regionMap.put(r.code(), r);
    }
    this.countriesByCode = Collections.unmodifiableMap(byCode);
    this.countriesByNormalisedName = Collections.unmodifiableMap(byName);
    this.regionsByCode = Collections.unmodifiableMap(regionMap);
  }

  private static final class Holder {
    static final ReferenceData STANDARD = loadFromClasspath();
  }

  /** The packaged reference tables (loaded once, thread-safe). */
  public static ReferenceData standard() {
    return Holder.STANDARD;
  }

  static ReferenceData loadFromClasspath() {
    try (Reader countries = ReferenceTables.open("m49_countries.csv");
        Reader regions = ReferenceTables.open("m49_regions.csv")) {
      return load(countries, regions);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read packaged M49 reference tables", e);
    }
  }

  public static ReferenceData load(Reader countriesCsv, Reader regionsCsv) throws IOException {
    List<Country> countries = new ArrayList<>();
    for (CSVRecord r : csv(countriesCsv)) {
      countries.add(new Country(r.get("code"), emptyToNull(r.get("iso3")), emptyToNull(r.get("m49")),
          r.get("name"), emptyToNull(r.get("region_code")), emptyToNull(r.get("region_name")),
          emptyToNull(r.get("subregion_code")), emptyToNull(r.get("subregion_name")),
          emptyToNull(r.get("intermediate_code")), emptyToNull(r.get("intermediate_name"))));
    }
    List<Region> regions = new ArrayList<>();
    for (CSVRecord r : csv(regionsCsv)) {
      regions.add(new Region(r.get("code"), GeoLevel.valueOf(r.get("level").toUpperCase()),
          r.get("name"), emptyToNull(r.get("parent_code"))));
    }
    return new ReferenceData(countries, regions);
  }

  static Iterable<CSVRecord> csv(Reader reader) throws IOException {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** The country or area with this code (ISO3, or M + M49 code), if it is one. */
  public Optional<Country> country(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(countriesByCode.get(code.strip()));
  }

  /** The country whose M49 English name normalises to the same key as {@code name}. */
  public Optional<Country> countryByName(String name) {
    return name == null ? Optional.empty()
        : Optional.ofNullable(countriesByNormalisedName.get(LabelNormalizer.normalise(name)));
  }

  /** Countries keyed by normalised M49 English name (for the citizenship resolver). */
  public Map<String, Country> countriesByNormalisedName() {
    return countriesByNormalisedName;
  }

  public Optional<Region> region(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(regionsByCode.get(code));
  }

  public Collection<Country> countries() {
    return countriesByCode.values();
  }

  public Collection<Region> regions() {
    return regionsByCode.values();
  }
}
