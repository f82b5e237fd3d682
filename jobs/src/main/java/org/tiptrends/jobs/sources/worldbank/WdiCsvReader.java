package org.tiptrends.jobs.sources.worldbank;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.util.CellReference;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.sources.FileSniffer;
import org.tiptrends.jobs.sources.InputException;
import org.tiptrends.jobs.sources.SourceFile;
import org.tiptrends.jobs.sources.TextEncoding;

/**
 * Reads a World Development Indicators CSV as downloaded from the World Bank: wide (one column per
 * year), UTF-8 with a BOM, with or without the four preamble lines ("Data Source", "Last Updated
 * Date": the file's vintage), any indicator. The files are small (a few hundred rows), so they are
 * read on the driver.
 *
 * <p>The header is read by name, and every cell of it is understood or the file is refused: after
 * {@code Country Name, Country Code, Indicator Name, Indicator Code} come the years, consecutive and
 * ascending ({@code 1960}; DataBank's {@code 1960 [YR1960]} and {@code YR1960} too). A header cell
 * with a digit that is not a year ({@code 2O15}), a year that comes twice, or a gap in the years
 * fails the file with the column named: that year's values would otherwise vanish unnoticed. Safe to
 * skip, with a warning: a named column with no digit in its name ({@code Notes}), which cannot be a
 * misspelt year. Passed over: an unnamed column with nothing in it (the trailing comma of every WDI
 * line) and a leading unnamed index column (pandas).
 */
public final class WdiCsvReader {
  static final int MAX_PREAMBLE_ROWS = 10;
  /** The WDI's columns before the years; all but the country's name are required. */
  static final List<String> HEADER = List.of("Country Name", "Country Code", "Indicator Name", "Indicator Code");
  static final String PUBLISHER = "World Bank, World Development Indicators";
  private static final Pattern YEAR = Pattern.compile("(\\d{4})(?:\\.0+)?|(\\d{4}) \\[YR\\2]|YR(\\d{4})");
  private static final Pattern UNNAMED = Pattern.compile("|Unnamed: \\d+");

