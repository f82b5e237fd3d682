package org.tiptrends.jobs.sources.worldbank;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.sources.FileSniffer;
import org.tiptrends.jobs.sources.InputException;

/**
 * Reads a World Development Indicators CSV exactly as downloaded from the World Bank: UTF-8 with a
 * BOM, with or without the four preamble lines ("Data Source", "Last Updated Date"), wide (one
 * column per year). Returns long rows for countries only; aggregates (WLD, AFE, EUU, HIC, ...) are
 * not M49 countries and are set aside with their names; empty cells are missing values, not zeros.
 * The files are small (a few hundred rows), so they are read on the driver.
 */
public final class WdiCsvReader {
  static final int MAX_PREAMBLE_ROWS = 10;
  /** The WDI's columns before the years; all but the country's name are required. */
  static final List<String> HEADER = List.of("Country Name", "Country Code", "Indicator Name", "Indicator Code");

  /** One value of one indicator for one country and year. */
  public record Observation(int year, String iso3, String indicatorCode, String indicatorName, double value) {}

  /** A cell that is not a number, kept for the quarantine. */
  public record BadCell(String code, String indicatorCode, String year, String text) {}

  public record Result(List<Observation> observations, Map<String, String> excludedAggregates,
      List<BadCell> badCells, String lastUpdated, long rowsRead) {}

  public Result read(Location file, ReferenceData reference) {
    String name = file.toString();
    String notText = FileSniffer.notText(file);
    if (notText != null) {
      throw new InputException(name, "not a readable UTF-8 CSV file (" + notText + ")");
    }
    List<List<String>> rows = new ArrayList<>();
    try (BufferedReader reader = file.newBufferedReader();
        CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
      for (CSVRecord r : parser) {
        List<String> row = new ArrayList<>();
        r.forEach(v -> row.add(v.replace("\uFEFF", "").strip()));
        rows.add(row);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new InputException(name, "not a readable UTF-8 CSV file (" + FileSniffer.describe(e, file) + ")", e);
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
    int code = header.indexOf("Country Code");
    int indicatorName = header.indexOf("Indicator Name");
    int indicatorCode = header.indexOf("Indicator Code");
    Map<Integer, Integer> yearColumns = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).matches("\\d{4}")) {
        yearColumns.put(i, Integer.parseInt(header.get(i)));
      }
    }
    List<String> missing = new ArrayList<>(HEADER.subList(1, HEADER.size()).stream()
        .filter(c -> !header.contains(c)).toList());
    if (yearColumns.isEmpty()) {
      missing.add("year columns (1960, 1961, ...)");
    }
    if (!missing.isEmpty()) {
      throw new InputException(name, "missing required column(s) " + String.join(", ", missing)
          + " in the World Bank header");
    }
    int last = Math.max(code, Math.max(indicatorName, indicatorCode));
    int nameCol = header.indexOf("Country Name");
    List<Observation> out = new ArrayList<>();
    Map<String, String> aggregates = new java.util.TreeMap<>();
    List<BadCell> bad = new ArrayList<>();
    long read = 0;
    for (List<String> row : rows.subList(h + 1, rows.size())) {
      if (row.size() <= last || row.get(code).isEmpty()) {
        continue;
      }
      read++;
      String iso3 = row.get(code).toUpperCase(Locale.ROOT);
      if (reference.country(iso3).isEmpty()) {
        aggregates.put(iso3, nameCol >= 0 && nameCol < row.size() ? row.get(nameCol) : "");
        continue;
      }
      for (Map.Entry<Integer, Integer> y : yearColumns.entrySet()) {
        String text = y.getKey() < row.size() ? row.get(y.getKey()) : "";
        if (text.isEmpty()) {
          continue; // the World Bank leaves a cell empty where it has no estimate
        }
        try {
          double v = Double.parseDouble(text);
          if (!Double.isFinite(v)) {
            throw new NumberFormatException(text);
          }
          out.add(new Observation(y.getValue(), iso3, row.get(indicatorCode), row.get(indicatorName), v));
        } catch (NumberFormatException e) {
          bad.add(new BadCell(iso3, row.get(indicatorCode), Integer.toString(y.getValue()), text));
        }
      }
    }
    return new Result(out, aggregates, bad, lastUpdated, read);
  }
}
