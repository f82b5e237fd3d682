package org.tiptrends.api.snapshot;

/** The breakdown of a {@code victims_by_year} cell: sex × age × form. */
public record CellKey(String sex, String age, String form) {
  public static final String TOTAL = "total";
  /** sex, age and form all {@code total}: the cell that says a geography reported in a year. */
  public static final CellKey ALL = new CellKey(TOTAL, TOTAL, TOTAL);
}