  WorldBankFile read(Location file) {
    String name = file.toString();
    TextEncoding.Verdict encoding = TextEncoding.of(file, "World Bank CSV");
    List<List<String>> rows = new ArrayList<>();
    try (BufferedReader reader = encoding.reader(file);
        CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
      for (CSVRecord r : parser) {
        List<String> row = new ArrayList<>();
        r.forEach(v -> row.add(v.strip()));
        rows.add(row);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new InputException(name, "not a readable World Bank CSV (" + FileSniffer.describe(e, file) + ")", e);
    }
    if (rows.isEmpty()) {
      throw new InputException(name, "empty file");
    }
    // the header is the first row naming at least two of the WDI's columns; then every one is required
    int h = -1;
    String lastUpdated = null;
    for (int i = 0; i < Math.min(rows.size(), MAX_PREAMBLE_ROWS); i++) {
      List<String> row = rows.get(i);
      if (row.size() >= 2 && row.get(0).equalsIgnoreCase("Last Updated Date")) {
        lastUpdated = row.get(1);
      }
      if (HEADER.stream().filter(row::contains).count() >= 2) {
        h = i;
        break;
      }
    }
    if (h < 0) {
      throw new InputException(name, "no World Bank header (Country Name, Country Code, Indicator Name, "
          + "Indicator Code, years) in the first " + MAX_PREAMBLE_ROWS + " rows");
    }
    List<String> header = rows.get(h);
    if (header.containsAll(DataPackageReader.COLUMNS) && !header.contains("Indicator Code")) {
      throw new InputException(name, "a long-layout World Bank CSV (" + String.join(", ", DataPackageReader.COLUMNS)
          + ") names no indicator: keep it in its data package folder, beside the datapackage.json that names it");
    }
    List<List<String>> data = rows.subList(h + 1, rows.size());
    List<String> missing = new ArrayList<>(HEADER.subList(1, HEADER.size()).stream()
        .filter(c -> !header.contains(c)).toList());
    List<String> warnings = new ArrayList<>();
    List<int[]> years = yearColumns(name, header, data, warnings); // {column, year}
    if (years.isEmpty()) {
      missing.add("year columns (1960, 1961, ...)");
    }
    if (!missing.isEmpty()) {
      throw new InputException(name, "missing required column(s) " + String.join(", ", missing)
          + " in the World Bank header");
    }
    int code = header.indexOf("Country Code");
    int indicatorName = header.indexOf("Indicator Name");
    int indicatorCode = header.indexOf("Indicator Code");
    int nameCol = header.indexOf("Country Name");
    int last = Math.max(code, Math.max(indicatorName, indicatorCode));
    List<WorldBankFile.Cell> cells = new ArrayList<>();
    long read = 0;
    for (List<String> row : data) {
      if (row.size() <= last || row.get(code).isEmpty()) {
        continue;
      }
      read++;
      String iso3 = row.get(code).toUpperCase(Locale.ROOT);
      String country = nameCol >= 0 && nameCol < row.size() ? row.get(nameCol) : "";
      for (int[] y : years) {
        cells.add(new WorldBankFile.Cell(iso3, country, row.get(indicatorCode), row.get(indicatorName), y[1],
            y[0] < row.size() ? row.get(y[0]) : ""));
      }
    }
    SourceFile input = SourceFile.of(WorldBankSource.FOLDER, file, "csv", read, PUBLISHER, lastUpdated).with(encoding);
    return new WorldBankFile(file, PUBLISHER + " (" + file.name() + ")", cells, read,
        lastUpdated == null ? WorldBankFile.Vintage.none("Last Updated Date")
            : WorldBankFile.Vintage.of(lastUpdated, "Last Updated Date"), warnings, input);
  }

  /**
   * The year columns in order, or the file refused naming the header cell it does not understand.
   *
   * @param warnings gets one line per column skipped
   */
  private static List<int[]> yearColumns(String file, List<String> header, List<List<String>> data,
      List<String> warnings) {
    int firstNamed = HEADER.stream().mapToInt(header::indexOf).filter(i -> i >= 0).min().orElse(0);
    List<int[]> years = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String label = header.get(i);
      if (HEADER.contains(label)) {
        continue;
      }
      Integer year = year(label);
      String column = "column " + CellReference.convertNumToColString(i) + " (" + (i + 1) + ")";
      if (year != null) {
        if (!years.isEmpty()) {
          int[] before = years.get(years.size() - 1);
          if (year != before[1] + 1) {
            throw new InputException(file, "the year columns of the World Bank header go from " + before[1]
                + " to " + year + " at " + column + (year == before[1] ? ": a year named twice"
                : year < before[1] ? ": years out of order" : ": a year column is missing or misnamed")
                + "; fix the header");
          }
        }
        years.add(new int[] {i, year});
      } else if (UNNAMED.matcher(label).matches()) {
        String value = firstValue(data, i);
        if (value != null && !(i < firstNamed && isRowNumbers(data, i))) {
          throw new InputException(file, column + " of the World Bank header has no name but holds values ('"
              + value + "'): name it with its year");
        }
      } else if (label.chars().anyMatch(Character::isDigit)) {
        throw new InputException(file, "header cell '" + label + "' at " + column
            + " is not a year (the World Bank header has one column per year: 1960, 1961, ...); fix the header");
      } else {
        warnings.add(file + ": " + column + " '" + label + "' is not a year column: skipped");
      }
    }
    return years;
  }

  private static Integer year(String label) {
    Matcher m = YEAR.matcher(label);
    if (!m.matches()) {
      return null;
    }
    for (int g = 1; g <= 3; g++) {
      if (m.group(g) != null) {
        return Integer.parseInt(m.group(g));
      }
    }
    return null;
  }

  private static String firstValue(List<List<String>> data, int column) {
    for (List<String> row : data) {
      if (column < row.size() && !row.get(column).isEmpty()) {
        return row.get(column);
      }
    }
    return null;
  }

  /** A pandas index: 0, 1, 2, ... (or from 1) down the rows. */
  private static boolean isRowNumbers(List<List<String>> data, int column) {
    long expected = -1;
    for (List<String> row : data) {
      String v = column < row.size() ? row.get(column) : "";
      if (!v.matches("\\d+")) {
        return false;
      }
      long n = Long.parseLong(v);
      if (expected >= 0 && n != expected) {
        return false;
      }
      expected = n + 1;
    }
    return true;
  }
}
