package org.tiptrends.api.http;

import java.util.List;

/**
 * A request the API will not answer because of what the client sent: answered 400 with a problem
 * naming the parameter and, where they can be listed, its allowed values. Cheap to throw (no stack
 * trace): it is control flow, not a fault.
 */
public final class BadRequest extends RuntimeException {
  private final String parameter;
  private final List<String> allowed;

  public BadRequest(String parameter, String detail) {
    this(parameter, detail, null);
  }

  public BadRequest(String parameter, String detail, List<String> allowed) {
    super(detail, null, false, false);
    this.parameter = parameter;
    this.allowed = allowed == null ? null : List.copyOf(allowed);
  }

  public String parameter() {
    return parameter;
  }

  /** The allowed values, or {@code null} when they are not a short list. */
  public List<String> allowed() {
    return allowed;
  }
}
