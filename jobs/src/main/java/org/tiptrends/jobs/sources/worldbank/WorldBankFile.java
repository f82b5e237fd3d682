package org.tiptrends.jobs.sources.worldbank;

import java.time.LocalDate;
import java.util.List;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.sources.ExportDates;
import org.tiptrends.jobs.sources.SourceFile;

/**
 * What one World Bank file states, in either layout, before {@link WorldBankSource} decides what each
 * value is (a country's value, an aggregate's, a cell that is not a number) and which file wins where
 * two give the same indicator for the same country-year.
 *
 * @param label how the {@code indicators} mart's {@code source} column names the file
 * @param warnings header cells the reader could safely skip, one line each
 * @param input the file as run.json lists it
 */
record WorldBankFile(Location file, String label, List<Cell> cells, long rowsRead, Vintage vintage,
    List<String> warnings, SourceFile input) {

  /** One cell as written: a country or aggregate code, an indicator, a year and the cell's text. */
  record Cell(String code, String countryName, String indicatorCode, String indicatorName, int year, String text) {}

  /**
   * The date of the data's release, which decides between two files giving the same values.
   *
   * @param earliest the date, or for a date that reads day first or month first the earlier reading
   * @param latest the same, the later reading; both null where the file states no date
   * @param asPublished the text as the file states it, and {@code from} where ({@code Last Updated Date})
   */
  record Vintage(LocalDate earliest, LocalDate latest, String asPublished, String from) {
    static Vintage of(String asPublished, String from) {
      LocalDate d = ExportDates.parse(asPublished);
      if (d == null) {
        return new Vintage(null, null, asPublished, from);
      }
      LocalDate other = ExportDates.ambiguous(asPublished) ? LocalDate.of(d.getYear(), d.getDayOfMonth(),
          d.getMonthValue()) : d;
      return new Vintage(d.isBefore(other) ? d : other, d.isBefore(other) ? other : d, asPublished, from);
    }

    static Vintage none(String from) {
      return new Vintage(null, null, null, from);
    }

    boolean known() {
      return earliest != null;
    }

    /** Newer than {@code other} however either date is read. */
    boolean newerThan(Vintage other) {
      return known() && other.known() && earliest.isAfter(other.latest);
    }

    /** As run.json gives it: the ISO date, or both readings of an ambiguous one. */
    String iso() {
      return !known() ? null : earliest.equals(latest) ? earliest.toString() : earliest + " or " + latest;
    }

    /** Why this vintage cannot be told apart from another's. */
    String describe(String file) {
      if (!known()) {
        return asPublished == null ? file + " states no " + from : file + "'s " + from + " '" + asPublished + "' is not a date";
      }
      return earliest.equals(latest) ? file + "'s " + from + " is " + earliest
          : file + "'s " + from + " '" + asPublished + "' reads as " + earliest + " or " + latest;
    }
  }
}
