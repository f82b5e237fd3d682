package org.tiptrends.notebooks.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the kernel writes an error into the notebook. */
class JavaKernelTest {
  @Test
  void aCompileErrorShowsItsDetailsNotFrames() {
    CellError e = new CellError.CompilationError("cannot find symbol: variable q (In [2] line 1)",
        List.of("In [2] line 1: cannot find symbol", "    q + 1", "    ^"),
        new StackTraceElement[] {CellEvaluator.frame("compile", "In [2]", 1)});
    List<String> lines = JavaKernel.formatted(e);
    assertEquals("\u001b[1;31mCompilationError\u001b[0m: cannot find symbol: variable q (In [2] line 1)", lines.get(0));
    assertEquals(List.of("In [2] line 1: cannot find symbol", "    q + 1", "    ^"), lines.subList(1, lines.size()));
  }

  @Test
  void completionAndCompletenessReadTheSnippetAtTheCursor() {
    try (CellEvaluator cells = new CellEvaluator(ClassPath.ofThisJvm(), JavaKernel.IMPORTS)) {
      JavaKernel kernel = new JavaKernel(cells);
      String code = "int a = 1;\nMath.ab";
      var options = kernel.complete(code, code.length());
      assertTrue(options.getReplacements().contains("abs("), options.getReplacements().toString());
      assertEquals(code.length() - 2, options.getSourceStart(), "replaces the word being typed");
      assertEquals(code.length(), options.getSourceEnd());
      assertEquals("complete", kernel.isComplete("int b = 2;"));
      assertEquals("    ", kernel.isComplete("for (int i = 0; i < 3; i++) {"), "an open block asks for more");
    }
  }

  @Test
  void anExceptionShowsItsFramesAndCauses() {
    IllegalStateException e = new IllegalStateException("outer", new IllegalArgumentException("inner"));
    e.setStackTrace(new StackTraceElement[] {CellEvaluator.frame("statement", "In [3]", 4)});
    List<String> lines = JavaKernel.formatted(e);
    assertTrue(lines.get(0).endsWith("IllegalStateException\u001b[0m: outer"), lines.get(0));
    assertEquals("    at cell.statement(In [3]:4)", lines.get(1));
    assertEquals("Caused by: java.lang.IllegalArgumentException: inner", lines.get(2));
  }
}
