package org.tiptrends.api.snapshot;

import org.tiptrends.core.counts.CountInterval;

/** One row of {@code victims_by_year}, without its geography (rows are indexed by it). */
public record VictimCell(int year, String sex, String age, String form, CountInterval victims,
    int reportingCountries) {}
