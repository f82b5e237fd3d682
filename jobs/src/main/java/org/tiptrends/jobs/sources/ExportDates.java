package org.tiptrends.jobs.sources;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as files print them, to ISO 8601: {@code 2023-05-10} (World Bank, data packages),
 * {@code 30/05/2023} (UNODC), {@code 06/07/2021 12:18:08} (ILOSTAT), and the forms a spreadsheet
 * leaves after a re-save: {@code 5/29/97}, {@code 29-05-1997}. The publishers that use slashes put
 * the day first, so a date that reads either way ({@code 5/10/2023}) is read day first; one that reads
 * only one way ({@code 5/29/97}) is read that way. Two-digit years are 1950–2049.
 */
public final class ExportDates {
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2}|\\d{4})");

  private ExportDates() {}

  /** The ISO date, or {@code null} when the text is absent or not a date in a known form. */
  public static String iso(String published) {
    LocalDate d = parse(published);
    return d == null ? null : d.toString();
  }

  /** The date, or {@code null} when the text is absent or not a date in a known form. */
  public static LocalDate parse(String published) {
    if (published == null || published.isBlank()) {
      return null;
    }
    String date = published.strip().split("[\\sT]+")[0];
    Matcher iso = ISO.matcher(date);
    if (iso.matches()) {
      return date(iso.group(1), iso.group(2), iso.group(3));
    }
    Matcher m = DAY_MONTH_YEAR.matcher(date);
    if (!m.matches()) {
      return null;
    }
    String year = m.group(3).length() == 2 ? twoDigitYear(m.group(3)) : m.group(3);
    LocalDate dayFirst = date(year, m.group(2), m.group(1));
    return dayFirst != null ? dayFirst : date(year, m.group(1), m.group(2));
  }

  /** Whether the text is a date that reads both day first and month first, as different days. */
  public static boolean ambiguous(String published) {
    if (published == null) {
      return false;
    }
    Matcher m = DAY_MONTH_YEAR.matcher(published.strip().split("[\\sT]+")[0]);
    if (!m.matches()) {
      return false;
    }
    int a = Integer.parseInt(m.group(1));
    int b = Integer.parseInt(m.group(2));
    return a != b && a <= 12 && b <= 12;
  }

  private static String twoDigitYear(String yy) {
    int y = Integer.parseInt(yy);
    return Integer.toString(y < 50 ? 2000 + y : 1900 + y);
  }

  private static LocalDate date(String year, String month, String day) {
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException e) {
      return null;
    }
  }
}
