package org.tiptrends.core.counts;

import java.io.Serializable;

/**
 * Shares of a whole made of interval counts. The part and the rest of the whole vary
 * independently within their bounds, so the share's bounds are reached at the extremes:
 * {@code low = partLow / (partLow + restHigh)} and {@code high = partHigh / (partHigh + restLow)}.
 * The point share uses point counts. One implementation for every share the product shows.
 */
public final class Shares {
  private Shares() {}

  /** A share with its bounds; all three are {@code null}-free and in [0, 1]. */
  public record Share(double point, double low, double high) implements Serializable {}

  /**
   * @param part the counts of the category
   * @param rest the counts of every other category of the same whole
   * @return the share of {@code part} in {@code part + rest}, or {@code null} when the whole is
   *     empty (no share can be stated)
   */
  public static Share of(CountInterval part, CountInterval rest) {
    double wholePoint = part.point() + rest.point();
    if (wholePoint <= 0) {
      return null;
    }
    double point = part.point() / wholePoint;
    double low = ratio(part.low(), part.low() + rest.high());
    double high = ratio(part.high(), part.high() + rest.low());
    return new Share(point, Math.min(low, point), Math.max(high, point));
  }

  private static double ratio(double num, double den) {
    return den <= 0 ? 0 : num / den;
  }
}
