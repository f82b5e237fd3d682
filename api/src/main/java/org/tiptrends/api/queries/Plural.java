package org.tiptrends.api.queries;

import java.util.Locale;

/** Counts in words, with the right number: "1 country", "2 countries". */
public final class Plural {
  private Plural() {}

  public static String of(long n, String one, String many) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
  }

  public static String countries(long n) {
    return of(n, "country", "countries");
  }
}
