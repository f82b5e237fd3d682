package org.tiptrends.jobs.sources.ilo;

import java.util.List;
import org.tiptrends.jobs.io.Location;

/** The cells of an ILOSTAT table export as the table reader sees them, for tests that convert a real table. */
public final class IloTablesForTests {
  private IloTablesForTests() {}

  /** Every row of a workbook's first sheet as text (numbers at full precision). */
  public static List<List<String>> load(Location xlsx) {
    return IloTableReader.load(xlsx, null);
  }
}
