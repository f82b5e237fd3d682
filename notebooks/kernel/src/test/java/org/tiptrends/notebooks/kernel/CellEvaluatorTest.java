package org.tiptrends.notebooks.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
  void theValueOfAnExpressionIsTheObjectItself() throws Exception {
    cells.eval("var list = new ArrayList<String>(List.of(\"a\"));", "In [1]");
    CellEvaluator.Outcome o = cells.eval("list", "In [2]");
    assertTrue(o.hasValue());
    assertTrue(o.value() instanceof ArrayList<?>, String.valueOf(o.value()));
  }
}
