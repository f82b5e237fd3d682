package org.tiptrends.api.stats;

import java.util.Locale;

/** Correlation coefficients the API offers. */
public enum CorrelationMethod {
  PEARSON, SPEARMAN, KENDALL;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @return the method, or {@code null} when the text names none */
  public static CorrelationMethod parse(String text) {
    for (CorrelationMethod m : values()) {
      if (m.code().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return m;
      }
    }
    return null;
  }
}
