package org.tiptrends.jobs.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.jobs.sources.GeneratedSample;
import org.tiptrends.jobs.sources.ucdp.UcdpSource;

/**
 * Deterministic ILOSTAT and UCDP files in the layouts users download: the ILOSTAT table export
 * (title with the unit, note, "Last update", a group header, sectors as columns, {@code '5-17}
 * age labels), the ILOSTAT bulk CSV (long, classification codes), and the UCDP/PRIO Armed Conflict
 * Dataset CSV (every column of the published file; several Gleditsch–Ward codes in {@code gwno_loc}
 * for interstate conflicts). No real UCDP file ships with the project: the file downloaded from
 * UCDP drops into {@code DIR/ucdp/} unchanged. Every file says it is generated
 * ({@link GeneratedSample#STATEMENT}): in the ILOSTAT table's note line and {@code Source} column, the
 * bulk file's {@code source} column, and UCDP's {@code version} column (its CSV has no preamble).
 */
public final class SectorAndConflictGenerator {
  static final String TITLE = "Children in hazardous work by sex, age and economic activity (thousands)";
  static final String[] ILO_REGIONS = {"Africa", "Americas", "Arab States", "Asia and the Pacific",
      "Europe and Central Asia"};
  static final String[] COUNTRIES = {"AFG", "BRA", "ECU", "ETH", "GEO", "HND", "JOR", "MWI", "PAN", "ZMB",
      "BGD", "NGA", "PER", "KHM", "GHA", "MEX", "TZA", "UGA", "NPL", "PAK"};
  static final String[] AGES = {"'5-17", "'5-11", "12-14", "15-17"};
  static final String[] SEXES = {"Total", "Male", "Female"};
  static final String[] SECTORS = {"Agriculture", "Industry", "Services"};
  static final String SURVEY = "CLS - National Child Labour Survey [" + GeneratedSample.STATEMENT + "]";

  private SectorAndConflictGenerator() {}

