package org.tiptrends.api.queries;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tiptrends.api.snapshot.FlowRow;
import org.tiptrends.api.snapshot.FlowShareRow;
import org.tiptrends.api.snapshot.Geography;
import org.tiptrends.api.snapshot.MartSnapshot;

/**
 * Origin → destination flows of detected victims ({@code flows}), in either direction, with the
 * flow-type shares of each destination-year ({@code flow_shares}, as the job computed them).
 */
public final class FlowQuery {
  private FlowQuery() {}

  /** The origin of a flow: a country, sub-region or region code, or {@code UNK}. */
  public record OriginRef(String code, String name, String level) {}

  /** What was asked; {@code null} members were not given. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Filter(Geography destination, Places.Origin origin, Integer year) {}

  public record Flow(int year, Geography destination, OriginRef origin, String flowType, double value,
      double low, double high, int sourceRows) {}

  /**
   * Flow-type shares of one destination-year: the share of each known flow type (domestic,
   * subregional, regional, transregional) among known-origin victims, with bounds; a share is
   * {@code null} when no victim's origin is known. Victims of unspecified foreign and of unknown
   * origin stand beside the denominator.
   */
  public record DestinationShares(int year, Geography destination, Bounded knownOriginVictims,
      Map<String, Bounded> shares, double foreignUnspecifiedVictims, double unknownOriginVictims) {}

  public record Answer(Filter filter, List<Flow> flows, List<DestinationShares> destinationShares,
      SourceNote source) {}

  /**
   * @param destination a destination country, or {@code null}
   * @param origin an origin, or {@code null} (at least one of the two is given)
   * @param year a year, or {@code null} for every year
   */
  public static Answer flows(MartSnapshot s, Geography destination, Places.Origin origin, Integer year) {
    if (destination == null && origin == null) {
      throw new IllegalArgumentException("a destination or an origin is required");
    }
    List<FlowRow> rows = new ArrayList<>();
    if (destination != null) {
      for (FlowRow r : s.flowsTo(destination.code())) {
        if ((year == null || r.year() == year) && (origin == null || origin.originCodes().contains(r.originCode()))) {
          rows.add(r);
        }
      }
    } else {
      for (String code : origin.originCodes()) {
        for (FlowRow r : s.flowsFrom(code)) {
          if (year == null || r.year() == year) {
            rows.add(r);
          }
        }
      }
      rows.sort(Comparator.comparingInt(FlowRow::year).thenComparing(FlowRow::destination)
          .thenComparing((FlowRow r) -> r.victims().point(), Comparator.reverseOrder())
          .thenComparing(FlowRow::originCode));
    }
    Map<String, Geography> names = new HashMap<>();
    List<Flow> flows = new ArrayList<>(rows.size());
    Set<Map.Entry<String, Integer>> destinationYears = new LinkedHashSet<>();
    for (FlowRow r : rows) {
      Geography dest = names.computeIfAbsent(r.destination(), c -> Places.named(s, c));
      flows.add(new Flow(r.year(), dest, Places.originOf(r.originCode(), r.originLevel()), r.flowType(),
          r.victims().point(), r.victims().low(), r.victims().high(), r.sourceRows()));
      destinationYears.add(Map.entry(r.destination(), r.year()));
    }
    if (destination != null && year != null) {
      destinationYears.add(Map.entry(destination.code(), year)); // the shares even when the filter left no row
    }
    List<DestinationShares> shares = new ArrayList<>();
    for (Map.Entry<String, Integer> dy : destinationYears) {
      Optional<FlowShareRow> row = s.flowShares(dy.getKey(), dy.getValue());
      if (row.isPresent()) {
        shares.add(shares(row.get(), names.computeIfAbsent(dy.getKey(), c -> Places.named(s, c))));
      }
    }
    return new Answer(new Filter(destination, origin, year), List.copyOf(flows), List.copyOf(shares),
        SourceNote.glotip(s));
  }

  static DestinationShares shares(FlowShareRow r, Geography destination) {
    Map<String, Bounded> shares = new LinkedHashMap<>();
    r.shares().forEach((type, share) -> shares.put(type, Bounded.of(share)));
    return new DestinationShares(r.year(), destination, Bounded.of(r.knownOrigin()),
        java.util.Collections.unmodifiableMap(shares), r.foreignUnspecifiedVictims(), r.unknownOriginVictims());
  }
}
