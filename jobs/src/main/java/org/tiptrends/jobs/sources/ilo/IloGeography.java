package org.tiptrends.jobs.sources.ilo;

import java.util.Locale;
import org.tiptrends.core.citizenship.CitizenshipResolver;
import org.tiptrends.core.citizenship.OriginKind;
import org.tiptrends.core.citizenship.Resolution;
import org.tiptrends.core.geo.ReferenceData;

/**
 * Places an ILOSTAT reference area: the world, a country (by ISO3 code in bulk files, by name in
 * table exports, through the shared resolver, never by a fuzzy guess), or one of ILO's own regions,
 * kept as level {@code ilo_region} because they do not match M49's.
 */
final class IloGeography {
  record Place(String level, String code, String name) {}

  private IloGeography() {}

  static Place of(String area, ReferenceData reference) {
    String a = area.strip();
    if (a.equalsIgnoreCase("World") || a.equals("X01")) {
      return new Place("world", ReferenceData.WORLD_CODE, "World");
    }
    var byCode = reference.country(a.toUpperCase(Locale.ROOT));
    if (a.length() == 3 && byCode.isPresent()) {
      return new Place("country", byCode.get().code(), byCode.get().name());
    }
    Resolution r = CitizenshipResolver.standard().resolve(a);
    if (r.kind() == OriginKind.COUNTRY && !r.method().equals("fuzzy")) {
      return new Place("country", r.code(), reference.country(r.code()).orElseThrow().name());
    }
    String slug = a.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return new Place("ilo_region", "ILO:" + slug, a);
  }

  /** {@code '5-17} (a spreadsheet text marker) or {@code AGE_AGGREGATE_Y05-17} → {@code 5-17}. */
  static String ageBand(String label) {
    String s = label.strip().replace("'", "");
    int y = s.lastIndexOf("_Y");
    if (y >= 0) {
      s = s.substring(y + 2);
    }
    s = s.replaceAll("^0+(\\d)", "$1").replace("GE", "").replace("LT", "");
    return s.replaceAll("-0+(\\d)", "-$1");
  }

  static String sex(String label) {
    String s = label.strip().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "sex_t", "total" -> "total";
      case "sex_m", "male" -> "male";
      case "sex_f", "female" -> "female";
      default -> s;
    };
  }

  /**
   * A breakdown column's label or classification code as a sector: {@code Agriculture} or
   * {@code ECO_AGGREGATE_AGR} → {@code agriculture}; an ISIC section, with or without the
   * classification's name before it ({@code Economic activity (ISIC-Rev.4): A. Agriculture; forestry
   * and fishing}) → {@code a_agriculture_forestry_and_fishing}.
   */
  static String sector(String label) {
    String s = label.strip();
    int named = s.lastIndexOf(": ");
    if (named >= 0 && !s.startsWith("ECO_")) {
      s = s.substring(named + 2).strip();
    }
    int i = s.lastIndexOf('_');
    String tail = s.startsWith("ECO_") && i > 0 ? s.substring(i + 1) : s;
    return switch (tail.toUpperCase(Locale.ROOT)) {
      case "TOTAL" -> "total";
      case "AGR", "AGRICULTURE" -> "agriculture";
      case "IND", "INDUSTRY" -> "industry";
      case "SER", "SERVICES" -> "services";
      case "X", "NOT CLASSIFIED" -> "not_classified";
      default -> tail.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    };
  }
}
