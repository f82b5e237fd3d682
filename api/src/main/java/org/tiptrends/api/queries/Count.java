package org.tiptrends.api.queries;

import org.tiptrends.api.snapshot.VictimCell;

/**
 * Detected victims (or persons of a justice measure) with bounds, how many countries reported them,
 * and how many of those gave only {@code <5} cells.
 */
public record Count(double value, double low, double high, int reportingCountries, int suppressedOnlyCountries) {
  static Count of(VictimCell c) {
    return c == null ? null : new Count(c.victims().point(), c.victims().low(), c.victims().high(),
        c.reportingCountries(), c.suppressedOnlyCountries());
  }
}
