package org.tiptrends.jobs.sources.ilo;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.sources.FileSniffer;
import org.tiptrends.jobs.sources.InputException;
import org.tiptrends.jobs.sources.TextEncoding;

/**
 * Reads an ILOSTAT table export ({@code .xlsx} or {@code .csv}) as users download it: a title with
 * the unit in brackets ("... (thousands)"), a note, a "Last update" line, then a header
 * {@code Reference area, Source, Sex, Age, Time} followed by one column per breakdown value
 * (economic sectors: Total, Agriculture, Industry, Services, Not classified; or ISIC sections), and
 * a trailing Notes column. Columns are found by name: Sex, Age and Source may be absent (a table by
 * economic activity alone: its values are for both sexes and all ages, {@code total}); every other
 * named column is a breakdown value. A title without a unit in brackets gives the unit
 * {@value #UNIT_NOT_STATED}. Age labels keep the spreadsheet's text marker ({@code '5-17}).
 */
public final class IloTableReader {
  static final int MAX_PREAMBLE_ROWS = 15;
  /** The table's leading columns, before one column per breakdown value. */
  static final List<String> HEADER = List.of("Reference area", "Source", "Sex", "Age", "Time");
  static final List<String> REQUIRED = List.of("Reference area", "Time");
  static final String UNIT_NOT_STATED = "not stated";
  private static final Pattern UNIT = Pattern.compile("\\(([^()]*)\\)\\s*$");
  private static final Pattern INDICATOR_ID = Pattern.compile("^([A-Z0-9]+(?:_[A-Z0-9]+)+?)_[A-Z]_EN");

  public record Result(List<SectorObservation> observations, String title, String lastUpdate, long rowsRead,
      List<String> badCells, TextEncoding.Verdict encoding) {}

  public Result read(Location file, ReferenceData reference) {
    TextEncoding.Verdict encoding = file.name().toLowerCase(Locale.ROOT).endsWith(".xlsx") ? null
        : TextEncoding.of(file, "ILOSTAT export");
    return read(file, encoding, reference);
  }

