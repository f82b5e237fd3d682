package org.tiptrends.api.queries;

import org.tiptrends.core.counts.CountInterval;
import org.tiptrends.core.counts.Shares;

/** A number with its bounds: a count, or a share in [0, 1]. */
public record Bounded(double value, double low, double high) {
  static Bounded of(CountInterval v) {
    return new Bounded(v.point(), v.low(), v.high());
  }

  /** {@code null} when no share can be stated. */
  static Bounded of(Shares.Share s) {
    return s == null ? null : new Bounded(s.point(), s.low(), s.high());
  }
}
