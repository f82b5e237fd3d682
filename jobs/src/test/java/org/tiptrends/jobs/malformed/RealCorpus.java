package org.tiptrends.jobs.malformed;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.tiptrends.jobs.RealExports;
import org.tiptrends.jobs.io.Location;

/**
 * The corpus cases made at run time, never committed: from the real exports of
 * {@code ../shared/realdata} ({@code real-...}: converted to another encoding, re-saved as other tools
 * do, two vintages side by side, a header edited, ...) and from the committed {@code _baseline}
 * ({@code made-...}: folders emptied or removed, which git cannot hold). Each is a complete input
 * folder: a baseline with exactly one thing changed.
 *
 * <p>{@value #REAL_BASELINE} is the committed baseline's GLOTIP files (small, so each run is quick)
 * with the real World Bank (GDP per capita, population data package), ILOSTAT and UCDP/PRIO files.
 * The {@code real-glotip-...} cases replace its GLOTIP files by the whole real export converted to CSV.
 */
final class RealCorpus {
  static final String REAL_BASELINE = "_real-baseline";
  static final String GDP = "worldbank/API_NY.GDP.PCAP.CD_DS2_en_csv_v2_4770417.csv";
  static final String GDP_NAME = "API_NY.GDP.PCAP.CD_DS2_en_csv_v2_4770417.csv";
  static final String POPULATION = "worldbank/population";
  static final String ILO = "ilo/CLD_XHAZ_SEX_AGE_ECO_NB_A_EN.xlsx";
  static final String UCDP = "ucdp/ucdp-prio-acd-211.csv";
  /** The whole real GLOTIP export as a CSV, in each encoding cases convert it to. */
  static final String GLOTIP_CSV = "unodc/data_glotip.csv";

  interface Mutation {
    void apply(Path caseDir) throws Exception;
  }

  /** A case: the baseline it starts from ({@code _baseline} or {@value #REAL_BASELINE}) and its one change. */
  record Made(String base, Mutation change) {}

  private RealCorpus() {}

