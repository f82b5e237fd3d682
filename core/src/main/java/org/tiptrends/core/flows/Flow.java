package org.tiptrends.core.flows;

import java.io.Serializable;
import org.tiptrends.core.citizenship.OriginKind;
import org.tiptrends.core.citizenship.Resolution;
import org.tiptrends.core.geo.Country;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.core.geo.Region;

/**
 * The origin of victims detected in a destination country, placed on the M49 hierarchy.
 *
 * @param originCode ISO3 (or M-code) of a country; the M49 code of a region or sub-region;
 *     {@code UNK} when not known
 * @param originLevel country | subregion | region | foreign_unspecified | unknown
 */
public record Flow(String originCode, String originLevel, FlowType type) implements Serializable {
  public static final String UNKNOWN_CODE = "UNK";

  /**
   * Classifies a resolved citizenship for victims detected in {@code destination}.
   *
   * <p>An origin known only as the destination's own region (or sub-region) is foreign but cannot
   * be told apart between sub-regional and regional: it is {@link FlowType#FOREIGN_UNSPECIFIED}
   * and so stays out of the known-origin denominator rather than inflate one of the two.
   *
   * @throws IllegalArgumentException for {@link OriginKind#NOT_ORIGIN}: total rows are no flow
   */
  public static Flow classify(Country destination, Resolution origin, ReferenceData reference) {
    switch (origin.kind()) {
      case DOMESTIC:
        return new Flow(destination.code(), "country", FlowType.DOMESTIC);
      case COUNTRY: {
        Country from = reference.country(origin.code()).orElseThrow();
        FlowType type;
        if (from.code().equals(destination.code())) {
          type = FlowType.DOMESTIC;
        } else if (same(from.subregionCode(), destination.subregionCode())) {
          type = FlowType.SUBREGIONAL;
        } else if (same(from.regionCode(), destination.regionCode())) {
          type = FlowType.REGIONAL;
        } else {
          type = FlowType.TRANSREGIONAL;
        }
        return new Flow(from.code(), "country", type);
      }
      case SUBREGION: {
        Region sub = reference.region(origin.code()).orElseThrow();
        FlowType type;
        if (sub.code().equals(destination.subregionCode())) {
          type = FlowType.SUBREGIONAL; // another country (nationals are listed apart) of the same sub-region
        } else if (same(sub.parentCode(), destination.regionCode())) {
          type = FlowType.REGIONAL;
        } else {
          type = FlowType.TRANSREGIONAL;
        }
        return new Flow(sub.code(), "subregion", type);
      }
      case REGION: {
        FlowType type = origin.code().equals(destination.regionCode())
            ? FlowType.FOREIGN_UNSPECIFIED : FlowType.TRANSREGIONAL;
        return new Flow(origin.code(), "region", type);
      }
      case FOREIGN_UNSPECIFIED:
        return new Flow(UNKNOWN_CODE, "foreign_unspecified", FlowType.FOREIGN_UNSPECIFIED);
      case UNKNOWN:
        return new Flow(UNKNOWN_CODE, "unknown", FlowType.UNKNOWN);
      default:
        throw new IllegalArgumentException("'" + origin.label() + "' is not an origin");
    }
  }

  private static boolean same(String a, String b) {
    return a != null && a.equals(b);
  }
}
