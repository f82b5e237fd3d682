package org.tiptrends.jobs;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A deliberately separate, naive reading of GLOTIP files for tests: POI's in-memory workbook (not
 * the streaming reader the job uses), Commons CSV, the export's own Region column as the country
 * marker, and the txtVALUE rule written out again. Expected figures come from here, so a bug in
 * the job's readers, staging or reference tables shows up as a mismatch.
 */
public final class IndependentGlotip {
  private IndependentGlotip() {}

  public static List<Map<String, String>> rows(Path file) throws Exception {
    List<List<String>> lines = new ArrayList<>();
    if (file.toString().endsWith(".xlsx")) {
      DataFormatter fmt = new DataFormatter();
      // opened read-only: XSSFWorkbook(File) would write the workbook back on close
      try (XSSFWorkbook wb = new XSSFWorkbook(org.apache.poi.openxml4j.opc.OPCPackage.open(file.toFile(),
          org.apache.poi.openxml4j.opc.PackageAccess.READ))) {
        Sheet s = wb.getSheetAt(0);
        for (org.apache.poi.ss.usermodel.Row r : s) {
          List<String> line = new ArrayList<>();
          for (int i = 0; i < r.getLastCellNum(); i++) {
            Cell c = r.getCell(i);
            line.add(c == null ? "" : fmt.formatCellValue(c));
          }
          lines.add(line);
        }
      }
    } else {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        for (CSVRecord r : CSVFormat.RFC4180.parse(in)) {
          List<String> line = new ArrayList<>();
          r.forEach(line::add);
          lines.add(line);
        }
      }
    }
    int h = 0;
    while (!lines.get(h).contains("Iso3_code")) {
      h++;
    }
    List<String> header = lines.get(h);
    List<Map<String, String>> out = new ArrayList<>();
    for (List<String> line : lines.subList(h + 1, lines.size())) {
      Map<String, String> m = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        m.put(header.get(i), i < line.size() ? line.get(i) : "");
      }
      out.add(m);
    }
    return out;
  }

  /**
   * {low, high, point} of a txtVALUE, or null when it is not a count. {@code <5} is 0 to 4 victims,
   * point 2: the export holds no value 0-4, so a count of zero is written {@code <5} too.
   */
  public static double[] value(String txt) {
    if (txt.equals("<5")) {
      return new double[] {0, 4, 2};
    }
    String digits = txt.replace(",", "");
    if (!digits.matches("[0-9]+")) {
      return null;
    }
    double v = Double.parseDouble(digits);
    return new double[] {v, v, v};
  }

  public static boolean isCountry(Map<String, String> row) {
    return !row.get("Region").isBlank();
  }

  public static boolean victims(Map<String, String> row, String dimension) {
    return row.get("Indicator").equals("Detected trafficking victims") && row.get("Dimension").equals(dimension);
  }

  public static boolean is(Map<String, String> row, String indicator, String dimension) {
    return row.get("Indicator").equals(indicator) && row.get("Dimension").equals(dimension);
  }

  /** One cell of a country: sex, age, form (the marts' codes, mapped here from the export's words). */
  public record Key(String level, String geo, int year, String sex, String age, String form) {}

  /** Sums of a cell and its coverage: countries that gave any value, and those that gave only {@code <5}. */
  public static final class Sum {
    public double low;
    public double high;
    public double point;
    public final java.util.Set<String> reporting = new java.util.TreeSet<>();
    public final java.util.Set<String> suppressedOnly = new java.util.TreeSet<>();
  }

  private static final Map<String, String> SEX = Map.of("Total", "total", "Female", "female", "Male", "male",
      "Other", "other", "Unknown", "unknown");
  private static final Map<String, String> AGE = Map.of("Total", "total", "18 years or over", "adult",
      "0 to 17 years", "child", "Unknown", "unknown");
  private static final Map<String, String> FORM = Map.of("Sexual exploitation", "sexual_exploitation",
      "Forced labour", "forced_labour", "Other forms of exploitation", "other");

  /**
   * Every cell of {@code victims_by_year} computed from the export's rows: a country's cell sums its
   * rows of one key (a country is its Iso3_code, or {@code name:} and its name where the code is
   * blank); the world ({@code WLD}), each region and each sub-region (named as the export's
   * Region and Subregion columns name them) sum their countries' cells, count the countries that
   * reported the cell and those whose every row of it is {@code <5}.
   */
  public static Map<Key, Sum> victimCells(List<Map<String, String>> rows) {
    return cells(rows, "Detected trafficking victims");
  }

  /** The export's Indicator of each {@code justice_by_year} measure, written out here again. */
  public static final Map<String, String> JUSTICE_INDICATORS = Map.of("formal_contact",
      "Persons brought into formal contact", "prosecuted", "Persons prosecuted", "convicted", "Persons convicted",
      "offences", "Offences of trafficking in persons");

  /** Every cell of {@code justice_by_year} of one measure, computed from the export's rows as {@link #victimCells}. */
  public static Map<Key, Sum> justiceCells(List<Map<String, String>> rows, String measure) {
    return cells(rows, java.util.Objects.requireNonNull(JUSTICE_INDICATORS.get(measure), measure));
  }

  private static Map<Key, Sum> cells(List<Map<String, String>> rows, String indicator) {
    Map<Key, Sum> countryCells = new java.util.HashMap<>();
    Map<Key, Boolean> allSuppressed = new java.util.HashMap<>();
    Map<String, String[]> places = new java.util.HashMap<>();
    for (Map<String, String> r : rows) {
      boolean total = is(r, indicator, "Total");
      if (!isCountry(r) || !(total || is(r, indicator, "by form of exploitation"))) {
        continue;
      }
      String form = total ? "total" : FORM.get(r.get("Category"));
      // a country without a code (Sark) is known by its name
      String country = r.get("Iso3_code").isBlank() ? "name:" + r.get("Country") : r.get("Iso3_code");
      Key key = new Key("country", country, Integer.parseInt(r.get("Year")),
          java.util.Objects.requireNonNull(SEX.get(r.get("Sex")), r.toString()),
          java.util.Objects.requireNonNull(AGE.get(r.get("Age")), r.toString()),
          java.util.Objects.requireNonNull(form, r.toString()));
      double[] v = java.util.Objects.requireNonNull(value(r.get("txtVALUE")), r.toString());
      Sum c = countryCells.computeIfAbsent(key, k -> new Sum());
      c.low += v[0];
      c.high += v[1];
      c.point += v[2];
      allSuppressed.merge(key, r.get("txtVALUE").equals("<5"), Boolean::logicalAnd);
      places.put(key.geo(), new String[] {r.get("Region"), r.get("Subregion")});
    }
    Map<Key, Sum> all = new java.util.HashMap<>();
    countryCells.forEach((key, cell) -> {
      String[] place = places.get(key.geo());
      for (String[] area : new String[][] {{"country", key.geo()}, {"world", "WLD"}, {"region", place[0]},
          {"subregion", place[1]}}) {
        Sum sum = all.computeIfAbsent(new Key(area[0], area[1], key.year(), key.sex(), key.age(), key.form()),
            k -> new Sum());
        sum.low += cell.low;
        sum.high += cell.high;
        sum.point += cell.point;
        sum.reporting.add(key.geo());
        if (allSuppressed.get(key)) {
          sum.suppressedOnly.add(key.geo());
        }
      }
    });
    return all;
  }

  /**
   * One labelled breakdown of a country's count (by citizenship, by country of repatriation) as the
   * workbook gives it: per year and reporting country (rows with a Region; known by Iso3_code), the
   * sum of every row except the export's totals ({@code totals}, written out by the test), and,
   * for the country-years whose every other label is a country name the workbook's own Country
   * column uses or "Nationals" (the reporting country's own), the sum per named country's Iso3_code
   * with the flow type from the workbook's Region and Subregion columns of both countries.
   */
  public static final class Breakdown {
    /** "year|iso3" → {low, high, point} over every non-total row. */
    public final Map<String, double[]> byCountryYear = new java.util.TreeMap<>();
    /** "year|WLD" → {low, high, point}: every country's non-total rows. */
    public final Map<Integer, double[]> world = new java.util.TreeMap<>();
    /** "year|iso3|namedIso3" → {low, high, point}, for the country-years read by names only. */
    public final Map<String, double[]> byNamedCountry = new java.util.TreeMap<>();
    /** "year|iso3|namedIso3" → domestic, subregional, regional or transregional. */
    public final Map<String, String> flowType = new java.util.TreeMap<>();
    /** {low, high, point} of the total rows left out (so a test can tell that they were). */
    public final double[] totals = new double[3];
    public int rows;
  }

  public static Breakdown breakdown(List<Map<String, String>> rows, String indicator, String dimension,
      java.util.Set<String> totals) {
    Map<String, String> codeByName = new HashMap<>();
    Map<String, String[]> places = new HashMap<>();
    for (Map<String, String> r : rows) {
      if (isCountry(r) && !r.get("Iso3_code").isBlank()) {
        codeByName.put(r.get("Country"), r.get("Iso3_code"));
        places.put(r.get("Iso3_code"), new String[] {r.get("Region"), r.get("Subregion")});
      }
    }
    Breakdown b = new Breakdown();
    Map<String, List<Map<String, String>>> byCountryYear = new java.util.TreeMap<>();
    for (Map<String, String> r : rows) {
      if (!isCountry(r) || !is(r, indicator, dimension)) {
        continue;
      }
      b.rows++;
      double[] v = java.util.Objects.requireNonNull(value(r.get("txtVALUE")), r.toString());
      if (totals.contains(r.get("Category"))) {
        add(b.totals, v);
        continue;
      }
      String key = r.get("Year") + "|" + r.get("Iso3_code");
      add(b.byCountryYear.computeIfAbsent(key, k -> new double[3]), v);
      add(b.world.computeIfAbsent(Integer.parseInt(r.get("Year")), k -> new double[3]), v);
      byCountryYear.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    byCountryYear.forEach((key, cells) -> {
      String reporting = cells.get(0).get("Iso3_code");
      boolean named = cells.stream().allMatch(r -> r.get("Category").equals("Nationals")
          || codeByName.containsKey(r.get("Category")));
      if (!named) {
        return;
      }
      for (Map<String, String> r : cells) {
        String other = r.get("Category").equals("Nationals") ? reporting : codeByName.get(r.get("Category"));
        String cell = key + "|" + other;
        add(b.byNamedCountry.computeIfAbsent(cell, k -> new double[3]), value(r.get("txtVALUE")));
        String[] a = places.get(reporting);
        String[] o = places.get(other);
        b.flowType.put(cell, other.equals(reporting) ? "domestic" : a[1].equals(o[1]) ? "subregional"
            : a[0].equals(o[0]) ? "regional" : "transregional");
      }
    });
    return b;
  }

  private static void add(double[] sum, double[] v) {
    for (int i = 0; i < 3; i++) {
      sum[i] += v[i];
    }
  }

  /**
   * A share of {@code part} in {@code part + rest} with its bounds, the counts {low, high, point}
   * each (whole numbers of victims): the bounds are the smallest and largest share over every pair
   * of possible counts, an empty whole left out (it has no share). {@code null} when the point
   * whole is 0. Enumerates, so meant for a country's cells (a few suppressed cells each).
   */
  public static double[] share(double[] part, double[] rest) {
    double whole = part[2] + rest[2];
    if (whole == 0) {
      return null;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (long p = (long) part[0]; p <= (long) part[1]; p++) {
      for (long r = (long) rest[0]; r <= (long) rest[1]; r++) {
        if (p + r > 0) {
          min = Math.min(min, (double) p / (p + r));
          max = Math.max(max, (double) p / (p + r));
        }
      }
    }
    return new double[] {min, max, part[2] / whole};
  }

  /** Every input a run report lists still has the sha256 the run saw (no test changed it). */
  public static void assertInputsUnchanged(com.fasterxml.jackson.databind.JsonNode report) {
    if (report == null) {
      return;
    }
    for (com.fasterxml.jackson.databind.JsonNode in : report.get("inputs")) {
      org.junit.jupiter.api.Assertions.assertEquals(in.get("sha256").asText(),
          org.tiptrends.jobs.sources.FileHashes.sha256(org.tiptrends.jobs.io.Location.local(Path.of(in.get("path").asText()))), in.get("path").asText());
    }
  }
}