  /** Every case made at run time, by name. */
  static Map<String, Made> cases() {
    Map<String, Made> m = new LinkedHashMap<>();
    // required sources: the folder a run cannot do without, on the first run of a marts root
    m.put("made-unodc-empty-folder", new Made("_baseline", c -> deleteTree(c.resolve("unodc"), true)));
    m.put("made-worldbank-missing-folder", new Made("_baseline", c -> deleteTree(c.resolve("worldbank"), false)));
    m.put("made-ucdp-missing-allowed", new Made("_baseline", c -> deleteTree(c.resolve("ucdp"), false)));

    // World Bank: vintages, headers, layouts
    m.put("real-worldbank-two-vintages", new Made(REAL_BASELINE, c -> {
      Path real = c.resolve(GDP);
      wdiWithPreamble(real, c.resolve("worldbank/API_NY.GDP.PCAP.CD_DS2_en_csv_v2_2021.csv"), "2021-06-30", row -> {
        List<String> out = new ArrayList<>(row); // an older vintage: other estimates, and 2021 not out yet
        for (int i = 4; i < out.size(); i++) {
          out.set(i, out.get(i).isEmpty() || i == out.size() - 2 ? "" : Double.toString(Double.parseDouble(out.get(i)) * 0.9));
        }
        return out;
      });
      wdiWithPreamble(real, c.resolve("worldbank/API_NY.GDP.PCAP.CD_DS2_en_csv_v2_2023.csv"), "2023-05-10", row -> row);
      Files.delete(real);
    }));
    m.put("real-worldbank-same-download-twice", new Made(REAL_BASELINE, c ->
        Files.copy(c.resolve(GDP), c.resolve(GDP.replace(".csv", " (1).csv")))));
    m.put("real-worldbank-same-vintage-different-values", new Made(REAL_BASELINE, c -> {
      Path real = c.resolve(GDP);
      wdiWithPreamble(real, c.resolve("worldbank/API_a.csv"), "2023-05-10", row -> row);
      wdiWithPreamble(real, c.resolve("worldbank/API_b.csv"), "2023-05-10", row -> {
        List<String> out = new ArrayList<>(row);
        if (out.get(1).equals("CHL")) {
          out.set(4 + 2015 - 1960, "1");
        }
        return out;
      });
      Files.delete(real);
    }));
    m.put("real-worldbank-year-header-typo", new Made(REAL_BASELINE, c -> editCsv(c.resolve(GDP), StandardCharsets.UTF_8,
        (i, row) -> i == 0 ? replace(row, 4 + 2015 - 1960, "2O15") : row)));
    m.put("real-worldbank-year-column-missing", new Made(REAL_BASELINE, c -> editCsv(c.resolve(GDP), StandardCharsets.UTF_8,
        (i, row) -> remove(row, 4 + 2015 - 1960))));
    m.put("real-worldbank-country-row-twice", new Made(REAL_BASELINE, c -> {
      List<List<String>> rows = records(c.resolve(GDP), StandardCharsets.UTF_8);
      rows.add(rows.stream().filter(r -> r.size() > 1 && r.get(1).equals("CHL")).findFirst().orElseThrow());
      RealExports.writeCsv(c.resolve(GDP), rows, StandardCharsets.UTF_8, "\n", true);
    }));
    m.put("real-worldbank-population-two-layouts", new Made(REAL_BASELINE, c -> {
      // a WDI download of SP.POP.TOTL newer than the package (2023-03-30), with Chile's 2015 revised
      List<List<String>> pop = records(c.resolve(POPULATION).resolve("data/population.csv"), StandardCharsets.UTF_8);
      String chile2014 = pop.stream().filter(r -> r.get(1).equals("CHL") && r.get(2).equals("2014")).findFirst()
          .orElseThrow().get(3);
      RealExports.writeCsv(c.resolve("worldbank/API_SP.POP.TOTL_DS2_en_csv_v2.csv"), List.of(
          List.of("Data Source", "World Development Indicators"), List.of("Last Updated Date", "2023-07-25"),
          List.of("Country Name", "Country Code", "Indicator Name", "Indicator Code", "2014", "2015", ""),
          List.of("Chile", "CHL", "Population, total", "SP.POP.TOTL", chile2014, "18000000", "")),
          StandardCharsets.UTF_8, "\n", true);
    }));
    m.put("real-worldbank-loose-population-csv", new Made(REAL_BASELINE, c -> {
      Files.move(c.resolve(POPULATION).resolve("data/population.csv"), c.resolve("worldbank/population.csv"));
      deleteTree(c.resolve(POPULATION), false);
    }));

    // GLOTIP: the whole real export as CSV, in UTF-8 and Windows-1252 (Latin-1 is read the same way:
    // GlotipReadersTest compares the three readings of it; the committed corpus runs a Latin-1 file)
    m.put("real-glotip-csv-utf8", new Made(REAL_BASELINE, c -> glotipCsv(c, StandardCharsets.UTF_8)));
    m.put("real-glotip-csv-windows-1252", new Made(REAL_BASELINE, c -> glotipCsv(c, Charset.forName("windows-1252"))));
    m.put("real-glotip-csv-two-encodings", new Made(REAL_BASELINE, c -> {
      glotipCsv(c, StandardCharsets.UTF_8);
      // a refresh pasted from a Windows-1252 file under the UTF-8 export
      Files.write(c.resolve(GLOTIP_CSV), "CHL,Chile,Americas,Latin America and the Caribbean,Detected trafficking victims,by citizenship,Perú,Total,Total,2021,Counts,7,NA\n"
          .getBytes(Charset.forName("windows-1252")), java.nio.file.StandardOpenOption.APPEND);
    }));

    // UCDP/PRIO: what other tools do to the file
    m.put("real-ucdp-pandas-resave", new Made(REAL_BASELINE, c -> {
      // pandas: an unnamed index column first; a European locale's decimal comma in version; ISO dates
      List<List<String>> rows = records(c.resolve(UCDP), StandardCharsets.UTF_8);
      int version = rows.get(0).indexOf("version");
      List<Integer> dates = dateColumns(rows.get(0));
      for (int i = 0; i < rows.size(); i++) {
        List<String> r = new ArrayList<>(rows.get(i));
        if (i > 0) {
          r.set(version, r.get(version).replace('.', ','));
          for (int d : dates) {
            r.set(d, usDateTo(r.get(d), "%3$04d-%1$02d-%2$02d"));
          }
        }
        r.add(0, i == 0 ? "" : Integer.toString(i - 1));
        rows.set(i, r);
      }
      RealExports.writeCsv(c.resolve(UCDP), rows, StandardCharsets.UTF_8, "\n", false);
    }));
    m.put("real-ucdp-only-the-columns-used", new Made(REAL_BASELINE, c -> {
      // trimmed to the columns the job reads, CRLF line ends, and a trailing empty column
      List<List<String>> rows = records(c.resolve(UCDP), StandardCharsets.UTF_8);
      List<Integer> keep = new ArrayList<>();
      for (String col : List.of("conflict_id", "year", "gwno_loc", "intensity_level", "type_of_conflict")) {
        keep.add(rows.get(0).indexOf(col));
      }
      List<List<String>> out = new ArrayList<>();
      for (List<String> r : rows) {
        List<String> o = new ArrayList<>();
        keep.forEach(k -> o.add(r.get(k)));
        o.add("");
        out.add(o);
      }
      RealExports.writeCsv(c.resolve(UCDP), out, StandardCharsets.UTF_8, "\r\n", false);
    }));
    m.put("real-ucdp-windows-1252", new Made(REAL_BASELINE, c -> {
      // saved by a spreadsheet on Windows: Windows-1252, day-first dates with dashes
      List<List<String>> rows = records(c.resolve(UCDP), StandardCharsets.UTF_8);
      List<Integer> dates = dateColumns(rows.get(0));
      for (List<String> r : rows.subList(1, rows.size())) {
        for (int d : dates) {
          r.set(d, usDateTo(r.get(d), "%2$02d-%1$02d-%3$04d"));
        }
      }
      RealExports.writeCsv(c.resolve(UCDP), rows, Charset.forName("windows-1252"), "\r\n", false);
    }));

    // ILOSTAT
    m.put("real-ilo-table-csv-windows-1252", new Made(REAL_BASELINE, c -> {
      List<List<String>> rows = org.tiptrends.jobs.sources.ilo.IloTablesForTests.load(Location.local(c.resolve(ILO)));
      RealExports.writeCsv(c.resolve(ILO.replace(".xlsx", ".csv")), rows, Charset.forName("windows-1252"), "\r\n", false);
      Files.delete(c.resolve(ILO));
    }));
    m.put("real-ilo-table-twice", new Made(REAL_BASELINE, c ->
        Files.copy(c.resolve(ILO), c.resolve(ILO.replace(".xlsx", " (1).xlsx")))));
    m.put("real-ilo-table-without-sex-and-age", new Made(REAL_BASELINE, c -> {
      List<List<String>> rows = org.tiptrends.jobs.sources.ilo.IloTablesForTests.load(Location.local(c.resolve(ILO)));
      RealExports.writeCsv(c.resolve("ilo/INJ_FATL_ECO_NB_A_EN.csv"), withoutSexAndAge(rows), StandardCharsets.UTF_8, "\n", false);
      Files.delete(c.resolve(ILO));
    }));
    m.put("real-ilo-bulk-real-column-order", new Made(REAL_BASELINE, c -> {
      List<List<String>> rows = org.tiptrends.jobs.sources.ilo.IloTablesForTests.load(Location.local(c.resolve(ILO)));
      RealExports.writeCsv(c.resolve("ilo/CLD_XHAZ_SEX_AGE_ECO_NB_A.csv"), worldAsBulk(rows), StandardCharsets.UTF_8, "\n", false);
      Files.delete(c.resolve(ILO));
    }));

    // what does not belong: skipped with a warning, the rest published
    m.put("real-unsupported-files", new Made(REAL_BASELINE, c -> {
      Files.writeString(c.resolve("unodc/README.pdf"), "%PDF-1.4 not data");
      Files.writeString(c.resolve("ilo/notes.txt"), "downloaded by hand");
      Files.createDirectories(c.resolve("ucdp/old"));
      Files.copy(c.resolve(UCDP), c.resolve("ucdp/old/ucdp-prio-acd-201.csv"));
      Files.writeString(c.resolve("worldbank/Metadata_Country_API_NY.GDP.PCAP.CD_DS2_en_csv_v2_4770417.csv"), "x,y\n");
    }));
    return m;
  }

