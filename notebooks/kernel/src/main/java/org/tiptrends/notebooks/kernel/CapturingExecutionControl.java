package org.tiptrends.notebooks.kernel;

import java.lang.reflect.Field;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's in-process execution (user code runs in this JVM, on a thread JShell can stop) that also
 * keeps the objects the kernel needs but JShell only passes on as text: the value of the variable
 * last read with {@link jdk.jshell.JShell#varValue} (for rich display), and the exception user code
 * threw (so the error names the real exception with its own frames).
 */
final class CapturingExecutionControl extends LocalExecutionControl {
  private volatile Object lastValue;
  private volatile Throwable lastThrown;

  @Override
  public String varValue(String className, String varName)
      throws RunException, EngineTerminationException, InternalException {
    lastValue = null;
    try {
      Field field = findClass(className).getField(varName);
      field.setAccessible(true); // JShell's wrapper classes are not public
      lastValue = field.get(null);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // the text value below still answers; no rich display for this one
    }
    return super.varValue(className, varName);
  }

  @Override
  protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
    lastThrown = cause;
    return super.throwConvertedInvocationException(cause);
  }

  /** The object of the last {@code varValue} call, then forgets it. */
  Object takeValue() {
    Object v = lastValue;
    lastValue = null;
    return v;
  }

  /** What user code last threw, then forgets it. */
  Throwable takeThrown() {
    Throwable t = lastThrown;
    lastThrown = null;
    return t;
  }

  /** Hands JShell one instance and keeps it for the kernel. */
  static final class Provider implements ExecutionControlProvider {
    private volatile CapturingExecutionControl control;

    @Override
    public String name() {
      return "tiptrends-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
      control = new CapturingExecutionControl();
      return control;
    }

    CapturingExecutionControl control() {
      return control;
    }
  }
}
