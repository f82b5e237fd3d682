package org.tiptrends.core.citizenship;

/** What a citizenship label tells about where victims come from. */
public enum OriginKind {
  /** A country or area: the origin code is its code. */
  COUNTRY,
  /** Only the M49 sub-region is known. */
  SUBREGION,
  /** Only the M49 region is known. */
  REGION,
  /** The detecting country's own nationals. */
  DOMESTIC,
  /** Foreign, without a country ("other nationalities"). */
  FOREIGN_UNSPECIFIED,
  /** Unknown, or a label nobody could resolve. */
  UNKNOWN,
  /** Not an origin at all (a {@code TOTAL} row): excluded from flows. */
  NOT_ORIGIN;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static OriginKind fromCode(String code) {
    return valueOf(code.strip().toUpperCase(java.util.Locale.ROOT));
  }
}
