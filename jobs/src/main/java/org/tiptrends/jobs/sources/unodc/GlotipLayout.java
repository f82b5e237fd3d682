package org.tiptrends.jobs.sources.unodc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tiptrends.jobs.sources.InputException;

/**
 * The GLOTIP export layout, shared by the xlsx and csv readers: the header names, where the header
 * row is (the official xlsx has a two-row preamble: publisher, export date), and the raw schema
 * every reader produces (all text, as published, plus where each row came from).
 */
public final class GlotipLayout {
  /** Raw columns, in order, with the header each one is found under. */
  public static final Map<String, String> COLUMNS = columns();
  public static final List<String> REQUIRED = List.of("iso3_code", "country", "region", "subregion",
      "indicator", "dimension", "category", "sex", "age", "year", "txt_value");
  /** How far down a file the header may be. */
  public static final int MAX_PREAMBLE_ROWS = 20;
  public static final StructType RAW_SCHEMA = rawSchema();
  private static final Pattern EXPORT_DATE = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");

  private GlotipLayout() {}

  private static Map<String, String> columns() {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put("iso3_code", "Iso3_code");
    m.put("country", "Country");
    m.put("region", "Region");
    m.put("subregion", "Subregion");
    m.put("indicator", "Indicator");
    m.put("dimension", "Dimension");
    m.put("category", "Category");
    m.put("sex", "Sex");
    m.put("age", "Age");
    m.put("year", "Year");
    m.put("unit", "Unit of measurement");
    m.put("txt_value", "txtVALUE");
    m.put("source", "Source");
    return java.util.Collections.unmodifiableMap(m);
  }

  private static StructType rawSchema() {
    StructType s = new StructType();
    for (String c : COLUMNS.keySet()) {
      s = s.add(c, DataTypes.StringType, true);
    }
    return s.add("source_file", DataTypes.StringType, false).add("source_row", DataTypes.LongType, true);
  }

  /** Where the header is and which position holds each raw column. */
  public record Header(int rowIndex, Map<String, Integer> positions, List<List<String>> preamble) {
    public String publisher() {
      return preamble.isEmpty() || preamble.get(0).isEmpty() ? null : blankToNull(preamble.get(0).get(0));
    }

    public String exportDate() {
      for (List<String> row : preamble) {
        for (String cell : row) {
          if (cell != null && EXPORT_DATE.matcher(cell.strip()).matches()) {
            return cell.strip();
          }
        }
      }
      return null;
    }
  }

  /**
   * Finds the header among the first rows of a file.
   *
   * @throws InputException naming the file when there is no header or required columns are missing
   */
  public static Header locateHeader(String file, List<List<String>> firstRows) {
    for (int i = 0; i < firstRows.size() && i < MAX_PREAMBLE_ROWS; i++) {
      List<String> row = firstRows.get(i);
      Map<String, Integer> byName = new TreeMap<>();
      for (int j = 0; j < row.size(); j++) {
        if (row.get(j) != null) {
          byName.putIfAbsent(key(row.get(j)), j);
        }
      }
      if (!byName.containsKey(key("Iso3_code")) && !byName.containsKey(key("txtVALUE"))) {
        continue;
      }
      Map<String, Integer> positions = new java.util.LinkedHashMap<>();
      List<String> missing = new ArrayList<>();
      COLUMNS.forEach((column, header) -> {
        Integer pos = byName.get(key(header));
        if (pos != null) {
          positions.put(column, pos);
        } else if (REQUIRED.contains(column)) {
          missing.add(header);
        }
      });
      if (!missing.isEmpty()) {
        throw new InputException(file, "missing required column(s) " + String.join(", ", missing)
            + " in the header on row " + (i + 1));
      }
      return new Header(i, positions, List.copyOf(firstRows.subList(0, i)));
    }
    if (firstRows.isEmpty()) {
      throw new InputException(file, "empty file");
    }
    throw new InputException(file, "no GLOTIP header (a row with Iso3_code ... txtVALUE) in the first "
        + Math.min(firstRows.size(), MAX_PREAMBLE_ROWS) + " rows");
  }

  /** The problem of a file whose header has nothing under it (an export of an empty selection). */
  static String noDataRows(Header header) {
    return "no data rows under the GLOTIP header on row " + (header.rowIndex() + 1)
        + " (a header-only export: was the download's selection empty?)";
  }

  /**
   * A first-rows line that holds the GLOTIP header in a single cell, split by another separator
   * (a European Excel "CSV" uses ';'): the separator, or {@code null}.
   */
  static String foreignSeparator(List<List<String>> firstRows) {
    for (List<String> row : firstRows) {
      if (row.size() == 1 && row.get(0) != null) {
        String cell = row.get(0).toLowerCase(Locale.ROOT);
        if (cell.contains("iso3_code") || cell.contains("txtvalue")) {
          for (char sep : new char[] {';', '\t', '|'}) {
            if (cell.indexOf(sep) >= 0) {
              return sep == '\t' ? "tabs" : "'" + sep + "'";
            }
          }
        }
      }
    }
    return null;
  }

  private static String key(String header) {
    return header.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
