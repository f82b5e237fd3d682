package org.tiptrends.jobs.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import org.apache.hadoop.conf.Configuration;
import org.tiptrends.jobs.NightlyRun;
import org.tiptrends.jobs.io.HadoopConf;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.publish.MartStore;
import org.tiptrends.jobs.publish.MartsLock;
import org.tiptrends.jobs.quality.GateSettings;
import org.tiptrends.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Read the exports under --input, build every mart and publish a new version under "
        + "--marts. CURRENT moves only when every mart and run.json are complete and no check failed.",
        "", "Input layout: DIR/unodc/ (GLOTIP .xlsx, .csv), DIR/worldbank/ (WDI .csv, data package folders), "
        + "DIR/ilo/ (ILOSTAT .xlsx, .csv), DIR/ucdp/ (UCDP/PRIO .csv). Every source is required: a missing or "
        + "empty folder fails the run unless --allow-missing names it. Other files and folders are skipped with a warning.",
        "", "DIR is a local path or a Hadoop file system URI (file:///srv/raw, hdfs://nn:8020/raw, "
        + "s3a://bucket/raw); Hadoop settings come from core-site.xml on the class path, "
        + "$HADOOP_CONF_DIR, -Dspark.hadoop.KEY=VALUE and --conf spark.hadoop.KEY=VALUE."})
public final class RunCommand implements Callable<Integer>, TipTrendsCommand.Verbosity {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "DIR",
      description = "Folder of source exports: a local path or a Hadoop URI.")
  String input;

  @Option(names = "--marts", required = true, paramLabel = "DIR",
      description = "Marts root: version directories and the CURRENT file; a local path or a Hadoop URI.")
  String marts;

  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "A Spark setting (repeatable), e.g. spark.hadoop.fs.s3a.endpoint=https://s3.example.org; "
          + "spark.hadoop.* settings also apply to the lock and to the files read outside Spark.")
  Map<String, String> conf = new LinkedHashMap<>();

  @Option(names = "--lock-stale-seconds", defaultValue = "600", paramLabel = "SECONDS",
      description = "Marts on HDFS or an object store: a lock file whose heartbeat stopped this long ago "
          + "(a killed run) is taken over (default ${DEFAULT-VALUE}). Local marts use an OS lock that never goes stale.")
  long lockStaleSeconds;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: the one spark-submit sets, else embedded ${DEFAULT-VALUE}).",
      defaultValue = SparkSessions.DEFAULT_MASTER, showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
  String master;

  @Option(names = "--min-resolved-share", defaultValue = "0.90", paramLabel = "SHARE",
      description = "Gate: by-citizenship victims that must resolve to domestic or a known origin (default ${DEFAULT-VALUE}).")
  double minResolvedShare;

  @Option(names = "--max-quarantine-share", defaultValue = "0.05", paramLabel = "SHARE",
      description = "Gate: GLOTIP rows that may be quarantined (default ${DEFAULT-VALUE}).")
  double maxQuarantineShare;

  @Option(names = "--max-row-drop", defaultValue = "0.5", paramLabel = "SHARE",
      description = "Gate: how far a mart's row count may fall against the live version (default ${DEFAULT-VALUE}).")
  double maxRowDrop;

  @Option(names = "--allow-row-drop", description = "Publish even when row counts collapse (a deliberate change of inputs).")
  boolean allowRowDrop;

  @Option(names = "--max-inconsistent-share", defaultValue = "0.10", paramLabel = "SHARE",
      description = "Gate: country-years whose breakdowns may exceed their total's bounds (default ${DEFAULT-VALUE}).")
  double maxInconsistentShare;

  @Option(names = "--allow-missing", split = ",", paramLabel = "SOURCE",
      description = "Source folders this run may go without (comma-separated: unodc, worldbank, ilo, ucdp); "
          + "their marts are published empty. Without it a missing or empty source folder fails the run.")
  java.util.List<String> allowMissing = new java.util.ArrayList<>();

  @Option(names = "--verbose", description = "Spark's log and stack traces on stderr.")
  boolean verbose;

  @Override
  public boolean verbose() {
    return verbose;
  }

  @Override
  public Integer call() throws Exception {
    if (lockStaleSeconds < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--lock-stale-seconds must be at least 1");
    }
    java.util.Set<String> allowed = new java.util.TreeSet<>(allowMissing);
    if (!NightlyRun.SOURCES.keySet().containsAll(allowed)) {
      allowed.removeAll(NightlyRun.SOURCES.keySet());
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--allow-missing: unknown source(s) "
          + allowed + "; the sources are " + String.join(", ", NightlyRun.SOURCES.keySet()));
    }
    Configurator.setRootLevel(verbose ? Level.INFO : Level.OFF);
    Configuration hadoop = HadoopConf.create(conf);
    Location in = Location.of(input, hadoop);
    if (!in.isDirectory()) {
      throw new IllegalArgumentException("input directory not found: " + in);
    }
    NightlyRun.requireSources(in, allowed); // before the lock and Spark: a missing source fails at once
    long t0 = System.nanoTime();
    String chosenMaster = System.getProperty("spark.master") != null && SparkSessions.DEFAULT_MASTER.equals(master)
        ? null : master;
    MartStore store = new MartStore(Location.of(marts, hadoop), Duration.ofSeconds(lockStaleSeconds));
    // the lock first: a second run exits at once, before paying for Spark's start-up
    try (MartsLock lock = store.lock()) {
      return runLocked(in, store, lock.runId(), chosenMaster, t0, allowed);
    }
  }

  private int runLocked(Location in, MartStore store, String runId, String chosenMaster, long t0,
      java.util.Set<String> allowed) {
    SparkSession spark = SparkSessions.create(chosenMaster, conf);
    try {
      NightlyRun.Result r = new NightlyRun(spark, msg -> log(t0, msg), new GateSettings(minResolvedShare,
          maxQuarantineShare, maxRowDrop, allowRowDrop, maxInconsistentShare), allowed).runHoldingLock(in, store, runId);
      for (String w : r.report().warnings()) {
        System.err.println("tiptrends: warning: " + w);
      }
      @SuppressWarnings("unchecked")
      Map<String, Long> outputs = (Map<String, Long>) r.report().get("outputs");
      log(t0, "published " + r.version() + " " + outputs + " -> " + r.published());
      return 0;
    } finally {
      spark.stop();
    }
  }

  private static void log(long t0, String msg) {
    System.out.printf(java.util.Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - t0) / 1e9, msg);
  }
}
