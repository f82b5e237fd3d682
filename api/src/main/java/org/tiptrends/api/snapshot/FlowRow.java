package org.tiptrends.api.snapshot;

import org.tiptrends.core.counts.CountInterval;

/** One row of {@code flows}: victims detected in {@code destination} by origin and flow type. */
public record FlowRow(int year, String destination, String originCode, String originLevel,
    String flowType, CountInterval victims, int sourceRows) {}
