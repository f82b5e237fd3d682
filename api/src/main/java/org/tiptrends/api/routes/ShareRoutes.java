package org.tiptrends.api.routes;

import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tiptrends.api.http.Params;
import org.tiptrends.api.http.Responses;
import org.tiptrends.api.http.Responses.CsvTable;
import org.tiptrends.api.http.SnapshotGet;
import org.tiptrends.api.queries.ShareQuery;
import org.tiptrends.api.snapshot.Geography;
import org.tiptrends.api.snapshot.SnapshotHolder;

/** {@code GET /api/v1/shares/demographic} and {@code /api/v1/shares/forms}: {@code geo}, {@code year}. */
public final class ShareRoutes implements ApiRoutes {
  private final SnapshotHolder snapshots;

  public ShareRoutes(SnapshotHolder snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/api/v1/shares/demographic", SnapshotGet.of(snapshots, (ctx, s) -> {
      Params p = Params.of(ctx, "geo", "year", Params.FORMAT);
      Geography geo = Inputs.geography(p, s, "geo");
      int year = Inputs.victimYear(p, s, "year", null);
      String format = p.format();
      ShareQuery.Answer a = ShareQuery.demographic(s, geo, year);
      Responses.tabular(ctx, format, a, () -> csv(a));
    }));
    routes.get("/api/v1/shares/forms", SnapshotGet.of(snapshots, (ctx, s) -> {
      Params p = Params.of(ctx, "geo", "year", Params.FORMAT);
      Geography geo = Inputs.geography(p, s, "geo");
      int year = Inputs.victimYear(p, s, "year", null);
      String format = p.format();
      ShareQuery.Answer a = ShareQuery.forms(s, geo, year);
      Responses.tabular(ctx, format, a, () -> csv(a));
    }));
  }

  /** The answer as a table: the {@code format=csv} download, and a notebook's table. */
  public static CsvTable csv(ShareQuery.Answer a) {
    List<List<Object>> rows = new ArrayList<>();
    for (ShareQuery.Part part : a.shares()) {
      rows.add(Arrays.asList(a.geo().code(), a.year(), part.key(), part.value(), part.low(), part.high(),
          part.victims() == null ? null : part.victims().value(),
          part.victims() == null ? null : part.victims().low(),
          part.victims() == null ? null : part.victims().high(),
          part.victims() == null ? 0 : part.victims().reportingCountries(),
          part.victims() == null ? 0 : part.victims().suppressedOnlyCountries(),
          a.denominator().value(), a.denominator().low(), a.denominator().high(), a.denominator().mayBeZero()));
    }
    return new CsvTable("shares-" + a.breakdown() + "-" + a.geo().code() + "-" + a.year(),
        List.of("geo", "year", "key", "share", "share_low", "share_high", "victims", "victims_low",
            "victims_high", "reporting_countries", "suppressed_only_countries", "denominator", "denominator_low",
            "denominator_high", "denominator_may_be_zero"),
        rows).withSource(a.source().citation());
  }
}