  /** @param encoding a CSV's, as {@link TextEncoding} judged it; null for a workbook */
  public Result read(Location file, TextEncoding.Verdict encoding, ReferenceData reference) {
    List<List<String>> rows = load(file, encoding);
    String name = file.toString();
    if (rows.isEmpty()) {
      throw new InputException(name, "empty file");
    }
    // the header is the first row naming at least two of the table's leading columns; then the
    // required ones must be there, so a renamed column is reported by name
    int h = -1;
    for (int i = 0; i < Math.min(rows.size(), MAX_PREAMBLE_ROWS); i++) {
      List<String> r = rows.get(i).stream().map(String::strip).toList();
      if (HEADER.stream().filter(r::contains).count() >= 2) {
        h = i;
        break;
      }
    }
    if (h < 0) {
      throw new InputException(name, "no ILOSTAT header (Reference area, Source, Sex, Age, Time, ...) in the first "
          + MAX_PREAMBLE_ROWS + " rows");
    }
    String title = rows.get(0).isEmpty() ? "" : rows.get(0).get(0).strip();
    String lastUpdate = null;
    for (List<String> r : rows.subList(0, h)) {
      if (!r.isEmpty() && r.get(0).startsWith("Downloaded from ILOSTAT")) {
        lastUpdate = r.get(0).replaceAll(".*Last update on\\s*", "").strip();
      }
    }
    Matcher unit = UNIT.matcher(title);
    boolean hasUnit = unit.find();
    String unitText = hasUnit ? unit.group(1).strip().toLowerCase(Locale.ROOT) : UNIT_NOT_STATED;
    String indicator = hasUnit ? title.substring(0, unit.start()).strip() : title;
    Matcher id = INDICATOR_ID.matcher(file.name());
    String indicatorCode = id.find() ? id.group(1) : null;

    List<String> header = rows.get(h).stream().map(String::strip).toList();
    int area = header.indexOf("Reference area");
    int source = header.indexOf("Source");
    int sex = header.indexOf("Sex");
    int age = header.indexOf("Age");
    int time = header.indexOf("Time");
    List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new InputException(name, "missing required column(s) " + String.join(", ", missing)
          + " in the ILOSTAT header on row " + (h + 1));
    }
    List<Integer> breakdown = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String label = header.get(i);
      if (!HEADER.contains(label) && !label.isEmpty() && !label.equalsIgnoreCase("Notes")
          && !label.startsWith("Unnamed: ")) { // a pandas index or a trailing comma: no breakdown value
        breakdown.add(i);
      }
    }
    List<SectorObservation> out = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    long read = 0;
    for (List<String> r : rows.subList(h + 1, rows.size())) {
      if (r.size() <= Math.max(area, time) || r.get(area).isBlank()) {
        continue;
      }
      read++;
      IloGeography.Place place = IloGeography.of(r.get(area), reference);
      int year;
      try {
        year = (int) Double.parseDouble(r.get(time));
      } catch (NumberFormatException e) {
        bad.add(r.get(area) + " Time '" + r.get(time) + "'");
        continue;
      }
      String sexLabel = sex >= 0 && sex < r.size() ? IloGeography.sex(r.get(sex)) : "total";
      String ageBand = age >= 0 && age < r.size() ? IloGeography.ageBand(r.get(age)) : "total";
      for (int col : breakdown) {
        String text = col < r.size() ? r.get(col).strip() : "";
        if (text.isEmpty()) {
          continue; // ILOSTAT leaves a cell empty where it publishes no estimate
        }
        try {
          double v = Double.parseDouble(text);
          out.add(new SectorObservation(year, place.level(), place.code(), place.name(), indicator, indicatorCode,
              sexLabel, ageBand, IloGeography.sector(header.get(col)), v, unitText,
              source >= 0 && source < r.size() ? r.get(source) : null));
        } catch (NumberFormatException e) {
          bad.add(r.get(area) + " " + header.get(col) + " '" + text + "'");
        }
      }
    }
    return new Result(out, title, lastUpdate, read, bad, encoding);
  }

  static List<List<String>> load(Location file, TextEncoding.Verdict encoding) {
    String name = file.toString();
    List<List<String>> rows = new ArrayList<>();
    try {
      if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
        String notXlsx = FileSniffer.notXlsx(file);
        if (notXlsx != null) {
          throw new InputException(name, "not a readable ILOSTAT export (" + notXlsx + ")");
        }
        DataFormatter fmt = new DataFormatter(Locale.ROOT);
        file.withLocalFile(local -> {
          try (Workbook wb = WorkbookFactory.create(local.toFile(), null, true)) {
            Sheet s = wb.getSheetAt(0);
            for (org.apache.poi.ss.usermodel.Row r : s) {
              List<String> line = new ArrayList<>();
              for (int i = 0; i < Math.max(0, r.getLastCellNum()); i++) {
                Cell c = r.getCell(i);
                line.add(c == null ? "" : cellText(c, fmt));
              }
              rows.add(line);
            }
          }
          return null;
        });
      } else {
        try (Reader in = encoding.reader(file)) {
          for (CSVRecord r : CSVFormat.RFC4180.parse(in)) {
            List<String> line = new ArrayList<>();
            r.forEach(v -> line.add(v.replace("\uFEFF", "")));
            rows.add(line);
          }
        }
      }
    } catch (InputException e) {
      throw e;
    } catch (Exception | LinkageError e) {
      throw new InputException(name, "not a readable ILOSTAT export (" + FileSniffer.describe(e, file) + ")", e);
    }
    return rows;
  }

  /** Numbers at full precision (the formatter would round them to the cell's display format). */
  private static String cellText(Cell c, DataFormatter fmt) {
    if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
      double v = c.getNumericCellValue();
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
    return fmt.formatCellValue(c);
  }
}
