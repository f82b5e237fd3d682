package org.tiptrends.core.citizenship;

import java.io.Serializable;

/**
 * How one citizenship label was resolved.
 *
 * @param code the country code, or the M49 code of a region/sub-region; {@code null} otherwise
 * @param method which step resolved it: exact, normalised, alias, repaired, fuzzy, or unresolved
 */
public record Resolution(String label, OriginKind kind, String code, String method)
    implements Serializable {

  public static final String UNRESOLVED = "unresolved";

  public boolean resolved() {
    return !UNRESOLVED.equals(method);
  }
}
