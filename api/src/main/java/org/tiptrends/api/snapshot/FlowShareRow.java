package org.tiptrends.api.snapshot;

import java.util.Map;
import org.tiptrends.core.counts.CountInterval;
import org.tiptrends.core.counts.Shares;

/**
 * One row of {@code flow_shares}: for a destination and year, the known-origin victims and the
 * share of each known flow type with its bounds, as the job computed them.
 *
 * @param shares by flow type code (domestic, subregional, regional, transregional), in that order;
 *     a value is {@code null} when no share can be stated (no known-origin victims)
 */
public record FlowShareRow(int year, String destination, CountInterval knownOrigin,
    Map<String, Shares.Share> shares, double foreignUnspecifiedVictims, double unknownOriginVictims) {}
