package org.tiptrends.jobs.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import org.tiptrends.jobs.NightlyRun;
import org.tiptrends.jobs.publish.MartStore;
import org.tiptrends.jobs.quality.GateSettings;
import org.tiptrends.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Read the exports under --input, build every mart and publish a new version under "
        + "--marts. CURRENT moves only when every mart and run.json are complete and no check failed.",
        "", "Input layout: DIR/unodc/*.xlsx|*.csv (UNODC GLOTIP exports as downloaded). "
        + "A missing source folder is a warning."})
public final class RunCommand implements Callable<Integer>, TipTrendsCommand.Verbosity {
  @Option(names = "--input", required = true, paramLabel = "DIR", description = "Folder of source exports.")
  Path input;

  @Option(names = "--marts", required = true, paramLabel = "DIR",
      description = "Marts root: version directories and the CURRENT file.")
  Path marts;

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

  @Option(names = "--verbose", description = "Spark's log and stack traces on stderr.")
  boolean verbose;

  @Override
  public boolean verbose() {
    return verbose;
  }

  @Override
  public Integer call() throws Exception {
    if (!java.nio.file.Files.isDirectory(input)) {
      throw new IllegalArgumentException("input directory not found: " + input);
    }
    Configurator.setRootLevel(verbose ? Level.INFO : Level.OFF);
    long t0 = System.nanoTime();
    String chosenMaster = System.getProperty("spark.master") != null && SparkSessions.DEFAULT_MASTER.equals(master)
        ? null : master;
    MartStore store = new MartStore(marts);
    // the lock first: a second run exits at once, before paying for Spark's start-up
    try (AutoCloseable lock = store.lock()) {
      return runLocked(store, chosenMaster, t0);
    }
  }

  private int runLocked(MartStore store, String chosenMaster, long t0) {
    SparkSession spark = SparkSessions.create(chosenMaster);
    try {
      NightlyRun.Result r = new NightlyRun(spark, msg -> log(t0, msg), new GateSettings(minResolvedShare,
          maxQuarantineShare, maxRowDrop, allowRowDrop, maxInconsistentShare)).runHoldingLock(input, store);
      for (String w : r.report().warnings()) {
        System.err.println("tiptrends: warning: " + w);
      }
      @SuppressWarnings("unchecked")
      Map<String, Long> outputs = (Map<String, Long>) r.report().get("outputs");
      log(t0, "published " + r.version() + " " + outputs + " -> " + r.versionDir());
      return 0;
    } finally {
      spark.stop();
    }
  }

  private static void log(long t0, String msg) {
    System.out.printf(java.util.Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - t0) / 1e9, msg);
  }
}
