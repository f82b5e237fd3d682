package org.tiptrends.api.routes;

import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tiptrends.api.http.BadRequest;
import org.tiptrends.api.http.MissingData;
import org.tiptrends.api.http.Params;
import org.tiptrends.api.http.Responses;
import org.tiptrends.api.http.Responses.CsvTable;
import org.tiptrends.api.http.SnapshotGet;
import org.tiptrends.api.queries.PlacePairQuery;
import org.tiptrends.api.queries.Places;
import org.tiptrends.api.snapshot.Geography;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.PlacePairs;
import org.tiptrends.api.snapshot.SnapshotHolder;

/**
 * {@code GET /api/v1/justice/convicted-by-citizenship?country=&year=&format=} and
 * {@code GET /api/v1/repatriation?country=&year=&format=} (issue 13): the rows of
 * {@code convicted_by_citizenship} and {@code repatriation_flows} for one reporting country (ISO3)
 * or all, one year or all, with their sums per flow type.
 */
public final class PlacePairRoutes implements ApiRoutes {
  private final SnapshotHolder snapshots;

  public PlacePairRoutes(SnapshotHolder snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/api/v1/justice/convicted-by-citizenship", SnapshotGet.of(snapshots,
        (ctx, s) -> answer(ctx, s, PlacePairs.Kind.CONVICTED_BY_CITIZENSHIP)));
    routes.get("/api/v1/repatriation", SnapshotGet.of(snapshots,
        (ctx, s) -> answer(ctx, s, PlacePairs.Kind.REPATRIATION_FLOWS)));
  }

  private static void answer(io.javalin.http.Context ctx, MartSnapshot s, PlacePairs.Kind kind) {
    Params p = Params.of(ctx, "country", "year", Params.FORMAT);
    PlacePairQuery.Answer a = query(p, s, kind);
    Responses.tabular(ctx, p.format(), a, () -> csv(a));
  }

  static PlacePairQuery.Answer query(Params p, MartSnapshot s, PlacePairs.Kind kind) {
    present(s, kind);
    Geography country = null;
    if (p.has("country")) {
      String code = p.code("country", null, "an ISO3 country code");
      country = Places.country(s, code).orElseThrow(() -> new BadRequest("country",
          "unknown country '" + Params.display(code) + "': an ISO3 country code (e.g. THA)"));
    }
    Integer year = p.has("year") ? p.integer("year", 1990, 2100, null) : null;
    return PlacePairQuery.rows(s, kind, country, year);
  }

  /** The kind; a 409 when the live version was published before its mart existed. */
  static PlacePairs.Kind present(MartSnapshot s, PlacePairs.Kind kind) {
    if (!s.placePairs(kind).present()) {
      throw new MissingData("the live mart version (" + s.version() + ") has no " + kind.mart
          + " (published before that mart existed)");
    }
    return kind;
  }

  static CsvTable csv(PlacePairQuery.Answer a) {
    List<List<Object>> rows = new ArrayList<>();
    for (PlacePairQuery.PairRow r : a.rows()) {
      rows.add(Arrays.asList(r.year(), r.country().code(), r.country().name(), r.place().code(), r.place().name(),
          r.place().level(), r.flowType(), r.value(), r.low(), r.high(), r.sourceRows()));
    }
    return new CsvTable(a.mart() + (a.country() == null ? "" : "-" + a.country().code())
        + (a.year() == null ? "" : "-" + a.year()), List.of("year", "country_iso3", "country_name", "place_code",
        "place_name", "place_level", "flow_type", a.count(), a.count() + "_low", a.count() + "_high", "source_rows"), rows)
        .withSource(a.source().citation());
  }
}
