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

  /** {low, high, point} of a txtVALUE, or null when it is not a count. */
  public static double[] value(String txt) {
    if (txt.equals("<5")) {
      return new double[] {1, 4, 2.5};
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
