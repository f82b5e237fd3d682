package org.tiptrends.jobs.sources;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Export dates as publishers print them ({@code 30/05/2023} UNODC, {@code 06/07/2021 12:18:08}
 * ILOSTAT — both day first — and {@code 2023-05-10} World Bank) to ISO 8601 dates.
 */
public final class ExportDates {
  private static final List<DateTimeFormatter> FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT));

  private ExportDates() {}

  /** The ISO date, or {@code null} when the text is absent or not a date in a known form. */
  public static String iso(String published) {
    if (published == null || published.isBlank()) {
      return null;
    }
    String date = published.strip().split("\\s+")[0];
    for (DateTimeFormatter f : FORMATS) {
      try {
        return LocalDate.parse(date, f).toString();
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return null;
  }
}
