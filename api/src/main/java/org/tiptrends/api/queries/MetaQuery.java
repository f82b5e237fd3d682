package org.tiptrends.api.queries;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import org.tiptrends.api.snapshot.Geography;
import org.tiptrends.api.snapshot.Indicators;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.Panel;
import org.tiptrends.api.snapshot.RunSummary;
import org.tiptrends.core.flows.FlowType;

/** What the live version holds and where it came from. */
public final class MetaQuery {
  private MetaQuery() {}

  /** Years with rows: first, last and the list (gaps are possible). */
  public record Years(Integer from, Integer to, List<Integer> list) {
    static Years of(NavigableSet<Integer> years) {
      return years.isEmpty() ? new Years(null, null, List.of())
          : new Years(years.first(), years.last(), List.copyOf(years));
    }
  }

  /** The {@code by} values of trends and the values of each breakdown. */
  public record Breakdowns(List<String> by, Map<String, List<String>> values, List<String> flowTypes) {}

  /** The run report in brief: what was set aside and which checks passed. */
  public record Report(String runId, String startedAt, String finishedAt, String sparkVersion,
      Map<String, Long> stagedRows, long quarantineRows, List<RunSummary.Reason> quarantineByReason,
      List<RunSummary.ExcludedCode> excludedCodes, Double resolvedShare, Long mergedDuplicateKeys,
      Map<String, Long> outputs, List<String> warnings, List<RunSummary.Check> checks) {}

  /**
   * @param generated some input is {@code tip-trends generate}'s sample data, not official statistics
   *     (each source says which)
   * @param justiceYears the years of {@code justice_by_year} (the dashboard's funnel offers only these)
   * @param repatriationCountries the countries with rows in {@code repatriation_flows} (the
   *     repatriation chart's choices), by code
   * @param flowDestinations the countries with rows in {@code flows} (the Sankey's choices), by code
   * @param correlationYears the years in which GDP per capita against the share from other regions
   *     has enough countries with the defaults (the scatter's choices)
   * @param notOnMap the countries of this version the map's shapes lack (drawn nowhere on the map,
   *     listed so they are not silently lost)
   */
  public record Meta(String version, String loadedAt, boolean generated, List<RunSummary.Input> sources, Years years,
      Years flowYears, Years justiceYears, List<String> repatriationCountries, List<String> flowDestinations,
      List<Integer> correlationYears, List<Geography> geographies, List<Geography> notOnMap, Breakdowns breakdowns,
      List<Indicators.Definition> indicators, List<String> panelColumns, Report report) {}

  /** @param mapShapes the ISO3 codes the map chart has a shape for */
  public static Meta meta(MartSnapshot s, java.util.Set<String> mapShapes) {
    Map<String, List<String>> values = new LinkedHashMap<>(s.breakdownValues());
    values.put("demographic", Breakdown.DEMOGRAPHIC.keys());
    List<String> flowTypes = new ArrayList<>();
    for (FlowType t : FlowType.values()) {
      flowTypes.add(t.code());
    }
    RunSummary r = s.run();
    Collection<Indicators.Definition> indicators = s.indicators().definitions();
    return new Meta(s.version(), s.loadedAt().toString(), r.anyGenerated(), r.inputs(), Years.of(s.years()),
        Years.of(s.flowYears()), Years.of(s.justice().years()),
        s.placePairs(org.tiptrends.api.snapshot.PlacePairs.Kind.REPATRIATION_FLOWS).rows().stream()
            .map(org.tiptrends.api.snapshot.PlacePairs.Row::iso3).distinct().sorted().toList(),
        s.flows().stream().map(org.tiptrends.api.snapshot.FlowRow::destination).distinct().sorted().toList(),
        CorrelationQuery.gdpTransregionalYears(s),
        List.copyOf(s.geographies()),
        s.geographies().stream().filter(g -> g.level().equals("country") && !mapShapes.contains(g.code())).toList(),
        new Breakdowns(Breakdown.codes(), values, flowTypes),
        List.copyOf(indicators), Panel.MEASURES.keySet().stream().filter(s.panel()::has).toList(),
        new Report(r.runId(), r.startedAt(), r.finishedAt(), r.sparkVersion(), r.stagedRows(),
            r.quarantineRows(), r.quarantineByReason(), r.excludedCodes(), r.resolvedShare(),
            r.mergedDuplicateKeys(), r.outputs(), r.warnings(), r.checks()));
  }
}
