package org.tiptrends.api.snapshot;

/** A version whose marts cannot be served (missing mart or column, malformed value). */
public final class MartLoadException extends RuntimeException {
  public MartLoadException(String message) {
    super(message);
  }

  public MartLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
