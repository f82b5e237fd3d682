package org.tiptrends.notebooks.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Evaluates notebook cells with JShell in this JVM. A cell is split into snippets (statements,
 * declarations, expressions) the way JShell reads them, evaluated in order, and stops at the first
 * that does not compile or throws. The value of the cell is that of its last snippet when it is an
 * expression ({@code marts.trend(...)}, {@code x}); declarations and statements have none.
 *
 * <p>Errors carry the user's position: compile errors give the cell and line of each diagnostic,
 * exceptions the frames of user code, with a snippet's frame named by its cell and first line
 * ({@code cell.statement(In [3]:2)}, {@code cell.myMethod(In [2]:5)}).
 */
public final class CellEvaluator implements AutoCloseable {
  /** What a cell gave: the value of its last snippet (with JShell's text for it), or none. */
  public record Outcome(boolean hasValue, Object value, String text) {
    static final Outcome NONE = new Outcome(false, null, null);
  }

  /** A snippet's source and where it starts in the cell. */
  record Piece(String source, int start) {}

  /** A cell split into snippets; {@code incomplete} is an unfinished tail, or {@code null}. */
  record Split(List<Piece> pieces, Piece incomplete) {}

  /** Where a snippet came from: its cell's label and the line it starts on. */
  private record Origin(String cell, int line) {}

  private final CapturingExecutionControl.Provider engine = new CapturingExecutionControl.Provider();
  private final JShell shell;
  private final Map<String, Origin> origins = new HashMap<>();
  private volatile boolean stopping;

  /**
   * @param classPath jars and directories user code compiles against (the classes themselves are
   *     loaded from this JVM's class path when it has them, so user code and the kernel share them)
   * @param imports imports evaluated before the first cell, e.g. {@code java.util.*}
   */
  public CellEvaluator(List<String> classPath, List<String> imports) {
    shell = JShell.builder().executionEngine(engine, Map.of()).build();
    classPath.forEach(shell::addToClasspath);
    for (String i : imports) {
      List<SnippetEvent> events = shell.eval("import " + i + ";");
      if (events.isEmpty() || events.get(0).status() != Snippet.Status.VALID) {
        throw new IllegalArgumentException("import " + i + " does not compile");
      }
    }
  }

  /**
   * Evaluates a cell.
   *
   * @param label how errors name the cell, e.g. {@code In [3]}
   * @throws CellError the cell does not compile, is unfinished, threw an {@link Error} or was stopped
   * @throws Exception what user code threw, with the user's frames as its stack trace
   */
  public Outcome eval(String cell, String label) throws Exception {
    stopping = false;
    Split split = split(cell, shell.sourceCodeAnalysis());
    if (split.incomplete() != null) {
      int line = firstCodeLine(cell, split.incomplete());
      throw new CellError.IncompleteCell("the cell ends inside an unfinished statement (" + label + " line "
          + line + "): a bracket, string or comment is not closed", List.of(label + " line " + line + ": "
          + sourceLine(cell, line)), new StackTraceElement[] {frame("statement", label, line)});
    }
    Outcome outcome = Outcome.NONE;
    for (int i = 0; i < split.pieces().size(); i++) {
      Piece piece = split.pieces().get(i);
      List<SnippetEvent> events = shell.eval(piece.source());
      SnippetEvent main = null;
      for (SnippetEvent e : events) {
        if (e.causeSnippet() == null) {
          main = e;
          origins.put(e.snippet().id(), new Origin(label, firstCodeLine(cell, piece)));
        }
      }
      if (stopping) {
        throw new CellError.Interrupted("the cell was interrupted", new StackTraceElement[] {
            frame("statement", label, firstCodeLine(cell, piece))});
      }
      if (main == null) {
        continue; // nothing but whitespace or comments
      }
      checkCompiled(main, cell, piece, label);
      if (main.exception() != null) {
        throw userFailure(main.exception());
      }
      outcome = i == split.pieces().size() - 1 ? valueOf(main.snippet()) : Outcome.NONE;
    }
    return outcome;
  }

  /** Stops the cell running now (JShell stops its thread); its {@code eval} throws {@code Interrupted}. */
  public void stop() {
    stopping = true;
    shell.stop();
  }

  public SourceCodeAnalysis analysis() {
    return shell.sourceCodeAnalysis();
  }

  @Override
  public void close() {
    shell.close();
  }

