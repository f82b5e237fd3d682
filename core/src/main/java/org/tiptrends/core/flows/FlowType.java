package org.tiptrends.core.flows;

/**
 * How far victims travelled from their origin to the country that detected them, by the M49
 * hierarchy: same country, same sub-region, same region, another region.
 */
public enum FlowType {
  DOMESTIC, SUBREGIONAL, REGIONAL, TRANSREGIONAL,
  /** Foreign, but the data do not say from where (or only that it is the destination's own region). */
  FOREIGN_UNSPECIFIED,
  UNKNOWN;

  /** The four types whose origin is known well enough to place: the denominator of flow shares. */
  public boolean knownOrigin() {
    return this == DOMESTIC || this == SUBREGIONAL || this == REGIONAL || this == TRANSREGIONAL;
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
