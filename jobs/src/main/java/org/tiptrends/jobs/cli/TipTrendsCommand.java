package org.tiptrends.jobs.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "tiptrends-jobs", mixinStandardHelpOptions = true, version = "tip-trends jobs 0.1.0",
    description = "Batch jobs of tip-trends: build versioned Parquet marts from official exports.",
    subcommands = {RunCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:the run failed: bad input, failed data-quality check or error "
        + "(one line on stderr; CURRENT unchanged)", "2:invalid command line",
        "3:another run is publishing to the same marts root (nothing done)"})
public final class TipTrendsCommand implements Runnable {
  public static final int EXIT_FAILED = 1;
  public static final int EXIT_LOCKED = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (run, generate)");
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new TipTrendsCommand());
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      boolean verbose = cmd.getCommand() instanceof Verbosity v && v.verbose();
      PrintWriter err = cmd.getErr();
      err.println("tiptrends: error: " + oneLine(e) + (verbose ? "" : " (--verbose for details)"));
      if (verbose) {
        e.printStackTrace(err);
      }
      err.flush();
      return exitCode(e);
    });
    return cl;
  }

  /** The exit code of a command that ended with {@code e}: 3 for another run holding the lock, else 1. */
  public static int exitCode(Throwable e) {
    return e instanceof org.tiptrends.jobs.publish.MartStore.ConcurrentRunException ? EXIT_LOCKED : EXIT_FAILED;
  }

  /** The root cause's message on one line: what a data team reads at 3 a.m. */
  public static String oneLine(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && (t.getMessage() == null || t instanceof java.lang.reflect.InvocationTargetException)) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    if (!(t instanceof org.tiptrends.jobs.sources.InputException)
        && !(t instanceof org.tiptrends.jobs.NightlyRun.ChecksFailedException)
        && !(t instanceof IllegalArgumentException)
        && !(t instanceof org.tiptrends.jobs.publish.MartStore.ConcurrentRunException)
        && !(t instanceof org.tiptrends.jobs.io.Location.LocationException)) {
      m = t.getClass().getSimpleName() + ": " + m;
    }
    return m.replaceAll("\\s+", " ").strip();
  }

  /** Commands that can print details on failure. */
  public interface Verbosity {
    boolean verbose();
  }
}