  /**
   * Splits a cell into JShell snippets. Each snippet's source is a piece of the cell as written
   * (leading blank lines and comments included), so positions in it are positions in the cell.
   */
  static Split split(String cell, SourceCodeAnalysis analysis) {
    List<Piece> pieces = new ArrayList<>();
    String rest = cell;
    while (!rest.isBlank()) {
      int start = cell.length() - rest.length();
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      Completeness c = info.completeness();
      if (c == Completeness.EMPTY) {
        break;
      }
      if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) {
        return new Split(List.copyOf(pieces), new Piece(rest, start));
      }
      String remaining = info.remaining();
      if (remaining.length() >= rest.length()) { // no progress: hand the rest to JShell as it is
        pieces.add(new Piece(rest, start));
        break;
      }
      pieces.add(new Piece(info.source(), start));
      rest = remaining;
    }
    return new Split(List.copyOf(pieces), null);
  }

  private void checkCompiled(SnippetEvent event, String cell, Piece piece, String label)
      throws CellError.CompilationError {
    Snippet snippet = event.snippet();
    Snippet.Status status = event.status();
    if (status == Snippet.Status.VALID || status == Snippet.Status.OVERWRITTEN) {
      return;
    }
    List<String> details = new ArrayList<>();
    List<StackTraceElement> frames = new ArrayList<>();
    String first = null;
    for (Diag d : shell.diagnostics(snippet).filter(Diag::isError).toList()) {
      long at = d.getStartPosition() >= 0 ? d.getStartPosition() : d.getPosition();
      int offset = piece.start() + (at >= 0 ? (int) at : 0);
      int line = lineOf(cell, offset);
      String[] message = d.getMessage(Locale.ROOT).split("\n");
      if (first == null) { // "cannot find symbol: method f(int)", not just "cannot find symbol"
        first = message[0] + (message.length > 1 && message[1].strip().startsWith("symbol:")
            ? ": " + message[1].strip().substring("symbol:".length()).strip() : "") + " (" + label + " line " + line + ")";
      }
      details.add(label + " line " + line + ": " + message[0]);
      for (int k = 1; k < message.length; k++) {
        details.add("    " + message[k].strip());
      }
      details.add("    " + sourceLine(cell, line));
      details.add("    " + " ".repeat(Math.max(0, offset - lineStart(cell, offset))) + "^");
      frames.add(frame("compile", label, line));
    }
    if (status == Snippet.Status.RECOVERABLE_DEFINED || status == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
      String missing = shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) snippet)
          .collect(Collectors.joining(", "));
      int line = firstCodeLine(cell, piece);
      first = first != null ? first : "cannot find symbol: " + missing + " (" + label + " line " + line + ")";
      details.add(label + " line " + line + ": declared, but it uses what is not declared yet: " + missing);
      frames.add(frame("compile", label, line));
    }
    if (first == null) {
      int line = firstCodeLine(cell, piece);
      first = "the snippet was not accepted (" + status + ", " + label + " line " + line + ")";
      frames.add(frame("compile", label, line));
    }
    throw new CellError.CompilationError(first, details, frames.toArray(StackTraceElement[]::new));
  }

  /** What user code threw, as the notebook should show it. */
  private Exception userFailure(JShellException e) {
    StackTraceElement[] frames = userFrames(e.getStackTrace());
    if (e instanceof UnresolvedReferenceException u) {
      String missing = shell.unresolvedDependencies(u.getSnippet()).collect(Collectors.joining(", "));
      return new CellError.CompilationError(u.getSnippet().name() + " cannot run: it uses what is not "
          + "declared: " + missing, List.of(), frames);
    }
    Throwable thrown = engine.control().takeThrown();
    String className = e instanceof EvalException ev ? ev.getExceptionClassName() : e.getClass().getName();
    if (thrown instanceof Exception ex && ex.getClass().getName().equals(className)) {
      ex.setStackTrace(frames);
      return ex;
    }
    String message = thrown != null ? thrown.getMessage() : e.getMessage();
    return new CellError.UserError(className + (message == null ? "" : ": " + message), frames);
  }

  /** JShell's frames (user code and the libraries it called) with each snippet named by its cell. */
  private StackTraceElement[] userFrames(StackTraceElement[] jshellFrames) {
    List<StackTraceElement> out = new ArrayList<>();
    for (StackTraceElement f : jshellFrames) {
      String file = f.getFileName();
      if (file != null && file.startsWith("#")) {
        Origin o = origins.get(file.substring(1));
        String method = f.getMethodName().isEmpty() ? "statement" : f.getMethodName();
        out.add(o == null ? frame(method, "snippet " + file, -1) : frame(method, o.cell(), o.line()));
      } else {
        out.add(f);
      }
    }
    return out.toArray(StackTraceElement[]::new);
  }

  private Outcome valueOf(Snippet s) {
    VarSnippet variable = null;
    if (s instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
      variable = v;
    } else if (s instanceof ExpressionSnippet e) {
      variable = shell.variables().filter(v -> v.name().equals(e.name()))
          .filter(v -> shell.status(v) == Snippet.Status.VALID).reduce((a, b) -> b).orElse(null);
    }
    if (variable == null) {
      return Outcome.NONE;
    }
    String text = shell.varValue(variable);
    return new Outcome(true, engine.control().takeValue(), text);
  }

  /** A frame of user code: {@code cell.method(In [3]:2)}. */
  static StackTraceElement frame(String method, String cell, int line) {
    return new StackTraceElement("cell", method, cell, line);
  }

  /** The line (from 1) of the first code in a piece: its leading blank lines and comments skipped. */
  static int firstCodeLine(String cell, Piece piece) {
    String s = piece.source();
    int i = 0;
    while (i < s.length()) {
      if (Character.isWhitespace(s.charAt(i))) {
        i++;
      } else if (s.startsWith("//", i)) {
        int eol = s.indexOf('\n', i);
        i = eol < 0 ? s.length() : eol + 1;
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? s.length() : end + 2;
      } else {
        break;
      }
    }
    return lineOf(cell, piece.start() + Math.min(i, Math.max(0, s.length() - 1)));
  }

  static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < Math.min(offset, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int lineStart(String text, int offset) {
    return text.lastIndexOf('\n', Math.max(0, Math.min(offset, text.length()) - 1)) + 1;
  }

  static String sourceLine(String text, int line) {
    String[] lines = text.split("\n", -1);
    return line >= 1 && line <= lines.length ? lines[line - 1].stripTrailing() : "";
  }
}
