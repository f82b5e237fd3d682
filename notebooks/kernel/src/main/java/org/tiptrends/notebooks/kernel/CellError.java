package org.tiptrends.notebooks.kernel;

import java.util.List;

/**
 * A cell that did not run to its end for a reason of its own (it does not compile, it is not
 * finished, it threw an {@link Error}, or it was stopped). The notebook names the error after the
 * class of what the kernel throws, so each kind is a class; an {@link Exception} that user code
 * throws is passed on as itself instead. Either way the stack trace is the user's: frames such as
 * {@code cell.statement(In [3]:2)}, never the kernel's own.
 */
public abstract class CellError extends Exception {
  private final List<String> details;

  CellError(String message, List<String> details, StackTraceElement[] frames) {
    super(message, null, false, true);
    this.details = List.copyOf(details);
    setStackTrace(frames);
  }

  /** What a reader needs beyond the message, one line each (the source line and a caret). */
  public List<String> details() {
    return details;
  }

  /** The cell does not compile: the first diagnostic is the message, all of them the details. */
  public static final class CompilationError extends CellError {
    CompilationError(String message, List<String> details, StackTraceElement[] frames) {
      super(message, details, frames);
    }
  }

  /** The cell is not finished: an open bracket, string or comment at its end. */
  public static final class IncompleteCell extends CellError {
    IncompleteCell(String message, List<String> details, StackTraceElement[] frames) {
      super(message, details, frames);
    }
  }

  /**
   * User code threw a {@link Throwable} that is no {@link Exception} (an {@link Error} such as
   * {@link AssertionError} or {@link StackOverflowError}); the message starts with its class.
   */
  public static final class UserError extends CellError {
    UserError(String message, StackTraceElement[] frames) {
      super(message, List.of(), frames);
    }
  }

  /** The cell was stopped (an interrupt from the notebook). */
  public static final class Interrupted extends CellError {
    Interrupted(String message, StackTraceElement[] frames) {
      super(message, List.of(), frames);
    }
  }
}
