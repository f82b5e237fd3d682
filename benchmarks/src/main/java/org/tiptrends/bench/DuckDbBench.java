package org.tiptrends.bench;

import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar benchmarks/target/tiptrends-benchmarks.jar compute|agree ...}: the DuckDB side of
 * {@code bench/run}. Exit codes: 0 done (and, for agree, the engines agree), 1 they disagree or an
 * error, 2 bad command line.
 */
@Command(name = "tiptrends-bench", mixinStandardHelpOptions = true,
    description = "DuckDB baseline for the batch benchmark.")
public final class DuckDbBench implements Runnable {
  public static void main(String[] args) {
    System.exit(new CommandLine(new DuckDbBench()).execute(args));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "a command is required: compute or agree");
  }

  @Command(name = "compute", mixinStandardHelpOptions = true,
      description = "victims_by_year and flow_shares from DIR/unodc/*.csv, written as Parquet to --out.")
  int compute(
      @Option(names = "--input", required = true, description = "the job's input folder (reads its unodc/*.csv)") Path input,
      @Option(names = "--out", required = true, description = "folder for victims_by_year.parquet and flow_shares.parquet") Path out,
      @Option(names = "--reference", defaultValue = "datasets/reference",
          description = "folder with m49_countries.csv and m49_regions.csv (default: ${DEFAULT-VALUE})") Path reference,
      @Option(names = "--threads", defaultValue = "0", description = "DuckDB threads (default: every core)") int threads,
      @Option(names = "--verbose", description = "time of each step on stderr") boolean verbose) throws Exception {
    long t0 = System.nanoTime();
    try (DuckDbGlotip duck = new DuckDbGlotip(reference, threads)) {
      duck.compute(input);
      duck.write(out);
      if (verbose) {
        duck.timings().forEach((step, s) -> System.err.printf(Locale.ROOT, "  %-24s %7.2f s%n", step, s));
      }
      System.out.printf(Locale.ROOT, "duckdb: victims_by_year=%d flow_shares=%d in %.2f s -> %s%n",
          duck.rows("victims_by_year"), duck.rows("flow_shares"), (System.nanoTime() - t0) / 1e9, out);
    }
    return 0;
  }

  @Command(name = "agree", mixinStandardHelpOptions = true,
      description = "Compares the job's published marts with DuckDB's results; exit 1 when they differ.")
  int agree(
      @Option(names = "--marts", required = true, description = "the job's marts root (follows CURRENT)") Path marts,
      @Option(names = "--duckdb", required = true, description = "the folder compute wrote") Path duckdb) throws Exception {
    MartAgreement.Report r = MartAgreement.compare(marts, duckdb);
    r.lines().forEach(System.out::println);
    if (!r.agree()) {
      r.differences().forEach(d -> System.err.println("DISAGREE: " + d));
      return 1;
    }
    System.out.println("agree: job and duckdb give the same victims_by_year and flow_shares");
    return 0;
  }
}
