package org.tiptrends.jobs.malformed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tiptrends.jobs.NightlyRun;
import org.tiptrends.jobs.Prerequisites;
import org.tiptrends.jobs.TestSupport;
import org.tiptrends.jobs.publish.MartStore;
import org.tiptrends.jobs.quality.GateSettings;
import org.tiptrends.jobs.sources.InputException;

/**
 * The malformed-input corpus ({@code src/test/resources/malformed/}, written by {@link MalformedCorpus}):
 * every case is a complete input folder, the small valid {@code _baseline} with exactly one thing
 * wrong, run in-process against a marts root whose live version was built from that baseline (so
 * the row-count gate compares like with like). An input the job cannot trust stops the run with a
 * one-line message naming the file and the problem, and nothing is published; a bad row in a good
 * file is quarantined (or reported) and the rest is published. Two 50 MB junk files, and the cases
 * {@link RealCorpus} makes from the real exports of {@code ../shared/realdata} (their expectations in
 * {@link RealCases}), are made at run time, never committed.
 *
 * <p>The runs are independent (each on its own copy of the marts root), so they go three at a time
 * on the shared Spark session; each test then checks its case's outcome.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputTest {
  static final Path CORPUS = Path.of("src/test/resources/malformed").toAbsolutePath();
  static final String GLOTIP_XLSX = "glotip_2003_2011.xlsx";
  static final String GLOTIP_CSV = "glotip_2012_2021.csv";
  static final String WDI = "API_NY.GDP.PCAP.CD_DS2_en_csv_v2.csv";
  static final String ILO_TABLE = "CLD_XHAZ_SEX_AGE_ECO_NB_A_EN.xlsx";
  static final String ILO_BULK = "CLD_XHAZ_SEX_AGE_ECO_NB_A_bulk.csv";
  static final String UCDP = "UcdpPrioConflict_v23_1.csv";
  static final long JUNK_BYTES = 50L * 1024 * 1024;
  /** The case whose failure is also checked through the command line, in a JVM of its own. */
  static final String CLI_CASE = "glotip-xlsx-password-protected";

  enum Kind { FAIL_INPUT, FAIL_CHECK, PUBLISH }

  /**
   * One case and what the job must do with it.
   *
   * @param file the offending file's name (named in a failure's message, or in the report)
   * @param problem a failure: what its message says (parts separated by " … " appear in that order);
   *     a publish: a quarantine reason (or null)
   * @param quarantined a publish: GLOTIP rows quarantined
   * @param check a publish: more checks on its run.json, given the baseline's
   */
  record Case(String name, Kind kind, String file, String problem, int quarantined,
      BiConsumer<JsonNode, JsonNode> check, boolean firstRun, Set<String> allowMissing) {
    @Override
    public String toString() {
      return name + " -> " + (kind == Kind.PUBLISH ? "publish, " + quarantined + " quarantined" : kind + ": " + problem);
    }

    /** Run on a new marts root (no live version to compare with), as a first run is. */
    Case onFirstRun() {
      return new Case(name, kind, file, problem, quarantined, check, true, allowMissing);
    }

    /** Run with {@code --allow-missing}. */
    Case allowing(String... sources) {
      return new Case(name, kind, file, problem, quarantined, check, firstRun, Set.of(sources));
    }

    /** Made at run time from {@code ../shared/realdata}, and skipped where it is absent. */
    boolean needsRealData() {
      return RealCorpus.cases().containsKey(name) && RealCorpus.cases().get(name).base().equals(RealCorpus.REAL_BASELINE);
    }
  }

  static Case fail(String name, String file, String problem) {
    return new Case(name, Kind.FAIL_INPUT, file, problem, 0, null, false, Set.of());
  }

  static Case gate(String name, String problem) {
    return new Case(name, Kind.FAIL_CHECK, null, problem, 0, null, false, Set.of());
  }

  static Case publish(String name, String file, int quarantined, String reason, BiConsumer<JsonNode, JsonNode> check) {
    return new Case(name, Kind.PUBLISH, file, reason, quarantined, check, false, Set.of());
  }

  /** The table: case (a folder of the corpus, or made at run time) → expected outcome. */
  static List<Case> cases() {
    return Stream.of(List.of(
        // GLOTIP xlsx: the file cannot be trusted
        fail("glotip-xlsx-truncated", GLOTIP_XLSX, "not a readable xlsx workbook (a damaged or truncated zip archive"),
        fail("glotip-xlsx-password-protected", GLOTIP_XLSX, "not a readable xlsx workbook (password-protected"),
        fail("glotip-xlsx-really-csv", GLOTIP_XLSX, "not a readable xlsx workbook (text, not a workbook: a CSV file"),
        fail("glotip-xlsx-empty", GLOTIP_XLSX, "not a readable xlsx workbook (empty file, 0 bytes)"),
        fail("glotip-xlsx-header-only", GLOTIP_XLSX, "no data rows under the GLOTIP header on row 3"),
        fail("glotip-xlsx-missing-column", GLOTIP_XLSX, "missing required column(s) Sex in the header on row 3"),
        fail("junk-50mb-xlsx", "export.xlsx", "not a readable xlsx workbook (not a zip archive: binary content"),
        // GLOTIP csv: the file cannot be trusted
        fail("glotip-csv-utf16", GLOTIP_CSV, "not a readable CSV file (UTF-16 text"),
        fail("glotip-csv-empty", GLOTIP_CSV, "not a readable CSV file (empty file, 0 bytes)"),
        fail("glotip-csv-header-only", GLOTIP_CSV, "no data rows under the GLOTIP header on row 3"),
        fail("glotip-csv-preamble-only", GLOTIP_CSV, "no GLOTIP header (a row with Iso3_code ... txtVALUE) in the first 2 rows"),
        fail("glotip-csv-semicolons", GLOTIP_CSV, "no GLOTIP header with comma-separated columns: the columns are separated by ';'"),
        fail("glotip-csv-stray-binary-file", "notes.csv", "not a readable CSV file (binary content, not text)"),
        fail("glotip-csv-missing-columns", GLOTIP_CSV, "missing required column(s) Sex, Age in the header on row 3"),
        fail("glotip-csv-renamed-txtvalue", GLOTIP_CSV, "missing required column(s) txtVALUE in the header on row 3"),
        fail("junk-50mb-csv", "export.csv", "not a readable CSV file (binary content, not text)"),
        // GLOTIP csv: the file is fine; a bad row is quarantined with its reason, the rest published
        publish("glotip-csv-year-in-future", GLOTIP_CSV, 1, "Year in the future: 2099", MalformedInputTest::sameRowsRead),
        publish("glotip-csv-year-before-1990", GLOTIP_CSV, 1, "Year before 1990: 1985", MalformedInputTest::sameRowsRead),
        publish("glotip-csv-negative-count", GLOTIP_CSV, 1, "txtVALUE: negative count: '-3'", MalformedInputTest::sameRowsRead),
        publish("glotip-csv-non-numeric-count", GLOTIP_CSV, 1, "txtVALUE: unparseable count: 'n/a'", MalformedInputTest::sameRowsRead),
        publish("glotip-csv-decimal-count", GLOTIP_CSV, 1, "txtVALUE: not a whole count: '2.5'", MalformedInputTest::sameRowsRead),
        // an opening quote that never closes: the job reads line by line, so only that row is lost
        publish("glotip-csv-unbalanced-quote", GLOTIP_CSV, 1, null, MalformedInputTest::sameRowsRead),
        // more than 5% of the rows quarantined: the quarantine_share gate stops the run
        gate("glotip-csv-most-rows-bad", "data-quality check failed: quarantine_share: 309 of 695 GLOTIP rows quarantined (gate 5%)"),
        // GLOTIP: the file is fine as it is
        publish("glotip-csv-extra-columns", GLOTIP_CSV, 0, null, MalformedInputTest::sameAsBaseline),
        publish("glotip-csv-crlf", GLOTIP_CSV, 0, null, MalformedInputTest::sameAsBaseline),
        publish("glotip-csv-bom", GLOTIP_CSV, 0, null, (run, base) -> {
          sameAsBaseline(run, base);
          assertEquals("UNODC", input(run, GLOTIP_CSV).path("publisher").asText(), "the BOM is not part of the publisher");
        }),
        // one encoding policy for every reader: Latin-1 is read as Windows-1252 (its superset) and said so;
        // the file's accented letters come back as letters (it was once decoded into U+FFFD, then "repaired")
        publish("glotip-csv-latin1", GLOTIP_CSV, 0, null, (run, base) -> {
          sameAsBaseline(run, base);
          assertEquals("windows-1252", input(run, GLOTIP_CSV).path("encoding").asText());
          assertTrue(input(run, GLOTIP_CSV).path("encoding_note").asText().contains("'Ciudadanos de su país'"),
              input(run, GLOTIP_CSV).toString());
          assertTrue(run.at("/citizenship/victims_by_resolution_method/repaired").asDouble()
              < base.at("/citizenship/victims_by_resolution_method/repaired").asDouble(), run.at("/citizenship").toString());
          assertTrue(run.at("/citizenship/resolved_share").asDouble() > 0.99, run.at("/citizenship").toString());
        }),
        publish("glotip-csv-duplicated-rows", GLOTIP_CSV, 0, null, (run, base) -> {
          // three rows twice: summed like the export's sub-categories under one key, and counted
          assertEquals(base.path("merged_duplicate_keys").asLong() + 3, run.path("merged_duplicate_keys").asLong());
          assertEquals(base.at("/staged_rows/ok").asLong() + 3, run.at("/staged_rows/ok").asLong());
          assertEquals(input(base, GLOTIP_CSV).path("rows_read").asLong() + 3, input(run, GLOTIP_CSV).path("rows_read").asLong());
        }),
        publish("glotip-office-lock-file", GLOTIP_XLSX, 0, null, (run, base) -> {
          sameAsBaseline(run, base);
          assertEquals(base.path("inputs").size(), run.path("inputs").size(), "Excel's ~$ lock file is not an input");
        }),
        // World Bank
        fail("worldbank-no-country-code", WDI, "missing required column(s) Country Code in the World Bank header"),
        // Latin-1 is Windows-1252 for every printable character: decoded, and run.json says so
        publish("worldbank-latin1", WDI, 0, null, (run, base) -> {
          assertEquals("windows-1252", input(run, WDI).path("encoding").asText());
          assertTrue(input(run, WDI).path("encoding_note").asText().startsWith("not UTF-8 (first at line "),
              input(run, WDI).toString());
          assertEquals(base.path("outputs"), run.path("outputs"));
          assertEquals(base.at("/worldbank/excluded_aggregate_codes"), run.at("/worldbank/excluded_aggregate_codes"));
          sameMart(run, base, "indicators");
        }),
        publish("worldbank-non-numeric-cell", WDI, 0, null, (run, base) -> {
          JsonNode bad = run.at("/worldbank/non_numeric_cells");
          assertEquals(1, bad.size(), bad.toString());
          assertEquals(List.of("CHL", "2015", ".."), List.of(bad.get(0).path("code").asText(),
              bad.get(0).path("year").asText(), bad.get(0).path("text").asText()));
          assertEquals(base.at("/outputs/indicators").asLong() - 1, run.at("/outputs/indicators").asLong(),
              "every other value is published");
        }),
        // ILOSTAT
        fail("ilo-table-no-reference-area", ILO_TABLE, "missing required column(s) Reference area in the ILOSTAT header on row 5"),
        fail("ilo-bulk-missing-obs-value", ILO_BULK, "missing required column(s) obs_value"),
        // UCDP
        fail("ucdp-missing-gwno-loc", UCDP, "missing required column(s) gwno_loc"),
        publish("ucdp-unknown-gleditsch-ward-code", UCDP, 0, null, (run, base) -> {
          assertEquals("[\"999\"]", run.at("/ucdp/unmapped_gleditsch_ward_codes").toString());
          assertEquals(0, run.at("/ucdp/bad_rows").size());
        }),
        publish("ucdp-intensity-out-of-range", UCDP, 0, null, (run, base) -> {
          assertEquals("[\"" + UCDP + " row 7: intensity 3, type 3\"]", run.at("/ucdp/bad_rows").toString());
          assertEquals(0, run.at("/ucdp/unmapped_gleditsch_ward_codes").size());
        })), RealCases.cases()).flatMap(List::stream).toList();
  }

  /** What one run did to its marts root. */
  record Outcome(Path marts, NightlyRun.Result result, RuntimeException error, String currentBefore,
      String currentAfter, List<String> versionsBefore, List<String> versionsAfter, String lastHistoryLine) {}

  Path junk;
  Path made;
  Path live;
  Path realLive;
  JsonNode baseline;
  /** The live version of the {@code real-...} cases, built from {@value RealCorpus#REAL_BASELINE}. */
  static JsonNode realBaseline;
  ExecutorService pool;
  static final Map<String, Future<Outcome>> OUTCOMES = new LinkedHashMap<>();
  /** Each published version's directory by its version name, for checks that compare marts. */
  static final Map<String, Path> VERSION_DIRS = new java.util.concurrent.ConcurrentHashMap<>();
  Process cli;
  Path cliMarts;
  Path cliErr;

  @BeforeAll
  void buildTheLiveVersionAndStartEveryCase(@TempDir Path tmp) throws Exception {
    live = tmp.resolve("live");
    NightlyRun.Result r = new NightlyRun(TestSupport.spark(), m -> {}).run(CORPUS.resolve("_baseline"), live);
    baseline = new ObjectMapper().readTree(r.versionDir().resolve("run.json").toFile());
    VERSION_DIRS.put(r.version(), r.versionDir());
    assertEquals(0, baseline.at("/quarantine/rows").asLong(), "the baseline is clean: " + baseline.at("/quarantine"));

    junk = tmp.resolve("junk");
    junkCase("junk-50mb-xlsx", "export.xlsx", 1);
    junkCase("junk-50mb-csv", "export.csv", 2);
    made = tmp.resolve("made");
    RealCorpus.write(made, CORPUS, Prerequisites.realDataIfPresent());
    if (Prerequisites.realDataIfPresent().isPresent()) {
      realLive = tmp.resolve("real-live");
      NightlyRun.Result real = new NightlyRun(TestSupport.spark(), m -> {}).run(made.resolve(RealCorpus.REAL_BASELINE), realLive);
      realBaseline = new ObjectMapper().readTree(real.versionDir().resolve("run.json").toFile());
      VERSION_DIRS.put(real.version(), real.versionDir());
    }

    cliMarts = copyOf(live, tmp.resolve("cli-marts"));
    cliErr = tmp.resolve("cli-stderr.txt");
    cli = startCli(caseDir(CLI_CASE), cliMarts, tmp.resolve("cli-stdout.txt"), cliErr);

    pool = Executors.newFixedThreadPool(3);
    int i = 0;
    for (Case c : cases()) {
      if (c.needsRealData() && realLive == null) {
        continue;
      }
      Path marts = tmp.resolve("marts-" + i++);
      Path from = c.needsRealData() ? realLive : live;
      OUTCOMES.put(c.name(), pool.submit(() -> run(caseDir(c.name()), c.firstRun() ? marts : copyOf(from, marts),
          c.allowMissing())));
    }
  }

  @AfterAll
  void stop() {
    if (pool != null) {
      pool.shutdownNow();
    }
    if (cli != null) {
      cli.destroyForcibly();
    }
  }

  @Test
  void theCorpusHoldsAtLeastThirtyCasesAndEveryOneIsInTheTable() throws IOException {
    List<String> folders;
    try (Stream<Path> s = Files.list(CORPUS)) {
      folders = s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("_")).sorted().toList();
    }
    List<String> tabled = cases().stream().map(Case::name)
        .filter(n -> !n.startsWith("junk-") && !RealCorpus.cases().containsKey(n)).sorted().toList();
    assertEquals(folders, tabled, "every folder of the corpus has its expected outcome, and no more");
    assertTrue(folders.size() >= 30, folders.size() + " cases");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachCaseFailsClearlyOrQuarantinesAndPublishes(Case c) throws Exception {
    Prerequisites.require(!c.needsRealData() || realBaseline != null, Prerequisites.REAL_DATA,
        "../shared/realdata (the real exports this case is made from) is not on this machine");
    Outcome o = OUTCOMES.get(c.name()).get(10, TimeUnit.MINUTES);
    if (c.kind() == Kind.PUBLISH) {
      assertPublished(c, o);
    } else {
      assertNothingPublished(c, o);
    }
  }

  /** The command line prints the same one line on stderr and exits 1 (Spark runs in a JVM of its own). */
  @Test
  void theCommandLineFailsWithOneLineOnStderrAndExitOne() throws Exception {
    assertTrue(cli.waitFor(5, TimeUnit.MINUTES), "the job ended within 5 minutes");
    String err = Files.readString(cliErr, StandardCharsets.UTF_8);
    assertEquals(1, cli.exitValue(), err);
    assertEquals(1, err.strip().lines().count(), "exactly one line on stderr:\n" + err);
    assertTrue(err.startsWith("tiptrends: error: "), err);
    assertTrue(err.contains(caseDir(CLI_CASE).resolve("unodc").resolve(GLOTIP_XLSX) + ": not a readable xlsx workbook "
        + "(password-protected"), err);
    assertEquals(new MartStore(live).versions(), new MartStore(cliMarts).versions(), "nothing published");
    assertEquals(new MartStore(live).current(), new MartStore(cliMarts).current(), "CURRENT unchanged");
  }

  private void assertNothingPublished(Case c, Outcome o) {
    RuntimeException e = o.error();
    assertNotNull(e, () -> c.name() + " must fail, but published " + o.result().version());
    Class<?> expected = c.kind() == Kind.FAIL_INPUT ? InputException.class : NightlyRun.ChecksFailedException.class;
    assertEquals(expected, e.getClass(), () -> c.name() + ": " + e);
    String m = e.getMessage();
    assertFalse(m.contains("\n") || m.contains("\r"), "one line: " + m);
    // what the command prints and exits with for it
    assertEquals(1, org.tiptrends.jobs.cli.TipTrendsCommand.exitCode(e), "exit 1");
    assertEquals(m, org.tiptrends.jobs.cli.TipTrendsCommand.oneLine(e), "stderr: tiptrends: error: " + m);
    int at = 0;
    for (String part : c.problem().split(" … ")) { // parts of the message, in order
      int found = m.indexOf(part, at);
      assertTrue(found >= 0, () -> "the problem '" + part + "' in: " + m);
      at = found + part.length();
    }
    if (c.file() != null) {
      assertTrue(m.startsWith(fileUnder(caseDir(c.name()), c.file()) + ": "), () -> "names the file first: " + m);
    }
    assertEquals(o.currentBefore(), o.currentAfter(), "CURRENT unchanged");
    assertEquals(o.versionsBefore(), o.versionsAfter(), "no new version");
    try (Stream<Path> s = Files.list(o.marts())) {
      assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".building-")).toList(),
          "the failed build is removed");
    } catch (IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
    assertTrue(o.lastHistoryLine().contains("\"status\":\"failed\""), o.lastHistoryLine());
  }

  private void assertPublished(Case c, Outcome o) throws IOException {
    if (o.error() != null) {
      org.junit.jupiter.api.Assertions.fail(c.name() + " must publish, but failed: " + o.error().getMessage(), o.error());
    }
    assertEquals(o.result().version(), o.currentAfter(), "CURRENT names the new version");
    assertEquals(o.versionsBefore().size() + 1, o.versionsAfter().size());
    JsonNode run = new ObjectMapper().readTree(o.result().versionDir().resolve("run.json").toFile());
    assertEquals(c.quarantined(), run.at("/quarantine/rows").asLong(), run.at("/quarantine").toString());
    assertEquals(c.quarantined(), run.at("/outputs/quarantine").asLong(), "the quarantine mart holds the rows");
    if (c.quarantined() > 0) {
      JsonNode example = run.at("/quarantine/examples/0");
      assertTrue(example.path("file").asText().endsWith("/" + c.file()), example.toString());
      if (c.problem() != null) {
        assertEquals(c.problem(), run.at("/quarantine/by_reason/0/reason").asText(), run.at("/quarantine").toString());
      }
      // the rest of the file is in: every other row staged as in the baseline
      assertEquals(baseline.at("/staged_rows/ok").asLong() - c.quarantined(), run.at("/staged_rows/ok").asLong(),
          run.at("/staged_rows").toString());
    }
    for (String check : List.of("quarantine_share", "marts_non_empty", "row_counts_vs_live")) {
      assertEquals("pass", checkStatus(run, check), check + " in " + run.path("checks"));
    }
    if (c.allowMissing().isEmpty()) {
      // every mart the same input fills without the fault has rows
      JsonNode base = c.needsRealData() ? realBaseline : baseline;
      run.path("outputs").fields().forEachRemaining(e -> assertTrue(e.getKey().equals("quarantine")
          || e.getValue().asLong() > 0 || base.at("/outputs/" + e.getKey()).asLong() == 0,
          "mart " + e.getKey() + " has rows"));
    }
    assertEquals("pass", checkStatus(run, "unique_keys"), run.path("checks").toString());
    c.check().accept(run, c.needsRealData() ? realBaseline : baseline);
  }

  // ---- the checks on a published run.json, against the baseline's ------------------------------

  /** Every row of the file was read; only the quarantined ones left the marts. */
  static void sameRowsRead(JsonNode run, JsonNode base) {
    assertEquals(input(base, GLOTIP_CSV).path("rows_read").asLong(), input(run, GLOTIP_CSV).path("rows_read").asLong());
  }

  /** The file reads exactly as the baseline's: same rows, same statuses, same marts' sizes. */
  static void sameAsBaseline(JsonNode run, JsonNode base) {
    assertEquals(base.path("staged_rows"), run.path("staged_rows"));
    assertEquals(base.path("merged_duplicate_keys"), run.path("merged_duplicate_keys"));
    assertEquals(base.path("outputs"), run.path("outputs"));
    sameRowsRead(run, base);
  }

  static JsonNode input(JsonNode run, String fileName) {
    for (JsonNode i : run.path("inputs")) {
      if (i.path("path").asText().endsWith("/" + fileName)) {
        return i;
      }
    }
    throw new AssertionError("no input " + fileName + " in " + run.path("inputs"));
  }

  /**
   * A mart of this run holds exactly the rows of the same mart of {@code other} (a multiset, doubles
   * exactly), leaving out columns that name files.
   */
  static void sameMart(JsonNode run, JsonNode other, String mart, String... ignoredColumns) {
    var spark = TestSupport.spark();
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> a = spark.read()
        .parquet(VERSION_DIRS.get(run.path("version").asText()).resolve(mart).toString()).drop(ignoredColumns);
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> b = spark.read()
        .parquet(VERSION_DIRS.get(other.path("version").asText()).resolve(mart).toString()).drop(ignoredColumns);
    // small marts: compared on the driver, as sorted lines (Spark's exceptAll is a shuffle per side)
    List<String> mine = a.collectAsList().stream().map(org.apache.spark.sql.Row::toString).sorted().toList();
    List<String> theirs = b.collectAsList().stream().map(org.apache.spark.sql.Row::toString).sorted().toList();
    assertEquals(theirs.size(), mine.size(), mart + " rows");
    assertTrue(mine.equals(theirs), () -> mart + ": first difference at line " + firstDifference(mine, theirs));
  }

  private static String firstDifference(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      if (!a.get(i).equals(b.get(i))) {
        return i + ": " + a.get(i) + " against " + b.get(i);
      }
    }
    return Math.min(a.size(), b.size()) + ": one list ends";
  }

  /** The run.json of another case, once it has published. */
  static JsonNode publishedRun(String caseName) {
    try {
      Outcome o = OUTCOMES.get(caseName).get(10, TimeUnit.MINUTES);
      assertNotNull(o.result(), caseName + " published");
      return new ObjectMapper().readTree(o.result().versionDir().resolve("run.json").toFile());
    } catch (Exception e) {
      throw new AssertionError(caseName + ": " + e, e);
    }
  }

  static String checkStatus(JsonNode run, String name) {
    for (JsonNode c : run.path("checks")) {
      if (c.path("name").asText().equals(name)) {
        return c.path("status").asText();
      }
    }
    return null;
  }

  // ---- running ---------------------------------------------------------------------------------

  private Path caseDir(String name) {
    return name.startsWith("junk-") ? junk.resolve(name)
        : RealCorpus.cases().containsKey(name) ? made.resolve(name) : CORPUS.resolve(name);
  }

  private static Path fileUnder(Path caseDir, String fileName) {
    try (Stream<Path> s = Files.walk(caseDir)) {
      return s.filter(p -> p.getFileName().toString().equals(fileName)).findFirst()
          .orElseThrow(() -> new AssertionError("no " + fileName + " under " + caseDir));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Outcome run(Path input, Path marts, Set<String> allowMissing) throws IOException {
    MartStore store = new MartStore(marts);
    String before = store.current().orElse(null);
    List<String> versionsBefore = store.versions();
    NightlyRun.Result result = null;
    RuntimeException error = null;
    try {
      result = new NightlyRun(TestSupport.spark(), m -> {}, GateSettings.defaults(), allowMissing).run(input, marts);
      VERSION_DIRS.put(result.version(), result.versionDir());
    } catch (RuntimeException e) {
      error = e;
    }
    List<String> history = Files.readAllLines(marts.resolve(MartStore.RUN_HISTORY));
    return new Outcome(marts, result, error, before, store.current().orElse(null), versionsBefore, store.versions(),
        history.get(history.size() - 1));
  }

  /** The baseline plus a 50 MB file of seeded random bytes under unodc/. */
  private void junkCase(String name, String fileName, long seed) throws IOException {
    Path dir = copyOf(CORPUS.resolve("_baseline"), junk.resolve(name));
    Random random = new Random(seed);
    byte[] chunk = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(dir.resolve("unodc").resolve(fileName))) {
      for (long written = 0; written < JUNK_BYTES; written += chunk.length) {
        random.nextBytes(chunk);
        out.write(chunk);
      }
    }
    assertEquals(JUNK_BYTES, Files.size(dir.resolve("unodc").resolve(fileName)));
  }

  static Path copyOf(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  /**
   * {@code run} through the command line in a JVM of its own: the command starts and stops its own
   * Spark session, which must not be this JVM's shared one.
   */
  private static Process startCli(Path input, Path marts, Path out, Path err) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
          || arg.startsWith("-Djdk.reflect") || arg.startsWith("-Dio.netty")) {
        cmd.add(arg);
      }
    }
    cmd.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), "org.tiptrends.jobs.Main",
        "run", "--input", input.toString(), "--marts", marts.toString(), "--master", "local[1]"));
    return new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
  }

  @Test
  void theBaselineIsClean() {
    assertEquals(0, baseline.at("/quarantine/rows").asLong());
    for (JsonNode c : baseline.path("checks")) {
      assertFalse(c.path("status").asText().equals("fail"), c.toString());
    }
  }
}
