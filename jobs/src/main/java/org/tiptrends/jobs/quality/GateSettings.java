package org.tiptrends.jobs.quality;

/**
 * Thresholds of the data-quality gates. A gate that fails stops the run before publishing.
 *
 * @param minResolvedShare by-citizenship victims (point) that must resolve to domestic or a known
 *     origin; below it the run fails (below {@link #RESOLVED_TARGET} it only warns)
 * @param maxQuarantineShare rows that may be quarantined before the input is not trusted
 * @param maxRowDrop how far a mart's row count may fall against the live version (0.5 = half)
 * @param allowRowDrop accept any drop (a deliberate change of inputs)
 * @param maxInconsistentShare country-year cells whose breakdowns may exceed their total's bounds
 */
public record GateSettings(double minResolvedShare, double maxQuarantineShare, double maxRowDrop,
    boolean allowRowDrop, double maxInconsistentShare) {
  /** The share the product aims for on the real export (measured: 96.4%). */
  public static final double RESOLVED_TARGET = 0.96;

  public static GateSettings defaults() {
    return new GateSettings(0.90, 0.05, 0.5, false, 0.10);
  }
}
