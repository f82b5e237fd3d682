package org.tiptrends.core.geo;

/** Levels of the M49 hierarchy that marts aggregate to. */
public enum GeoLevel {
  WORLD, REGION, SUBREGION, INTERMEDIATE, COUNTRY;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