  /** Writes {@value #REAL_BASELINE} and every case into {@code root}; the real cases only where real data exist. */
  static void write(Path root, Path corpus, java.util.Optional<Path> realData) throws Exception {
    if (realData.isPresent()) {
      Path base = root.resolve(REAL_BASELINE);
      MalformedInputTest.copyOf(corpus.resolve("_baseline/unodc"), base.resolve("unodc"));
      Path real = realData.get();
      Files.createDirectories(base.resolve("worldbank"));
      Files.copy(real.resolve(GDP), base.resolve(GDP));
      MalformedInputTest.copyOf(real.resolve(POPULATION), base.resolve(POPULATION));
      Files.createDirectories(base.resolve("ilo"));
      Files.copy(real.resolve(ILO), base.resolve(ILO));
      Files.createDirectories(base.resolve("ucdp"));
      Files.copy(real.resolve(UCDP), base.resolve(UCDP));
    }
    for (Map.Entry<String, Made> e : cases().entrySet()) {
      Path from = e.getValue().base().equals(REAL_BASELINE) ? root.resolve(REAL_BASELINE) : corpus.resolve("_baseline");
      if (Files.isDirectory(from)) {
        Path dir = root.resolve(e.getKey());
        MalformedInputTest.copyOf(from, dir);
        e.getValue().change().apply(dir);
      }
    }
  }

