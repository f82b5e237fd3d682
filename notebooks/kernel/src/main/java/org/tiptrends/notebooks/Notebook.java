package org.tiptrends.notebooks;

import java.util.Locale;
import java.util.function.Consumer;
import org.tiptrends.notebooks.display.Html;
import org.tiptrends.notebooks.display.Markdown;
import org.tiptrends.notebooks.display.Numbers;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * What notebook cells call besides the marts ({@code import static org.tiptrends.notebooks.Notebook.*}):
 * show several things from one cell, write a sentence with computed numbers, and check a fact so
 * that a regression turns into an error cell.
 */
public final class Notebook {
  private static volatile Consumer<Object> sink = value -> System.out.println(value);

  private Notebook() {}

  /** The kernel routes {@link #display} to the notebook; outside one it prints. */
  public static void displayWith(Consumer<Object> display) {
    sink = display;
  }

  /** Shows a value below the cell as the cell's own value would be shown (table, chart, text). */
  public static void display(Object value) {
    sink.accept(value);
  }

  /** Markdown with {@link String#format} arguments (Locale.ROOT), e.g. a finding with its numbers. */
  public static Markdown md(String format, Object... args) {
    return new Markdown(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
  }

  public static Html html(String html) {
    return new Html(html);
  }

  /** {@code 2 [0, 4]}, {@code 1,282}: a number with its bounds, as tables write them. */
  public static String interval(double value, double low, double high) {
    return Numbers.interval(value, low, high);
  }

  /** A number as tables write it: {@code 1,282}, {@code 0.4321}. */
  public static String num(double value) {
    return Numbers.format(value);
  }

  /**
   * Fails the cell unless {@code fact} holds.
   *
   * @param what the fact in words, with {@link String#format} arguments
   * @throws CheckFailed naming the fact
   */
  public static void check(boolean fact, String what, Object... args) {
    if (!fact) {
      throw new CheckFailed(args.length == 0 ? what : String.format(Locale.ROOT, what, args));
    }
  }

  /**
   * Fails the cell unless every row of {@code t} has {@code 0 <= low <= value <= high} (missing
   * values are skipped): the bounds contract of the marts.
   */
  public static void checkBounds(Table t, String value, String low, String high) {
    NumericColumn<?> v = (NumericColumn<?>) t.column(value);
    NumericColumn<?> lo = (NumericColumn<?>) t.column(low);
    NumericColumn<?> hi = (NumericColumn<?>) t.column(high);
    for (int r = 0; r < t.rowCount(); r++) {
      if (v.isMissing(r)) {
        continue;
      }
      double x = v.getDouble(r);
      check(0 <= lo.getDouble(r) && lo.getDouble(r) <= x && x <= hi.getDouble(r),
          "0 <= %s <= %s <= %s in row %d of '%s' (%s, %s, %s)", low, value, high, r, t.name(),
          lo.getDouble(r), x, hi.getDouble(r));
    }
  }

  /** A fact a notebook checks did not hold. */
  public static final class CheckFailed extends RuntimeException {
    public CheckFailed(String fact) {
      super("does not hold: " + fact);
    }
  }
}
