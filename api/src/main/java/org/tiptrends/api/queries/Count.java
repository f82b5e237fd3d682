package org.tiptrends.api.queries;

import org.tiptrends.core.counts.CountInterval;

/** Detected victims with bounds, and how many countries reported them. */
public record Count(double value, double low, double high, int reportingCountries) {
  static Count of(CountInterval v, int reportingCountries) {
    return new Count(v.point(), v.low(), v.high(), reportingCountries);
  }
}
