package org.tiptrends.notebooks.display;

import java.util.Locale;

/** How notebooks write numbers: counts with thousands separators, shares and p-values readable. */
public final class Numbers {
  private Numbers() {}

  /** {@code 1,282}; {@code 0.4321}; {@code 12,345.7}; {@code 3.20e-05}; a missing value is {@code —}. */
  public static String format(double v) {
    if (Double.isNaN(v)) {
      return "—";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "-∞";
    }
    double a = Math.abs(v);
    if (v == Math.rint(v) && a < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    if (a < 1e-3) {
      return String.format(Locale.ROOT, "%.2e", v);
    }
    if (a < 1) {
      return String.format(Locale.ROOT, "%.4f", v);
    }
    if (a < 100) {
      return String.format(Locale.ROOT, "%.3f", v);
    }
    return String.format(Locale.ROOT, "%,.1f", v);
  }

  /** A value with its bounds: {@code 2 [0, 4]} (a suppressed cell); an exact value alone: {@code 1,282}. */
  public static String interval(double value, double low, double high) {
    return low == high && low == value ? format(value) : format(value) + " [" + format(low) + ", " + format(high) + "]";
  }
}