  // ---- conversions -------------------------------------------------------------------------------

  /**
   * The real export, saved as CSV in {@code charset}; characters Windows-1252 lacks (the export's own
   * U+FFFD) become '?' whatever the charset, so that every case holds the same text.
   */
  private static void glotipCsv(Path caseDir, Charset charset) throws Exception {
    Path unodc = caseDir.resolve("unodc");
    deleteTree(unodc, true);
    List<List<String>> rows = RealExports.glotipCells(org.tiptrends.jobs.Prerequisites.realDataIfPresent().orElseThrow()
        .resolve("unodc/data_glotip.xlsx"));
    RealExports.writeCsv(caseDir.resolve(GLOTIP_CSV), RealExports.representable(rows, Charset.forName("windows-1252")),
        charset, "\r\n", false);
  }

  /** The real ILOSTAT table cut to its Total / '5-17 rows, without the Sex and Age columns, sectors as ISIC-like names, no unit. */
  static List<List<String>> withoutSexAndAge(List<List<String>> rows) {
    int h = headerRow(rows, "Reference area");
    List<String> header = rows.get(h);
    int sex = header.indexOf("Sex");
    int age = header.indexOf("Age");
    int time = header.indexOf("Time");
    List<List<String>> out = new ArrayList<>();
    out.add(List.of("Children in hazardous work by economic activity"));
    out.add(List.of("Downloaded from ILOSTAT. Last update on 06/07/2021 12:18:08"));
    for (List<String> r : rows.subList(h, rows.size())) {
      if (r.size() <= age || (r != header && !(r.get(sex).equals("Total") && r.get(age).equals("'5-17")))) {
        continue;
      }
      List<String> o = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        if (i == sex || i == age) {
          continue;
        }
        boolean sector = r == header && i > time && !r.get(i).isBlank() && !r.get(i).equals("Notes");
        o.add(sector ? "Economic activity (Aggregate): " + r.get(i) : r.get(i));
      }
      out.add(o);
    }
    return out;
  }

  static final String[] SECTOR_CODES = {"ECO_AGGREGATE_TOTAL", "ECO_AGGREGATE_AGR", "ECO_AGGREGATE_IND",
      "ECO_AGGREGATE_SER", "ECO_AGGREGATE_X"};

  /** The real table's World rows as an ILOSTAT bulk file, in the real files' column order. */
  static List<List<String>> worldAsBulk(List<List<String>> rows) {
    int h = headerRow(rows, "Reference area");
    int time = rows.get(h).indexOf("Time");
    List<List<String>> out = new ArrayList<>();
    out.add(List.of("ref_area", "source", "indicator", "sex", "classif1", "classif2", "time", "obs_value", "obs_status",
        "note_classif", "note_indicator", "note_source"));
    for (List<String> r : rows.subList(h + 1, rows.size())) {
      if (r.isEmpty() || !r.get(0).equals("World")) {
        continue;
      }
      for (int s = 0; s < SECTOR_CODES.length; s++) {
        String v = time + 1 + s < r.size() ? r.get(time + 1 + s) : "";
        String age = r.get(3).replace("'", "").replaceAll("^(\\d)-", "0$1-");
        out.add(List.of("X01", r.get(1), "CLD_XHAZ_SEX_AGE_ECO_NB", "SEX_" + r.get(2).charAt(0), "AGE_AGGREGATE_Y" + age,
            SECTOR_CODES[s], r.get(time), v, "", "", "", ""));
      }
    }
    return out;
  }

  static int headerRow(List<List<String>> rows, String cell) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).contains(cell)) {
        return i;
      }
    }
    throw new AssertionError("no row with " + cell);
  }

  /** UCDP's date columns (re-saved by a spreadsheet as {@code 5/29/97}). */
  private static List<Integer> dateColumns(List<String> header) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).endsWith("_date") || header.get(i).endsWith("_date2")) {
        out.add(i);
      }
    }
    return out;
  }

  /** {@code 5/29/97} in another form: format arguments month, day, four-digit year. */
  private static String usDateTo(String us, String format) {
    String[] p = us.split("/");
    if (p.length != 3) {
      return us;
    }
    int y = Integer.parseInt(p[2]);
    return String.format(java.util.Locale.ROOT, format, Integer.parseInt(p[0]), Integer.parseInt(p[1]),
        y < 100 ? (y < 50 ? 2000 + y : 1900 + y) : y);
  }

  /** A copy of a WDI file with the four preamble lines the download has, naming its vintage. */
  private static void wdiWithPreamble(Path from, Path to, String lastUpdated, UnaryOperator<List<String>> edit)
      throws IOException {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Data Source", "World Development Indicators", ""));
    rows.add(List.of("Last Updated Date", lastUpdated, ""));
    List<List<String>> body = records(from, StandardCharsets.UTF_8);
    rows.add(body.get(0));
    body.subList(1, body.size()).forEach(r -> rows.add(edit.apply(r)));
    RealExports.writeCsv(to, rows, StandardCharsets.UTF_8, "\n", true);
  }

  // ---- files -------------------------------------------------------------------------------------

  static List<List<String>> records(Path file, Charset charset) throws IOException {
    String text = Files.readString(file, charset);
    List<List<String>> out = new ArrayList<>();
    for (CSVRecord r : CSVFormat.RFC4180.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
      out.add(new ArrayList<>(r.toList()));
    }
    return out;
  }

  interface RowEdit {
    List<String> apply(int index, List<String> row);
  }

  private static void editCsv(Path file, Charset charset, RowEdit edit) throws IOException {
    List<List<String>> rows = records(file, charset);
    for (int i = 0; i < rows.size(); i++) {
      rows.set(i, edit.apply(i, rows.get(i)));
    }
    RealExports.writeCsv(file, rows, charset, "\n", true);
  }

  private static List<String> replace(List<String> row, int i, String value) {
    List<String> out = new ArrayList<>(row);
    out.set(i, value);
    return out;
  }

  private static List<String> remove(List<String> row, int i) {
    List<String> out = new ArrayList<>(row);
    if (i < out.size()) {
      out.remove(i);
    }
    return out;
  }

  /** Deletes a folder and what it holds; {@code keep} leaves the folder itself, empty. */
  static void deleteTree(Path dir, boolean keep) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!(keep && p.equals(dir))) {
          Files.delete(p);
        }
      }
    }
  }
}
