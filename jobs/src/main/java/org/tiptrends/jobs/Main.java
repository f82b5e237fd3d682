package org.tiptrends.jobs;

import org.tiptrends.jobs.cli.TipTrendsCommand;
import picocli.CommandLine;

/** {@code java -jar tiptrends-jobs.jar <command>}: see {@code --help}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Spark's netty needs this before its classes load; the jar manifest already opens the modules.
    System.setProperty("io.netty.tryReflectionSetAccessible", "true");
    System.exit(TipTrendsCommand.commandLine().execute(args));
  }
}
