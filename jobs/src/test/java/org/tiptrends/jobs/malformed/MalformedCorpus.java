package org.tiptrends.jobs.malformed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tiptrends.jobs.TestSupport;
import org.tiptrends.jobs.sources.unodc.GlotipXlsxReader;

/**
 * Writes the malformed-input corpus under {@code jobs/src/test/resources/malformed/}: a small valid
 * input ({@code _baseline}, cut from the bundled sample: four countries of GLOTIP in one xlsx and
 * one csv, World Bank, ILOSTAT, UCDP) and one complete input folder per case, each the baseline with
 * exactly one thing wrong. Run once from {@code jobs/}; the output is committed (the workbooks
 * differ in their zip timestamps on every run, and the encrypted one in its random salt):
 *
 * <pre>
 * mvn -q -f ../pom.xml -pl core,jobs test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) org.tiptrends.jobs.malformed.MalformedCorpus src/test/resources/malformed
 * </pre>
 *
 * {@link MalformedInputTest} holds what the job must do with each case.
 */
public final class MalformedCorpus {
  static final List<String> COUNTRIES = List.of("CHL", "KAZ", "HRV", "MOZ");
  static final String XLSX = "unodc/glotip_2003_2011.xlsx";
  static final String CSV = "unodc/glotip_2012_2021.csv";
  static final String WDI = "worldbank/API_NY.GDP.PCAP.CD_DS2_en_csv_v2.csv";
  static final String ILO_TABLE = "ilo/CLD_XHAZ_SEX_AGE_ECO_NB_A_EN.xlsx";
  static final String ILO_BULK = "ilo/CLD_XHAZ_SEX_AGE_ECO_NB_A_bulk.csv";
  static final String UCDP = "ucdp/UcdpPrioConflict_v23_1.csv";
  static final String PASSWORD = "tiptrends";

  private final Path root;
  private final Path base;

