package org.tiptrends.core.counts;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A detected-victims count as the data allow us to know it: an interval [low, high] with a point
 * value. Exact counts have low == high == point. A suppressed cell ({@code <5}) is the interval
 * [0, 4] with point 2, so it is never presented as an exact number.
 *
 * <p>Why zero is included: the GLOTIP export holds no value 0, 1, 2, 3 or 4 at all (of its 46,556
 * rows, 23,076 are {@code <5} and the smallest explicit value is 5), so a count of zero is written
 * {@code <5} as well (ARE 2009: total 33, female 33, male {@code <5}). The point, 2, is the middle
 * of the possible values 0–4.
 *
 * <p>This is the single place where the published {@code txtVALUE} text becomes numbers.
 */
public record CountInterval(double low, double high, double point, boolean suppressed)
    implements Serializable {

  public static final CountInterval ZERO = new CountInterval(0, 0, 0, false);
  /** Bounds and point of a suppressed ({@code <5}) cell: none to four victims. */
  public static final CountInterval SUPPRESSED_UNDER_5 = new CountInterval(0, 4, 2, true);

  private static final Pattern GROUPED_INTEGER = Pattern.compile("\\d{1,3}(,\\d{3})+");
  private static final Pattern PLAIN_NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
  private static final Pattern SUPPRESSED = Pattern.compile("<\\s*5");

  public CountInterval {
    if (!(low <= point && point <= high)) {
      throw new IllegalArgumentException("need low <= point <= high, got " + low + ", " + point + ", " + high);
    }
  }

  public static CountInterval exact(double value) {
    return new CountInterval(value, value, value, false);
  }

  public CountInterval plus(CountInterval other) {
    return new CountInterval(low + other.low, high + other.high, point + other.point,
        suppressed || other.suppressed);
  }

  public boolean isExact() {
    return low == high;
  }

  /**
   * Whether the true count may be zero although a value was published: every cell summed here was
   * {@code <5}. Its point (2 per cell) is then a midpoint, not evidence of a victim.
   */
  public boolean mayBeZero() {
    return low == 0 && high > 0;
  }

  /**
   * Parses a GLOTIP {@code txtVALUE}: {@code <5}, plain integers ({@code 103}), integers with
   * thousands separators ({@code 1,282}) and numbers that a spreadsheet stored as decimals
   * ({@code 103.0}). Anything else, negative counts included, is a {@link ParseResult#error()}.
   */
  public static ParseResult parse(String text) {
    if (text == null || text.isBlank()) {
      return ParseResult.failure("empty value");
    }
    String s = text.strip();
    if (SUPPRESSED.matcher(s).matches()) {
      return ParseResult.success(SUPPRESSED_UNDER_5);
    }
    if (GROUPED_INTEGER.matcher(s).matches()) {
      return ParseResult.success(exact(Double.parseDouble(s.replace(",", ""))));
    }
    if (PLAIN_NUMBER.matcher(s).matches()) {
      double v = Double.parseDouble(s);
      if (v != Math.rint(v)) {
        return ParseResult.failure("not a whole count: '" + s + "'");
      }
      return ParseResult.success(exact(v));
    }
    if (s.startsWith("-")) {
      return ParseResult.failure("negative count: '" + s + "'");
    }
    return ParseResult.failure("unparseable count: '" + abbreviate(s) + "'");
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  @Override
  public String toString() {
    return isExact()
        ? String.format(Locale.ROOT, "%.0f", point)
        : String.format(Locale.ROOT, "%.1f [%.0f, %.0f]", point, low, high);
  }

  /** Either a value or the reason the text is not a count. */
  public record ParseResult(CountInterval value, String error) implements Serializable {
    static ParseResult success(CountInterval v) {
      return new ParseResult(v, null);
    }

    static ParseResult failure(String reason) {
      return new ParseResult(null, reason);
    }

    public boolean ok() {
      return value != null;
    }
  }
}
