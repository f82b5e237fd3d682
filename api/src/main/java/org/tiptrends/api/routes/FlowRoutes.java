package org.tiptrends.api.routes;

import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.List;
import org.tiptrends.api.http.BadRequest;
import org.tiptrends.api.http.MissingData;
import org.tiptrends.api.http.Params;
import org.tiptrends.api.http.Responses;
import org.tiptrends.api.http.Responses.CsvTable;
import org.tiptrends.api.http.SnapshotGet;
import org.tiptrends.api.queries.FlowQuery;
import org.tiptrends.api.queries.Places;
import org.tiptrends.api.snapshot.Geography;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.SnapshotHolder;

/** {@code GET /api/v1/flows?destination=&origin=&year=&format=}. */
public final class FlowRoutes implements ApiRoutes {
  static final List<String> ORIGIN_ALLOWED = List.of("an ISO3 country code (e.g. NGA)",
      "an M49 region or sub-region code (e.g. 002, 202)", "UNK (origin unknown or not specified)");
  private final SnapshotHolder snapshots;

  public FlowRoutes(SnapshotHolder snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/api/v1/flows", SnapshotGet.of(snapshots, (ctx, s) -> {
      Params p = Params.of(ctx, "destination", "origin", "year", Params.FORMAT);
      FlowQuery.Answer a = flows(p, s, null);
      Responses.tabular(ctx, p.format(), a, () -> csv(a));
    }));
  }

  /**
   * The flows the parameters ask for ({@code destination} and/or {@code origin}, {@code year});
   * {@code defaultDestination} applies when neither is given ({@code null}: one is required).
   */
  static FlowQuery.Answer flows(Params p, MartSnapshot s, String defaultDestination) {
    String destCode = p.code("destination", p.has("origin") ? null : defaultDestination, "an ISO3 country code");
    String originCode = p.code("origin", null, "a country, region or sub-region code, or UNK");
    if (destCode == null && originCode == null) {
      throw new BadRequest("destination", "give destination (an ISO3 code) and/or origin",
          List.of("destination", "origin"));
    }
    Geography destination = destCode == null ? null : Places.country(s, destCode)
        .orElseThrow(() -> new BadRequest("destination", "no country has code " + destCode
            + "; destination is an ISO3 country code (listed by /api/v1/meta)"));
    Places.Origin origin = originCode == null ? null : Places.origin(s, originCode)
        .orElseThrow(() -> new BadRequest("origin", "no origin has code " + originCode, ORIGIN_ALLOWED));
    Integer year = null;
    if (p.has("year")) {
      if (s.flowYears().isEmpty()) {
        throw new MissingData("the live mart version has no flow rows");
      }
      year = p.year("year", s.flowYears().first(), s.flowYears().last(), null);
    }
    return FlowQuery.flows(s, destination, origin, year);
  }

  /** The answer as a table: the {@code format=csv} download, and a notebook's table. */
  public static CsvTable csv(FlowQuery.Answer a) {
    List<List<Object>> rows = new ArrayList<>();
    for (FlowQuery.Flow f : a.flows()) {
      rows.add(List.of(f.year(), f.destination().code(), f.destination().name(), f.origin().code(),
          f.origin().name(), f.origin().level(), f.flowType(), f.value(), f.low(), f.high(), f.sourceRows()));
    }
    return new CsvTable("flows", List.of("year", "destination", "destination_name", "origin", "origin_name",
        "origin_level", "flow_type", "value", "low", "high", "source_rows"), rows).withSource(a.source().citation());
  }
}
