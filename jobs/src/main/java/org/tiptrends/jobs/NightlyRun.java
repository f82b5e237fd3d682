package org.tiptrends.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.marts.ConflictMart;
import org.tiptrends.jobs.marts.ConvictedByCitizenshipMart;
import org.tiptrends.jobs.marts.CountryYearPanelMart;
import org.tiptrends.jobs.marts.SectorsMart;
import org.tiptrends.jobs.marts.FlowSharesMart;
import org.tiptrends.jobs.marts.FlowsMart;
import org.tiptrends.jobs.marts.IndicatorsMart;
import org.tiptrends.jobs.marts.JusticeByYearMart;
import org.tiptrends.jobs.marts.Mart;
import org.tiptrends.jobs.marts.MartInputs;
import org.tiptrends.jobs.marts.VictimsByYearMart;
import org.tiptrends.jobs.marts.RatesByYearMart;
import org.tiptrends.jobs.marts.RepatriationFlowsMart;
import org.tiptrends.jobs.publish.FailPoints;
import org.tiptrends.jobs.publish.MartStore;
import org.tiptrends.jobs.publish.MartsLock;
import org.tiptrends.jobs.quality.GateSettings;
import org.tiptrends.jobs.quality.QualityGates;
import org.tiptrends.jobs.report.GlotipRunFindings;
import org.tiptrends.jobs.report.RunReport;
import org.tiptrends.jobs.sources.InputException;
import org.tiptrends.jobs.sources.SourceFile;
import org.tiptrends.jobs.sources.SourceFolder;
import org.tiptrends.jobs.sources.unodc.GlotipSource;
import org.tiptrends.jobs.sources.ilo.IloSource;
import org.tiptrends.jobs.sources.ucdp.UcdpSource;
import org.tiptrends.jobs.sources.worldbank.WorldBankSource;
import org.tiptrends.jobs.staging.GlotipStager;
import org.tiptrends.jobs.staging.StagedGlotip;

/**
 * One run of the batch job: sources → staging → marts → checks → publish. Everything is written
 * into a build directory first; {@code CURRENT} moves only after every mart and {@code run.json}
 * are complete and no check failed.
 */
public final class NightlyRun {
  static final List<Mart> MARTS = List.of(new VictimsByYearMart(), new FlowsMart(), new FlowSharesMart(),
      new IndicatorsMart(), new SectorsMart(), new ConflictMart(), new JusticeByYearMart(),
      new CountryYearPanelMart(), new RatesByYearMart(), new ConvictedByCitizenshipMart(), new RepatriationFlowsMart());

  /**
   * The source folders, each required on every run (the first included) unless allowed missing:
   * without any one of them a version would publish empty marts or panel columns as if that were
   * the data. Folder → what it holds, for messages.
   */
  public static final Map<String, String> SOURCES = sources();