  private MalformedCorpus(Path root) {
    this.root = root;
    this.base = root.resolve("_baseline");
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : "src/test/resources/malformed").toAbsolutePath();
    if (Files.exists(root)) {
      try (Stream<Path> s = Files.walk(root)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          if (!p.equals(root) && !p.getFileName().toString().equals("README.md")) {
            Files.delete(p);
          }
        }
      }
    }
    MalformedCorpus c = new MalformedCorpus(root);
    c.baseline(TestSupport.bundledSample());
    c.cases();
    System.out.println("wrote the corpus to " + root);
  }

  // ---- the baseline: valid, small ------------------------------------------------------------

  private void baseline(Path sample) throws IOException {
    // GLOTIP csv: the preamble, the header and every row of the chosen countries, verbatim
    List<String> lines = Files.readAllLines(sample.resolve("unodc/glotip_sample_2012_2021.csv"), StandardCharsets.UTF_8);
    List<String> csv = new ArrayList<>(lines.subList(0, 3));
    lines.stream().skip(3).filter(l -> COUNTRIES.contains(l.substring(0, 3))).forEach(csv::add);
    writeLines(base.resolve(CSV), csv);

    // GLOTIP xlsx: same layout as the official workbook (two preamble rows, then the header)
    List<List<String>> xlsx = new ArrayList<>();
    xlsx.add(List.of("UNODC", "unodc_ddds@un.org"));
    xlsx.add(List.of("30/05/2023"));
    xlsx.add(fields(csv.get(2)));
    for (org.apache.spark.sql.Row r : new GlotipXlsxReader().read(org.tiptrends.jobs.io.Location.local(sample.resolve("unodc/glotip_sample_2003_2011.xlsx"))).rows()) {
      if (COUNTRIES.contains(r.getString(0))) {
        List<String> row = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
          row.add(r.getString(i));
        }
        xlsx.add(row);
      }
    }
    writeXlsx(base.resolve(XLSX), xlsx);

    // World Bank: preamble, header, the chosen countries, Curaçao (a non-ASCII name) and two aggregates
    List<String> wdi = Files.readAllLines(single(sample.resolve("worldbank")), StandardCharsets.UTF_8);
    List<String> keep = new ArrayList<>(wdi.subList(0, 5));
    for (String l : wdi.subList(5, wdi.size())) {
      String code = l.split("\",\"", 3)[1];
      if (COUNTRIES.contains(code) || List.of("WLD", "EUU", "CUW").contains(code)) {
        keep.add(l);
      }
    }
    writeLines(base.resolve(WDI), keep);

    Files.createDirectories(base.resolve("ilo"));
    Files.copy(sample.resolve("ilo/CLD_XHAZ_SEX_AGE_ECO_NB_A_EN_generated.xlsx"), base.resolve(ILO_TABLE));
    Files.copy(sample.resolve("ilo/CLD_XHAZ_SEX_AGE_ECO_NB_A_bulk_generated.csv"), base.resolve(ILO_BULK));
    Files.createDirectories(base.resolve("ucdp"));
    Files.copy(sample.resolve("ucdp/UcdpPrioConflict_v23_1_generated.csv"), base.resolve(UCDP));
  }

  // ---- the cases: the baseline with one thing wrong ------------------------------------------

  private void cases() throws Exception {
    // GLOTIP xlsx
    with("glotip-xlsx-truncated", c -> {
      byte[] b = Files.readAllBytes(c.resolve(XLSX));
      Files.write(c.resolve(XLSX), java.util.Arrays.copyOf(b, b.length / 2));
    });
    with("glotip-xlsx-password-protected", c -> encrypt(c.resolve(XLSX)));
    with("glotip-xlsx-really-csv", c -> Files.write(c.resolve(XLSX), xlsxAsCsv(c.resolve(XLSX))));
    with("glotip-xlsx-empty", c -> Files.write(c.resolve(XLSX), new byte[0]));
    with("glotip-xlsx-header-only", c -> {
      List<List<String>> rows = readXlsx(c.resolve(XLSX));
      writeXlsx(c.resolve(XLSX), rows.subList(0, 3));
    });
    with("glotip-xlsx-missing-column", c -> {
      List<List<String>> rows = readXlsx(c.resolve(XLSX));
      writeXlsx(c.resolve(XLSX), rows.stream().map(r -> dropColumn(r, 7)).toList()); // Sex
    });

    // GLOTIP csv: encodings and file-level damage
    with("glotip-csv-latin1", c -> {
      String text = Files.readString(c.resolve(CSV), StandardCharsets.UTF_8)
          .replace("pa\uFFFDs", "pa\u00EDs"); // what the export had before it lost that character
      Files.write(c.resolve(CSV), text.getBytes(StandardCharsets.ISO_8859_1));
    });
    with("glotip-csv-utf16", c -> {
      String text = Files.readString(c.resolve(CSV), StandardCharsets.UTF_8);
      Files.write(c.resolve(CSV), ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE));
    });
    with("glotip-csv-empty", c -> Files.write(c.resolve(CSV), new byte[0]));
    with("glotip-csv-header-only", c -> mapLines(c.resolve(CSV), l -> l.subList(0, 3)));
    with("glotip-csv-preamble-only", c -> mapLines(c.resolve(CSV), l -> l.subList(0, 2)));
    with("glotip-csv-semicolons", c -> mapLines(c.resolve(CSV), l -> l.stream().map(s -> s.replace(',', ';')).toList()));
    with("glotip-csv-crlf", c -> Files.writeString(c.resolve(CSV),
        String.join("\r\n", Files.readAllLines(c.resolve(CSV), StandardCharsets.UTF_8)) + "\r\n", StandardCharsets.UTF_8));
    with("glotip-csv-bom", c -> Files.writeString(c.resolve(CSV), "\uFEFF" + Files.readString(c.resolve(CSV)),
        StandardCharsets.UTF_8));
    with("glotip-csv-unbalanced-quote", c -> mapRow(c.resolve(CSV), 200, f -> {
      f.set(1, "\"" + f.get(1)); // an opening quote that never closes
      return f;
    }));
    with("glotip-csv-stray-binary-file", c -> {
      byte[] junk = new byte[4096];
      new Random(42).nextBytes(junk);
      Files.write(c.resolve("unodc/notes.csv"), junk);
    });
    with("glotip-office-lock-file", c -> {
      // Excel leaves ~$<name> beside a workbook it has open: 165 bytes of owner name, not a workbook
      byte[] lock = new byte[165];
      byte[] owner = "analyst".getBytes(StandardCharsets.US_ASCII);
      lock[0] = (byte) owner.length;
      System.arraycopy(owner, 0, lock, 1, owner.length);
      Files.write(c.resolve("unodc/~$glotip_2003_2011.xlsx"), lock);
    });

    // GLOTIP csv: columns
    with("glotip-csv-missing-columns", c -> mapLines(c.resolve(CSV), l -> l.stream()
        .map(s -> s.contains(",") ? String.join(",", dropColumn(dropColumn(fields(s), 8), 7)) : s).toList()));
    with("glotip-csv-renamed-txtvalue", c -> mapLines(c.resolve(CSV), l -> {
      List<String> out = new ArrayList<>(l);
      out.set(2, out.get(2).replace("txtVALUE", "Value"));
      return out;
    }));
    with("glotip-csv-extra-columns", c -> mapLines(c.resolve(CSV), l -> {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < l.size(); i++) {
        List<String> f = fields(l.get(i));
        if (i < 2) {
          out.add(l.get(i));
          continue;
        }
        f.add(3, i == 2 ? "Intermediate region" : "");
        f.add(i == 2 ? "Notes" : i % 7 == 0 ? "revised" : "");
        f.add(i == 2 ? "Last update" : "2023-05-30");
        out.add(String.join(",", f));
      }
      return out;
    }));

    // GLOTIP csv: rows
    with("glotip-csv-duplicated-rows", c -> mapLines(c.resolve(CSV), l -> {
      // three rows appear twice: the export lists sub-categories under one key like this
      List<String> out = new ArrayList<>(l);
      for (int row : new int[] {10, 120, 300}) {
        out.add(3 + row + 1, l.get(3 + row));
      }
      return out;
    }));
    with("glotip-csv-year-in-future", c -> mapRow(c.resolve(CSV), 40, f -> set(f, 9, "2099")));
    with("glotip-csv-year-before-1990", c -> mapRow(c.resolve(CSV), 41, f -> set(f, 9, "1985")));
    with("glotip-csv-negative-count", c -> mapRow(c.resolve(CSV), 42, f -> set(f, 11, "-3")));
    with("glotip-csv-non-numeric-count", c -> mapRow(c.resolve(CSV), 43, f -> set(f, 11, "n/a")));
    with("glotip-csv-decimal-count", c -> mapRow(c.resolve(CSV), 44, f -> set(f, 11, "2.5")));
    with("glotip-csv-most-rows-bad", c -> mapLines(c.resolve(CSV), l -> {
      List<String> out = new ArrayList<>(l.subList(0, 3));
      for (int i = 3; i < l.size(); i++) {
        out.add((i - 3) % 5 < 3 ? String.join(",", set(fields(l.get(i)), 11, "..")) : l.get(i));
      }
      return out;
    }));

    // World Bank
    with("worldbank-no-country-code", c -> mapLines(c.resolve(WDI), l -> l.stream().map(s -> {
      List<String> f = new ArrayList<>(List.of(s.split("\",\"", -1)));
      if (f.size() > 4) {
        f.remove(1);
      }
      return String.join("\",\"", f);
    }).toList()));
    with("worldbank-non-numeric-cell", c -> mapLines(c.resolve(WDI), l -> {
      List<String> out = new ArrayList<>(l);
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i).startsWith("\"Chile\"")) {
          List<String> f = new ArrayList<>(List.of(out.get(i).split("\",\"", -1)));
          f.set(4 + 2015 - 1960, "..");
          out.set(i, String.join("\",\"", f));
        }
      }
      return out;
    }));
    with("worldbank-latin1", c -> Files.write(c.resolve(WDI),
        Files.readString(c.resolve(WDI), StandardCharsets.UTF_8).replace("\uFEFF", "").getBytes(StandardCharsets.ISO_8859_1)));

    // ILOSTAT
    with("ilo-table-no-reference-area", c -> {
      Path f = c.resolve(ILO_TABLE);
      try (XSSFWorkbook wb = openXlsx(f)) {
        for (Row r : wb.getSheetAt(0)) {
          for (Cell cell : r) {
            if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                && cell.getStringCellValue().equals("Reference area")) {
              cell.setCellValue("Area");
            }
          }
        }
        save(wb, f);
      }
    });
    with("ilo-bulk-missing-obs-value", c -> mapLines(c.resolve(ILO_BULK), l -> l.stream()
        .map(s -> String.join(",", dropColumn(fields(s), 7))).toList()));
    // UCDP
    with("ucdp-missing-gwno-loc", c -> mapLines(c.resolve(UCDP), l -> {
      int col = fields(l.get(0)).indexOf("gwno_loc");
      return l.stream().map(s -> dropCsvColumn(s, col)).toList();
    }));
    with("ucdp-unknown-gleditsch-ward-code", c -> mapLines(c.resolve(UCDP), l -> {
      List<String> out = new ArrayList<>(l);
      int col = fields(l.get(0)).indexOf("gwno_loc");
      out.set(5, replaceCsvColumn(out.get(5), col, "999"));
      return out;
    }));
    with("ucdp-intensity-out-of-range", c -> mapLines(c.resolve(UCDP), l -> {
      List<String> out = new ArrayList<>(l);
      int col = fields(l.get(0)).indexOf("intensity_level");
      out.set(7, replaceCsvColumn(out.get(7), col, "3"));
      return out;
    }));
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private interface Mutation {
    void apply(Path caseDir) throws Exception;
  }

  private void with(String name, Mutation m) throws Exception {
    Path dir = root.resolve(name);
    try (Stream<Path> s = Files.walk(base)) {
      for (Path p : s.toList()) {
        Path to = dir.resolve(base.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    m.apply(dir);
  }

  private static Path single(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
    }
  }

  static List<String> fields(String line) {
    return new ArrayList<>(List.of(line.split(",", -1)));
  }

  private static List<String> set(List<String> f, int i, String v) {
    f.set(i, v);
    return f;
  }

  private static List<String> dropColumn(List<String> row, int i) {
    List<String> out = new ArrayList<>(row);
    if (i < out.size()) {
      out.remove(i);
    }
    return out;
  }

  /** A CSV line's fields with RFC 4180 quotes (the UCDP file quotes multi-code cells). */
  private static List<String> csvFields(String line) {
    try (var p = org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(line))) {
      List<String> out = new ArrayList<>();
      p.iterator().next().forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String csvLine(List<String> f) {
    return String.join(",", f.stream().map(v -> v.contains(",") || v.contains("\"")
        ? "\"" + v.replace("\"", "\"\"") + "\"" : v).toList());
  }

  private static String dropCsvColumn(String line, int col) {
    List<String> f = csvFields(line);
    f.remove(col);
    return csvLine(f);
  }

  private static String replaceCsvColumn(String line, int col, String value) {
    List<String> f = csvFields(line);
    f.set(col, value);
    return csvLine(f);
  }

  private static void writeLines(Path f, List<String> lines) throws IOException {
    Files.createDirectories(f.getParent());
    Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  private static void mapLines(Path f, UnaryOperator<List<String>> op) throws IOException {
    writeLines(f, op.apply(Files.readAllLines(f, StandardCharsets.UTF_8)));
  }

  /** Changes the n-th data row (0-based, after preamble and header) of a GLOTIP csv. */
  private static void mapRow(Path f, int n, UnaryOperator<List<String>> op) throws IOException {
    mapLines(f, l -> {
      List<String> out = new ArrayList<>(l);
      out.set(3 + n, String.join(",", op.apply(fields(l.get(3 + n)))));
      return out;
    });
  }

  private static void writeXlsx(Path f, List<List<String>> rows) throws IOException {
    Files.createDirectories(f.getParent());
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("data_glotip");
      for (int i = 0; i < rows.size(); i++) {
        Row r = sheet.createRow(i);
        List<String> row = rows.get(i);
        for (int j = 0; j < row.size(); j++) {
          if (row.get(j) != null) {
            r.createCell(j).setCellValue(row.get(j));
          }
        }
      }
      save(wb, f);
    }
  }

  private static List<List<String>> readXlsx(Path f) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    org.apache.poi.ss.usermodel.DataFormatter fmt = new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT);
    try (XSSFWorkbook wb = openXlsx(f)) {
      for (Row r : wb.getSheetAt(0)) {
        List<String> row = new ArrayList<>();
        for (int j = 0; j < r.getLastCellNum(); j++) {
          Cell c = r.getCell(j);
          row.add(c == null ? null : fmt.formatCellValue(c));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static byte[] xlsxAsCsv(Path f) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (List<String> r : readXlsx(f)) {
      sb.append(String.join(",", r.stream().map(v -> v == null ? "" : v).toList())).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static XSSFWorkbook openXlsx(Path f) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      return new XSSFWorkbook(in);
    }
  }

  private static void save(XSSFWorkbook wb, Path f) throws IOException {
    Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
    try (OutputStream os = Files.newOutputStream(tmp)) {
      wb.write(os);
    }
    Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Encrypts a workbook the way Excel does with "Encrypt with Password" (agile encryption, AES). */
  private static void encrypt(Path f) throws Exception {
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
      Encryptor enc = info.getEncryptor();
      enc.confirmPassword(PASSWORD);
      try (OutputStream os = enc.getDataStream(fs)) {
        Files.copy(f, os); // the workbook's bytes, as they are, inside the encrypted package
      }
      Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        fs.writeFilesystem(out);
      }
      Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
