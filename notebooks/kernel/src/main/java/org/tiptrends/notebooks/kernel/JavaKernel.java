package org.tiptrends.notebooks.kernel;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;
import org.tiptrends.notebooks.Notebook;
import org.tiptrends.notebooks.display.Displays;

/**
 * The Jupyter kernel: cells go to a {@link CellEvaluator} (JShell in this JVM), values come back as
 * rich display bundles ({@link Displays}: Tablesaw tables as HTML, ECharts options as inline charts),
 * and errors show the user's code, not the kernel's.
 */
public final class JavaKernel extends BaseKernel {
  /** Imports every notebook has, as in the {@code jshell} tool; the project's own are imported by cells. */
  static final List<String> IMPORTS = List.of("java.util.*", "java.util.function.*", "java.util.stream.*",
      "java.nio.file.*", "java.io.*", "java.time.*");

  private final CellEvaluator cells;
  private final Displays displays = new Displays();
  private final LanguageInfo languageInfo = new LanguageInfo.Builder("Java")
      .version(Runtime.version().feature() + "").mimetype("text/x-java").fileExtension(".java")
      .pygments("java").codemirror("text/x-java").build();

  public JavaKernel() {
    this(new CellEvaluator(ClassPath.ofThisJvm(), IMPORTS));
  }

  JavaKernel(CellEvaluator cells) {
    this.cells = cells;
    Notebook.displayWith(value -> display(toDisplayData(displays.bundle(value, null))));
  }

  @Override
  public DisplayData eval(String code) throws Exception {
    String label = "In [" + (executionCount.get() - 1) + "]";
    CellEvaluator.Outcome outcome = cells.eval(code, label);
    return outcome.hasValue() ? toDisplayData(displays.bundle(outcome.value(), outcome.text())) : null;
  }

  static DisplayData toDisplayData(Map<String, String> bundle) {
    DisplayData data = new DisplayData();
    bundle.forEach(data::putData);
    return data;
  }

  @Override
  public LanguageInfo getLanguageInfo() {
    return languageInfo;
  }

  @Override
  public String getBanner() {
    return "Java " + Runtime.version() + " (JShell) with the tip-trends marts: var marts = Marts.open();";
  }

  /**
   * The error as the notebook shows it: {@code Name: message}, the details (source line and caret
   * for compile errors), then the user's frames; causes follow with their class and message.
   */
  @Override
  public List<String> formatError(Exception e) {
    return formatted(e);
  }

  static List<String> formatted(Exception e) {
    List<String> lines = new ArrayList<>();
    lines.add("\u001b[1;31m" + e.getClass().getSimpleName() + "\u001b[0m: " + (e.getMessage() == null ? "" : e.getMessage()));
    List<String> details = e instanceof CellError c ? c.details() : List.of();
    lines.addAll(details);
    if (details.isEmpty()) {
      for (StackTraceElement f : e.getStackTrace()) {
        lines.add("    at " + f);
      }
    }
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      lines.add("Caused by: " + cause);
      StackTraceElement[] frames = cause.getStackTrace();
      for (int i = 0; i < Math.min(5, frames.length); i++) {
        lines.add("    at " + frames[i]);
      }
    }
    return lines;
  }

  @Override
  public void interrupt() {
    cells.stop();
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    CellEvaluator.Piece piece = pieceAt(code, at);
    int[] anchor = new int[1];
    List<SourceCodeAnalysis.Suggestion> suggestions = cells.analysis()
        .completionSuggestions(piece.source(), at - piece.start(), anchor);
    List<String> options = suggestions.stream().map(SourceCodeAnalysis.Suggestion::continuation)
        .distinct().toList();
    return options.isEmpty() ? null : new ReplacementOptions(options, piece.start() + anchor[0], at);
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    CellEvaluator.Piece piece = pieceAt(code, at);
    List<SourceCodeAnalysis.Documentation> docs = cells.analysis()
        .documentation(piece.source(), at - piece.start(), extraDetail);
    if (docs.isEmpty()) {
      return null;
    }
    return new DisplayData(docs.stream()
        .map(d -> d.signature() + (d.javadoc() == null || d.javadoc().isBlank() ? "" : "\n" + d.javadoc()))
        .collect(Collectors.joining("\n\n")));
  }

  @Override
  public String isComplete(String code) {
    CellEvaluator.Split split = CellEvaluator.split(code, cells.analysis());
    return split.incomplete() == null ? IS_COMPLETE_YES : "    ";
  }

  /** The snippet of a cell that holds the cursor (completion and inspection read only that one). */
  private CellEvaluator.Piece pieceAt(String code, int at) {
    CellEvaluator.Split split = CellEvaluator.split(code.substring(0, Math.min(at, code.length())), cells.analysis());
    if (split.incomplete() != null) {
      return split.incomplete();
    }
    List<CellEvaluator.Piece> pieces = split.pieces();
    return pieces.isEmpty() ? new CellEvaluator.Piece(code, 0) : pieces.get(pieces.size() - 1);
  }

  @Override
  public void onShutdown(boolean isRestarting) {
    cells.close();
  }
}
