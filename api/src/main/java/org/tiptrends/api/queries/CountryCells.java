package org.tiptrends.api.queries;

import java.util.Collection;
import java.util.List;
import org.tiptrends.api.snapshot.CellKey;
import org.tiptrends.api.snapshot.CountTable;
import org.tiptrends.api.snapshot.VictimCell;
import org.tiptrends.core.counts.CountInterval;

/**
 * Cells of a chosen set of countries that the marts do not aggregate (a balanced panel, the union
 * of a breakdown's cells), summed from the country rows of a {@link CountTable} ({@code victims_by_year}
 * or a {@code justice_by_year} measure) with the same
 * arithmetic as the job's roll-up: bounds add up, and coverage counts the countries that gave any
 * value and those that gave only {@code <5}.
 */
final class CountryCells {
  private CountryCells() {}

  /** The countries' sum of one cell in one year, or {@code null} when none of them reported it. */
  static VictimCell sum(CountTable t, Collection<String> countries, CellKey cell, int year) {
    CountInterval sum = CountInterval.ZERO;
    int reporting = 0;
    int suppressedOnly = 0;
    for (String country : countries) {
      VictimCell c = t.cells(country, cell).get(year);
      if (c != null) {
        sum = sum.plus(c.victims());
        reporting += c.reportingCountries();
        suppressedOnly += c.suppressedOnlyCountries();
      }
    }
    return reporting == 0 ? null
        : new VictimCell(year, cell.sex(), cell.age(), cell.form(), sum, reporting, suppressedOnly);
  }

  /**
   * Who stands behind several cells at once (the lines of a breakdown): {reporting, suppressed
   * only}, the countries that gave a value to any of the cells, and those of them whose every such
   * value is {@code <5}.
   */
  static int[] coverage(CountTable t, Collection<String> countries, List<CellKey> cells, int year) {
    int reporting = 0;
    int suppressedOnly = 0;
    for (String country : countries) {
      boolean any = false;
      boolean onlySuppressed = true;
      for (CellKey cell : cells) {
        VictimCell c = t.cells(country, cell).get(year);
        if (c != null) {
          any = true;
          onlySuppressed &= c.suppressedOnlyCountries() == c.reportingCountries();
        }
      }
      if (any) {
        reporting++;
        suppressedOnly += onlySuppressed ? 1 : 0;
      }
    }
    return new int[] {reporting, suppressedOnly};
  }
}
