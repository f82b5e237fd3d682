package org.tiptrends.api.snapshot;

import org.tiptrends.core.counts.CountInterval;

/**
 * One row of {@code victims_by_year}, without its geography (rows are indexed by it): the count and
 * its coverage, the countries that gave any value to it and those of them that gave only {@code <5}.
 * A row of one {@code justice_by_year} measure is read into the same shape ({@code victims} then
 * holds its persons, or offences): see {@link CountTable}.
 */
public record VictimCell(int year, String sex, String age, String form, CountInterval victims,
    int reportingCountries, int suppressedOnlyCountries) {}