  private static Map<String, String> sources() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(GlotipSource.FOLDER, "GLOTIP exports (.xlsx, .csv)");
    m.put(WorldBankSource.FOLDER, "World Bank indicators (WDI .csv, data package folders)");
    m.put(IloSource.FOLDER, "ILOSTAT exports (.xlsx, .csv)");
    m.put(UcdpSource.FOLDER, "UCDP/PRIO conflict data (.csv)");
    return java.util.Collections.unmodifiableMap(m);
  }

  /** @param published the version's directory */
  public record Result(String version, Location published, RunReport report) {
    /** The version's directory on a local marts root. */
    public Path versionDir() {
      return published.toLocalPath();
    }
  }

  /** A run that must not be published; the message says why in one line. */
  public static final class ChecksFailedException extends RuntimeException {
    public ChecksFailedException(String message) {
      super(message);
    }
  }

  private final SparkSession spark;
  private final Consumer<String> progress;
  private final GateSettings gates;
  private final Set<String> allowMissing;

  public NightlyRun(SparkSession spark, Consumer<String> progress) {
    this(spark, progress, GateSettings.defaults());
  }

  public NightlyRun(SparkSession spark, Consumer<String> progress, GateSettings gates) {
    this(spark, progress, gates, Set.of());
  }

  /** @param allowMissing source folders ({@link #SOURCES}) this run may go without */
  public NightlyRun(SparkSession spark, Consumer<String> progress, GateSettings gates, Set<String> allowMissing) {
    this.spark = spark;
    this.progress = progress;
    this.gates = gates;
    this.allowMissing = Set.copyOf(allowMissing);
    List<String> unknown = allowMissing.stream().filter(f -> !SOURCES.containsKey(f)).sorted().toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown source(s) " + unknown + "; the sources are " + SOURCES.keySet());
    }
  }

  /** What each source folder of {@code input} holds for its reader. */
  static Map<String, SourceFolder.Listing> listSources(Location input) {
    Map<String, SourceFolder.Listing> m = new LinkedHashMap<>();
    m.put(GlotipSource.FOLDER, GlotipSource.list(input));
    m.put(WorldBankSource.FOLDER, WorldBankSource.list(input));
    m.put(IloSource.FOLDER, IloSource.list(input));
    m.put(UcdpSource.FOLDER, UcdpSource.list(input));
    return m;
  }

  /**
   * Fails on the first source folder that is missing or holds nothing its reader reads, unless
   * allowed; cheap (listings only), so the command runs it before Spark starts.
   *
   * @return warnings for the allowed ones
   * @throws InputException naming the folder
   */
  public static List<String> requireSources(Location input, Set<String> allowMissing) {
    List<String> warnings = new ArrayList<>();
    for (Map.Entry<String, SourceFolder.Listing> e : listSources(input).entrySet()) {
      String folder = e.getKey();
      SourceFolder.Listing listing = e.getValue();
      if (!listing.isEmpty()) {
        continue;
      }
      boolean absent = !listing.dir().isDirectory();
      String problem = absent ? "no such folder" : "holds no " + SOURCES.get(folder)
          + (listing.skipped().isEmpty() ? "" : " (only " + listing.skipped().stream()
              .map(k -> k.path().substring(k.path().lastIndexOf('/') + 1)).toList() + ", which are skipped)");
      if (allowMissing.contains(folder)) {
        warnings.add(listing.dir() + ": " + problem + " (allowed by --allow-missing): the marts it feeds are empty");
      } else {
        throw new InputException(listing.dir().toString(), "required source missing: " + problem
            + "; every run needs its " + SOURCES.get(folder) + ", or --allow-missing " + folder + " to publish without it");
      }
    }
    return warnings;
  }

  /** A run from a local input folder to a local marts root. */
  public Result run(Path input, Path martsRoot) {
    return run(Location.local(input), new MartStore(Location.local(martsRoot)));
  }

  /** Takes the marts root's lock, then runs (see {@link #runHoldingLock}). */
  public Result run(Location input, MartStore store) {
    try (MartsLock lock = store.lock()) {
      return runHoldingLock(input, store, lock.runId());
    }
  }

  /**
   * Runs for a caller that holds {@code store.lock()} (the command takes it before Spark starts).
   *
   * @param runId the lock's run id: the build directory, the version and the lock file name it
   */
  public Result runHoldingLock(Location input, MartStore store, String runId) {
    Instant started = Instant.now();
    String version = MartStore.versionName(started, runId);
    for (Location swept : store.sweepAbandonedBuilds()) {
      progress.accept("removed an abandoned build: " + swept);
    }
    Location build = store.newBuildDirectory(runId);
    RunReport report = new RunReport();
    Dataset<Row> staged = null;
    MartInputs marts = null;
    try {
      report.put("run_id", runId).put("version", version).put("started_at", started.toString())
          .put("spark_master", spark.sparkContext().master()).put("spark_version", spark.version())
          .put("input_dir", input.toAbsoluteString());
      if (!input.isDirectory()) {
        throw new IllegalArgumentException("input directory not found: " + input);
      }
      report.put("allowed_missing_sources", allowMissing.stream().sorted().toList());
      requireSources(input, allowMissing).forEach(report::warn);

      progress.accept("reading " + input.resolve(GlotipSource.FOLDER));
      GlotipSource.Loaded loaded = GlotipSource.load(spark, input);
      staged = GlotipStager.stage(loaded.raw()).persist(StorageLevel.MEMORY_AND_DISK());
      FailPoints.reached("reading");
      progress.accept("reading " + input.resolve(WorldBankSource.FOLDER));
      WorldBankSource.Loaded worldBank = WorldBankSource.load(spark, input, ReferenceData.standard());
      progress.accept("reading " + input.resolve(IloSource.FOLDER) + " and " + input.resolve(UcdpSource.FOLDER));
      IloSource.Loaded ilo = IloSource.load(spark, input, ReferenceData.standard());
      UcdpSource.Loaded ucdp = UcdpSource.load(spark, input);

      progress.accept("staging and checking rows");
      GlotipRunFindings findings = GlotipRunFindings.of(staged);
      List<Map<String, Object>> inputs = new ArrayList<>();
      for (SourceFile f : loaded.files()) {
        inputs.add(sourceFileMap(f.withRowsRead(findings.rowsRead(f.path()))));
      }
      worldBank.files().forEach(f -> inputs.add(sourceFileMap(f)));
      ilo.files().forEach(f -> inputs.add(sourceFileMap(f)));
      ucdp.files().forEach(f -> inputs.add(sourceFileMap(f)));
      report.put("inputs", inputs);
      List<String> generated = inputs.stream().filter(i -> Boolean.TRUE.equals(i.get("generated")))
          .map(i -> (String) i.get("path")).toList();
      // not a warning (nothing is wrong with the run): said where the run's progress and report are read
      report.put("generated_inputs", generated);
      if (!generated.isEmpty()) {
        progress.accept("generated sample data, not official statistics (written by tip-trends generate): "
            + generated.size() + " of " + inputs.size() + " inputs");
      }
      report.put("staged_rows", findings.rowsByStatus());
      report.put("merged_duplicate_keys", findings.mergedDuplicateKeys());
      report.put("quarantine", findings.quarantine());
      report.put("excluded_non_country_codes", findings.excludedCodes());
      report.put("citizenship", findings.citizenship());
      List<SourceFolder.Skipped> skipped = new ArrayList<>(loaded.skipped());
      skipped.addAll(worldBank.skipped());
      skipped.addAll(ilo.skipped());
      skipped.addAll(ucdp.skipped());
      report.put("skipped_inputs", skipped);
      skipped.forEach(k -> report.warn(k.path() + ": skipped: " + k.reason()));
      worldBank.warnings().forEach(report::warn);
      Map<String, Object> wb = new LinkedHashMap<>();
      wb.put("excluded_aggregate_codes", worldBank.excludedAggregates());
      wb.put("non_numeric_cells", worldBank.badCells());
      wb.put("vintages", worldBank.vintages());
      wb.put("overlaps", worldBank.overlaps());
      report.put("worldbank", wb);
      report.put("ilo", Map.of("non_numeric_cells", ilo.badCells()));
      report.put("ucdp", Map.of("unmapped_gleditsch_ward_codes", ucdp.unmappedGwCodes(),
          "unmapped_gleditsch_ward_codes_explained", UcdpSource.explainUnmapped(ucdp.unmappedGwCodes()),
          "bad_rows", ucdp.badRows()));

      marts = new MartInputs(spark, staged, worldBank.observations(),
          ilo.observations(), ucdp.locations(), ReferenceData.standard());
      Map<String, Long> outputs = new LinkedHashMap<>();
      Map<String, List<String>> missingContractColumns = new LinkedHashMap<>();
      for (Mart mart : MARTS) {
        progress.accept("building mart " + mart.name());
        Location dir = build.resolve(mart.name());
        FailPoints.reached("writing:" + mart.name());
        // later marts build on what was published, not on a recomputation of it
        Dataset<Row> published = write(mart.build(marts), dir);
        outputs.put(mart.name(), published.count());
        progress.accept("wrote mart " + mart.name() + ": " + outputs.get(mart.name()) + " rows");
        marts.register(mart.name(), published);
        List<String> columns = List.of(published.columns());
        List<String> missing = mart.contractColumns().stream().filter(c -> !columns.contains(c)).toList();
        if (!missing.isEmpty()) {
          missingContractColumns.put(mart.name(), missing);
        }
      }
      progress.accept("writing the quarantine");
      outputs.put("quarantine", write(staged.filter(
          staged.col("status").equalTo(StagedGlotip.QUARANTINED)), build.resolve("quarantine")).count());
      report.put("outputs", outputs);

      // a GLOTIP export need not hold convicted persons by citizenship or repatriations (the export
      // has them from 2017 and for some countries only): those marts are then empty, with their schema
      Map<String, Boolean> sourcePresent = Map.of(IndicatorsMart.NAME, !worldBank.files().isEmpty(),
          SectorsMart.NAME, !ilo.files().isEmpty(), ConflictMart.NAME, !ucdp.files().isEmpty(),
          ConvictedByCitizenshipMart.NAME, !ConvictedByCitizenshipMart.sourceRows(marts).isEmpty(),
          RepatriationFlowsMart.NAME, !RepatriationFlowsMart.sourceRows(marts).isEmpty());
      progress.accept("running the data-quality checks");
      new QualityGates(spark, gates).run(report, findings, outputs, missingContractColumns, build,
          store.current().map(store.root()::resolve), !loaded.files().isEmpty(), sourcePresent, MARTS);
      Instant finished = Instant.now();
      report.put("finished_at", finished.toString())
          .put("elapsed_seconds", Duration.between(started, finished).toMillis() / 1000.0);
      report.write(build.resolve("run.json"));

      List<RunReport.Check> failed = report.failedChecks();
      if (!failed.isEmpty()) {
        RunReport.Check first = failed.get(0);
        throw new ChecksFailedException("data-quality check failed: " + first.name() + ": " + first.detail()
            + (failed.size() > 1 ? " (and " + (failed.size() - 1) + " more)" : ""));
      }
      FailPoints.reached("before-publish");
      progress.accept("publishing " + version);
      Location published = store.publish(build, version);
      store.appendHistory(history(report, "published", null));
      return new Result(version, published, report);
    } catch (RuntimeException e) {
      try {
        build.deleteRecursively();
        report.put("finished_at", Instant.now().toString());
        store.appendHistory(history(report, "failed", e.getMessage()));
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup); // an unreachable marts root: the run's own error is the one to tell
      }
      throw e;
    } finally {
      if (marts != null) {
        marts.release();
      }
      if (staged != null) {
        staged.unpersist();
      }
    }
  }

  /** One line of {@code runs.jsonl}: enough to see at a glance what each night did. */
  private static String history(RunReport report, String status, String error) {
    Map<String, Object> line = new LinkedHashMap<>();
    for (String key : List.of("run_id", "started_at", "finished_at", "elapsed_seconds", "outputs")) {
      line.put(key, report.get(key));
    }
    line.put("status", status);
    line.put("version", "published".equals(status) ? report.get("version") : null);
    line.put("error", error);
    Object inputs = report.get("inputs");
    if (inputs instanceof List<?> list) {
      line.put("inputs", list.stream().map(i -> ((Map<?, ?>) i).get("sha256")).toList());
    }
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes a mart and returns it as published (read back from its Parquet). */
  private static Dataset<Row> write(Dataset<Row> rows, Location dir) {
    // the marts are small aggregates: one file each keeps readers (API, notebooks) simple and fast
    rows.coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(dir.uri());
    return rows.sparkSession().read().parquet(dir.uri());
  }



  private static Map<String, Object> sourceFileMap(SourceFile f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", f.source());
    m.put("path", f.path());
    m.put("format", f.format());
    m.put("sha256", f.sha256());
    m.put("bytes", f.bytes());
    m.put("rows_read", f.rowsRead() < 0 ? null : f.rowsRead());
    m.put("publisher", f.publisher());
    m.put("export_date", org.tiptrends.jobs.sources.ExportDates.iso(f.exportDate()));
    m.put("export_date_as_published", f.exportDate());
    m.put("generated", f.generated());
    m.putAll(f.details()); // flat strings only: jobs/bin/nightly reads the inputs list with a pattern
    return m;
  }
}