  public static List<Path> writeIlo(Path outDir, long seed) throws IOException {
    Random random = new Random(seed);
    Path dir = Files.createDirectories(outDir.resolve("ilo"));
    List<List<Object>> rows = new ArrayList<>();
    List<String> areas = new ArrayList<>(List.of("World"));
    areas.addAll(List.of(ILO_REGIONS));
    for (String code : COUNTRIES) {
      areas.add(ReferenceData.standard().country(code).orElseThrow().name());
    }
    for (String area : areas) {
      double scale = area.equals("World") ? 80_000 : area.length() > 12 && !area.contains(" ") ? 500 : 8_000;
      boolean country = !area.equals("World") && !List.of(ILO_REGIONS).contains(area);
      if (country) {
        scale = 20 + 400 * random.nextDouble();
      }
      String source = (country ? "CLS - National Child Labour Survey" : "ILO - Modelled Estimates") + " ["
          + GeneratedSample.STATEMENT + "]";
      int year = country ? 2014 + random.nextInt(7) : 2020;
      for (String sex : SEXES) {
        for (String age : AGES) {
          double base = scale * (sex.equals("Total") ? 1 : sex.equals("Male") ? 0.62 : 0.38)
              * (age.equals("'5-17") ? 1 : age.equals("'5-11") ? 0.33 : age.equals("12-14") ? 0.23 : 0.44);
          double agr = base * (0.5 + 0.2 * random.nextDouble());
          double ind = base * (0.1 + 0.1 * random.nextDouble());
          double ser = base - agr - ind;
          List<Object> r = new ArrayList<>(List.of(area, source, sex, age, year));
          r.add(round(agr + ind + ser));
          r.add(round(agr));
          r.add(country && random.nextDouble() < 0.3 ? null : round(ind)); // unpublished cells stay empty
          r.add(round(ser));
          r.add(null);
          rows.add(r);
        }
      }
    }
    Path table = dir.resolve("CLD_XHAZ_SEX_AGE_ECO_NB_A_EN_generated.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(table)) {
      Sheet s = wb.createSheet("Table");
      s.createRow(0).createCell(0).setCellValue(TITLE);
      s.createRow(1).createCell(0).setCellValue("This indicator is based on harmonized definitions used by the ILO "
          + "in the context of producing global estimates. Children refer to persons ages 5-17 years old.");
      s.createRow(2).createCell(0).setCellValue(GeneratedSample.STATEMENT + ", in the layout of an ILOSTAT table "
          + "export (not downloaded from ILOSTAT).");
      s.createRow(4).createCell(5).setCellValue("Children in hazardous work (thousands)");
      Row h = s.createRow(5);
      String[] header = {"Reference area", "Source", "Sex", "Age", "Time", "Total", "Agriculture", "Industry",
          "Services", "Not classified"};
      for (int i = 0; i < header.length; i++) {
        h.createCell(i).setCellValue(header[i]);
      }
      int n = 6;
      for (List<Object> r : rows) {
        Row x = s.createRow(n++);
        for (int i = 0; i < r.size(); i++) {
          Object v = r.get(i);
          if (v instanceof Number num) {
            x.createCell(i).setCellValue(num.doubleValue());
          } else if (v != null) {
            x.createCell(i).setCellValue((String) v);
          }
        }
      }
      wb.write(os);
    }
    Path bulk = dir.resolve("CLD_XHAZ_SEX_AGE_ECO_NB_A_bulk_generated.csv");
    try (Writer w = Files.newBufferedWriter(bulk, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
      p.printRecord("ref_area", "indicator", "source", "sex", "classif1", "classif2", "time", "obs_value",
          "obs_status", "note_classif", "note_indicator", "note_source");
      for (String code : List.of("BOL", "CIV", "MLI", "IND", "IDN")) {
        int year = 2015 + random.nextInt(6);
        for (String sex : List.of("SEX_T", "SEX_M", "SEX_F")) {
          for (String age : List.of("AGE_AGGREGATE_Y05-17", "AGE_AGGREGATE_Y05-11", "AGE_AGGREGATE_Y12-14",
              "AGE_AGGREGATE_Y15-17")) {
            double total = 0;
            for (String eco : List.of("AGR", "IND", "SER")) {
              double v = 5 + 200 * random.nextDouble();
              total += v;
              p.printRecord(code, "CLD_XHAZ_SEX_AGE_ECO_NB", SURVEY, sex, age,
                  "ECO_AGGREGATE_" + eco, year, round(v), "", "", "", "R1:3513");
            }
            p.printRecord(code, "CLD_XHAZ_SEX_AGE_ECO_NB", SURVEY, sex, age,
                "ECO_AGGREGATE_TOTAL", year, round(total), "", "", "", "R1:3513");
          }
        }
      }
    }
    return List.of(table, bulk);
  }

  static final String[] UCDP_HEADER = {"conflict_id", "location", "side_a", "side_a_id", "side_a_2nd", "side_b",
      "side_b_id", "side_b_2nd", "incompatibility", "territory_name", "year", "intensity_level",
      "cumulative_intensity", "type_of_conflict", "start_date", "start_prec", "start_date2", "start_prec2",
      "ep_end", "ep_end_date", "ep_end_prec", "gwno_a", "gwno_a_2nd", "gwno_b", "gwno_b_2nd", "gwno_loc",
      "region", "version"};

  public static Path writeUcdp(Path outDir, long seed, int firstYear, int lastYear) throws IOException {
    Random random = new Random(seed);
    Map<String, Integer> isoToGw = new TreeMap<>();
    UcdpSource.gleditschWard().forEach((gw, iso) -> isoToGw.putIfAbsent(iso, gw));
    // where armed conflicts have mostly been located since 1989: Africa, Asia, Latin America, Eastern Europe
    List<String> candidates = isoToGw.keySet().stream()
        .filter(iso -> ReferenceData.standard().country(iso).map(c -> List.of("002", "142").contains(c.regionCode())
            || List.of("419", "151").contains(c.subregionCode())).orElse(false))
        .filter(iso -> !List.of("ISR", "JPN", "KOR", "SGP", "QAT", "ARE", "KWT", "BHR", "TWN", "HKG", "MAC")
            .contains(iso))
        .toList();
    Path dir = Files.createDirectories(outDir.resolve("ucdp"));
    Path file = dir.resolve("UcdpPrioConflict_v23_1_generated.csv");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
      p.printRecord((Object[]) UCDP_HEADER);
      int id = 200;
      for (int c = 0; c < 40; c++, id++) {
        String iso = candidates.get(random.nextInt(candidates.size()));
        String name = ReferenceData.standard().country(iso).map(x -> x.name()).orElse(iso);
        boolean interstate = random.nextDouble() < 0.1;
        String other = candidates.get(random.nextInt(candidates.size()));
        String gwLoc = interstate ? isoToGw.get(iso) + ", " + isoToGw.get(other) : String.valueOf(isoToGw.get(iso));
        int type = interstate ? 2 : random.nextDouble() < 0.25 ? 4 : 3;
        int start = firstYear + random.nextInt(lastYear - firstYear + 1);
        int length = 1 + random.nextInt(12);
        for (int y = start; y <= Math.min(lastYear, start + length); y++) {
          int intensity = random.nextDouble() < 0.2 ? 2 : 1;
          p.printRecord(id, interstate ? name + ", " + ReferenceData.standard().country(other).map(x -> x.name())
                  .orElse(other) : name, "Government of " + name, 100 + c, "", interstate ? "Government of " + other
                  : "Armed group " + (char) ('A' + c % 26), 500 + c, "", random.nextBoolean() ? 1 : 2, "", y,
              intensity, intensity == 2 ? 1 : 0, type, start + "-01-01", 1, start + "-01-01", 1, "", "", "",
              isoToGw.get(iso), "", interstate ? isoToGw.get(other) : "", "", gwLoc, "", GeneratedSample.STATEMENT);
        }
      }
    }
    return file;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
