package org.tiptrends.core.counts;

import java.io.Serializable;

/**
 * Shares of a whole made of interval counts. The part and the rest of the whole vary
 * independently within their bounds, so the share's bounds are reached at the extremes:
 * {@code low = partLow / (partLow + restHigh)} and {@code high = partHigh / (partHigh + restLow)}.
 * The point share uses point counts. One implementation for every share the product shows.
 *
 * <p>A share exists only where the whole is not empty. Since a suppressed cell may be zero, an
 * extreme can be an empty whole ({@code partLow + restHigh = 0}: the rest is surely zero); the
 * bound is then the share every non-empty whole has (1, or 0 for the other end). A whole made only
 * of suppressed cells ({@link CountInterval#mayBeZero()}) may hold no victim at all: its shares are
 * what they would be if it held any, typically [0, 1], and answers say so.
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
    // an empty extreme: the rest is surely 0, so any non-empty whole is all part (and vice versa)
    double low = part.low() + rest.high() > 0 ? part.low() / (part.low() + rest.high()) : 1;
    double high = part.high() + rest.low() > 0 ? part.high() / (part.high() + rest.low()) : 0;
    return new Share(point, Math.min(low, point), Math.max(high, point));
  }
}
