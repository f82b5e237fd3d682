package org.tiptrends.api.queries;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tiptrends.api.snapshot.Geography;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.core.flows.Flow;
import org.tiptrends.core.geo.Country;
import org.tiptrends.core.geo.GeoLevel;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.core.geo.Region;

/**
 * Codes in requests → places: the geographies of {@code victims_by_year}, countries as
 * destinations of flows, and origins. A place the M49 reference tables know but the marts have no
 * rows for is still a place (its answers are empty), so a country that did not report is not an
 * "unknown geography".
 */
public final class Places {
  /** An origin filter: the code asked for and the {@code origin_code}s of flows it covers. */
  public record Origin(String code, String name, String level, @JsonIgnore Set<String> originCodes) {
    /** The covered origin codes, sorted (for answers). */
    @JsonProperty("covers")
    public List<String> covers() {
      return originCodes.stream().sorted().toList();
    }
  }

  private static final ReferenceData REFERENCE = ReferenceData.standard();

  private Places() {}

  /** WLD, an M49 region or sub-region, or a country (ISO3 / M-code). */
  public static Optional<Geography> geography(MartSnapshot s, String code) {
    Optional<Geography> inMarts = s.geography(code);
    if (inMarts.isPresent()) {
      return inMarts;
    }
    if (code.equals(ReferenceData.WORLD_CODE)) {
      return Optional.of(new Geography(code, "World", Geography.WORLD));
    }
    Optional<Country> c = REFERENCE.country(code);
    if (c.isPresent()) {
      return Optional.of(new Geography(c.get().code(), c.get().name(), Geography.COUNTRY));
    }
    return REFERENCE.region(code)
        .filter(r -> r.level() == GeoLevel.REGION || r.level() == GeoLevel.SUBREGION)
        .map(r -> new Geography(r.code(), r.name(), r.level().code()));
  }

  /** Whether the country {@code iso3} lies in {@code geo} (the world, its M49 region or sub-region, or itself). */
  public static boolean contains(Geography geo, String iso3) {
    return switch (geo.level()) {
      case Geography.WORLD -> true;
      case Geography.COUNTRY -> geo.code().equals(iso3);
      default -> REFERENCE.country(iso3).map(c -> geo.code().equals(c.regionCode())
          || geo.code().equals(c.subregionCode())).orElse(false);
    };
  }

  /** Why a code is no geography, for the problem detail. */
  public static String whyNotAGeography(String code) {
    Optional<Region> r = REFERENCE.region(code);
    if (r.isPresent() && r.get().level() == GeoLevel.INTERMEDIATE) {
      return code + " (" + r.get().name() + ") is an M49 intermediate region; the marts aggregate to "
          + "regions and sub-regions: use sub-region " + r.get().parentCode() + " or its countries";
    }
    if (r.isPresent() && r.get().level() == GeoLevel.WORLD) {
      return "the world is WLD";
    }
    return "no geography has code " + code + "; use WLD, an M49 region or sub-region code, or an ISO3 "
        + "country code (listed by /api/v1/meta)";
  }

  /** A country as a destination of flows. */
  public static Optional<Geography> country(MartSnapshot s, String code) {
    Optional<Country> c = REFERENCE.country(code);
    if (c.isPresent()) {
      return Optional.of(new Geography(c.get().code(), c.get().name(), Geography.COUNTRY));
    }
    return s.isFlowDestination(code) ? Optional.of(new Geography(code, code, Geography.COUNTRY))
        : Optional.empty();
  }

  /** The name of a geography or country code for answers (the code itself when unknown). */
  public static Geography named(MartSnapshot s, String code) {
    return geography(s, code).orElse(new Geography(code, code, Geography.COUNTRY));
  }

  /**
   * An origin: a country (its flows), a sub-region (flows from it or from its countries), a region
   * (flows from it, its sub-regions or its countries), or {@code UNK} (origin not known or not
   * specified).
   */
  public static Optional<Origin> origin(MartSnapshot s, String code) {
    if (code.equals(Flow.UNKNOWN_CODE)) {
      return Optional.of(new Origin(code, "Unknown or unspecified origin", "unknown", Set.of(code)));
    }
    Optional<Country> c = REFERENCE.country(code);
    if (c.isPresent()) {
      return Optional.of(new Origin(code, c.get().name(), Geography.COUNTRY, Set.of(code)));
    }
    Optional<Region> r = REFERENCE.region(code);
    if (r.isPresent() && (r.get().level() == GeoLevel.REGION || r.get().level() == GeoLevel.SUBREGION)) {
      Set<String> codes = new LinkedHashSet<>();
      codes.add(code);
      boolean region = r.get().level() == GeoLevel.REGION;
      for (Region sub : REFERENCE.regions()) {
        if (region && sub.level() == GeoLevel.SUBREGION && code.equals(sub.parentCode())) {
          codes.add(sub.code());
        }
      }
      for (Country country : REFERENCE.countries()) {
        if (code.equals(region ? country.regionCode() : country.subregionCode())) {
          codes.add(country.code());
        }
      }
      return Optional.of(new Origin(code, r.get().name(), r.get().level().code(), Set.copyOf(codes)));
    }
    if (s.isFlowOrigin(code)) {
      return Optional.of(new Origin(code, code, "other", Set.of(code)));
    }
    return Optional.empty();
  }

  /** The origin of one flow row, named. */
  static FlowQuery.OriginRef originOf(String code, String level) {
    String name;
    if (code.equals(Flow.UNKNOWN_CODE)) {
      name = "foreign_unspecified".equals(level) ? "Foreign, origin not specified" : "Unknown";
    } else {
      name = REFERENCE.country(code).map(Country::name)
          .or(() -> REFERENCE.region(code).map(Region::name)).orElse(code);
    }
    return new FlowQuery.OriginRef(code, name, level);
  }
}
