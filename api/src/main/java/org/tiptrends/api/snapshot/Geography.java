package org.tiptrends.api.snapshot;

/**
 * A place the marts aggregate to.
 *
 * @param code {@code WLD}, an M49 region or sub-region code, or an ISO3 (M-code) country code
 * @param level world | region | subregion | country
 */
public record Geography(String code, String name, String level) {
  public static final String WORLD = "world";
  public static final String REGION = "region";
  public static final String SUBREGION = "subregion";
  public static final String COUNTRY = "country";
}
