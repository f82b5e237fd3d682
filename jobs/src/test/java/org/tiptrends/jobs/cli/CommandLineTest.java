package org.tiptrends.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {
  record Outcome(int exit, String out, String err) {}

  static Outcome execute(String... args) {
    CommandLine cl = TipTrendsCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Outcome(exit, out.toString(), err.toString());
  }

  @Test
  void runHelpDocumentsEveryOption() {
    Outcome o = execute("run", "--help");
    assertEquals(0, o.exit());
    for (String option : new String[] {"--input", "--marts", "--master", "--verbose", "--help"}) {
      assertTrue(o.out().contains(option), option + " in\n" + o.out());
    }
  }

  @Test
  void topLevelHelpListsCommandsAndExitCodes() {
    Outcome o = execute("--help");
    assertEquals(0, o.exit());
    assertTrue(o.out().contains("run") && o.out().contains("generate") && o.out().contains("Exit codes"), o.out());
  }

  @Test
  void aMissingInputIsOneLineOnStderrAndExitOne() {
    Outcome o = execute("run", "--input", "/no/such/dir", "--marts", "/tmp/unused-marts");
    assertEquals(1, o.exit());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.err().startsWith("tiptrends: error: input directory not found: /no/such/dir"), o.err());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, execute("run", "--input", "x").exit(), "--marts is required");
    assertEquals(2, execute("frobnicate").exit());
  }
}
