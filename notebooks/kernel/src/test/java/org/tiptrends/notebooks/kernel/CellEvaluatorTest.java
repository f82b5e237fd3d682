package org.tiptrends.notebooks.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kernel's evaluation of cells, without Jupyter: splitting, values, and errors as notebooks show them. */
class CellEvaluatorTest {
  static CellEvaluator cells;

  @BeforeAll
  static void start() {
    cells = new CellEvaluator(ClassPath.ofThisJvm(), JavaKernel.IMPORTS);
  }

  @AfterAll
  static void stop() {
    cells.close();
  }

  @Test
  void aCellSplitsIntoItsSnippetsAtTheirPlaceInTheCell() {
    String cell = "// a comment\nint x = 1;\nvoid f() {\n  x++;\n}\n\nx + 1";
    CellEvaluator.Split split = CellEvaluator.split(cell, cells.analysis());
    assertNull(split.incomplete());
    List<String> sources = split.pieces().stream().map(p -> p.source().strip()).toList();
    assertEquals(List.of("// a comment\nint x = 1;", "void f() {\n  x++;\n}", "x + 1"), sources);
    for (CellEvaluator.Piece p : split.pieces()) {
      assertTrue(cell.startsWith(p.source().replaceAll(";$", ""), p.start()), "piece at its offset: " + p);
    }
    assertEquals(List.of(2, 3, 7), split.pieces().stream().map(p -> CellEvaluator.firstCodeLine(cell, p)).toList());
  }

  @Test
  void anUnfinishedTailIsReportedNotEvaluated() {
    CellEvaluator.Split split = CellEvaluator.split("int a = 1;\nfor (int i = 0; i < 3; i++) {\n", cells.analysis());
    assertEquals(1, split.pieces().size());
    assertTrue(split.incomplete().source().startsWith("\nfor"));
  }

  @Test
  void theValueOfAnExpressionIsTheObjectItself() throws Exception {
    cells.eval("var list = new ArrayList<String>(List.of(\"a\"));", "In [1]");
    CellEvaluator.Outcome o = cells.eval("list.add(\"b\");\nlist", "In [2]");
    assertTrue(o.hasValue());
    assertEquals(new ArrayList<>(List.of("a", "b")), o.value());
    assertEquals("[a, b]", o.text());
    CellEvaluator.Outcome sum = cells.eval("list.size() * 10", "In [3]");
    assertEquals(20, sum.value());
  }

  @Test
  void declarationsAndStatementsHaveNoValue() throws Exception {
    assertFalse(cells.eval("var y = 3;", "In [1]").hasValue());
    assertFalse(cells.eval("int twice(int v) { return 2 * v; }", "In [2]").hasValue());
    assertFalse(cells.eval("System.out.print(\"\");", "In [3]").hasValue());
    assertEquals(6, cells.eval("twice(y)", "In [4]").value());
    assertEquals(7, cells.eval("y = 7", "In [5]").value(), "an assignment shows the value assigned");
  }

  @Test
  void aCompileErrorNamesTheCellLineAndSymbol() {
    CellError.CompilationError e = assertThrows(CellError.CompilationError.class,
        () -> cells.eval("int ok = 1;\n\nint bad = undefinedThing + 1;", "In [7]"));
    assertTrue(e.getMessage().startsWith("cannot find symbol: variable undefinedThing (In [7] line 3)"), e.getMessage());
    assertTrue(e.details().contains("    int bad = undefinedThing + 1;"), e.details().toString());
    assertTrue(e.details().contains("              ^"), "the caret under the symbol: " + e.details());
    assertEquals("cell.compile(In [7]:3)", e.getStackTrace()[0].toString());
  }

  @Test
  void snippetsBeforeAnErrorRanAndThoseAfterDidNot() throws Exception {
    assertThrows(CellError.CompilationError.class,
        () -> cells.eval("var before = 1;\nString s = 1;\nvar after = 1;", "In [1]"));
    assertEquals(1, cells.eval("before", "In [2]").value());
    assertThrows(CellError.CompilationError.class, () -> cells.eval("after", "In [3]"));
  }

  @Test
  void anExceptionIsTheUsersOwnWithTheUsersFrames() throws Exception {
    cells.eval("void fail(String why) {\n  throw new IllegalStateException(why);\n}", "In [4]");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> cells.eval("int n = 2;\nfail(\"share out of [0, 1]\");", "In [5]"));
    assertEquals("share out of [0, 1]", e.getMessage());
    List<String> frames = Arrays.stream(e.getStackTrace()).map(StackTraceElement::toString).toList();
    assertEquals(List.of("cell.fail(In [4]:1)", "cell.statement(In [5]:2)"), frames);
  }

  @Test
  void libraryFramesStayAndTheKernelsGo() {
    NumberFormatException e = assertThrows(NumberFormatException.class,
        () -> cells.eval("Integer.parseInt(\"x\")", "In [6]"));
    List<String> frames = Arrays.stream(e.getStackTrace()).map(StackTraceElement::toString).toList();
    assertTrue(frames.get(0).contains("NumberFormatException.forInputString"), frames.toString());
    assertEquals("cell.statement(In [6]:1)", frames.get(frames.size() - 1));
    assertTrue(frames.stream().noneMatch(f -> f.contains("jdk.jshell") || f.contains("reflect")), frames.toString());
  }

  @Test
  void anErrorThatIsNoExceptionIsReportedWithItsClass() {
    CellError.UserError e = assertThrows(CellError.UserError.class,
        () -> cells.eval("throw new AssertionError(\"bounds out of order\");", "In [8]"));
    assertEquals("java.lang.AssertionError: bounds out of order", e.getMessage());
    assertEquals("cell.statement(In [8]:1)", e.getStackTrace()[0].toString());
  }

  @Test
  void anUnfinishedCellIsAnError() {
    CellError.IncompleteCell e = assertThrows(CellError.IncompleteCell.class,
        () -> cells.eval("int z = 1;\nif (z > 0) {\n  z++;", "In [9]"));
    assertTrue(e.getMessage().contains("In [9] line 2"), e.getMessage());
  }

  @Test
  void aMethodUsingWhatIsNotDeclaredIsRejected() {
    CellError.CompilationError e = assertThrows(CellError.CompilationError.class,
        () -> cells.eval("int later() { return notYetDeclared(); }", "In [10]"));
    assertTrue(e.getMessage().contains("notYetDeclared"), e.getMessage());
  }

  @Test
  void aRunningCellCanBeStopped() throws Exception {
    CompletableFuture<Throwable> running = CompletableFuture.supplyAsync(() -> {
      try {
        cells.eval("while (true) { Thread.onSpinWait(); }", "In [11]");
        return null;
      } catch (Throwable t) {
        return t;
      }
    });
    Thread.sleep(500);
    cells.stop();
    assertInstanceOf(CellError.Interrupted.class, running.get(20, TimeUnit.SECONDS));
    assertEquals(2, cells.eval("1 + 1", "In [12]").value(), "the kernel evaluates cells after a stop");
  }
}
