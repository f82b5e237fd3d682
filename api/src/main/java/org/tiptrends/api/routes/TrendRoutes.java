package org.tiptrends.api.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.tiptrends.api.http.BadRequest;
import org.tiptrends.api.http.Params;
import org.tiptrends.api.http.Responses;
import org.tiptrends.api.http.Responses.CsvTable;
import org.tiptrends.api.http.SnapshotGet;
import org.tiptrends.api.queries.Breakdown;
import org.tiptrends.api.queries.JusticeMeasure;
import org.tiptrends.api.queries.RateQuery;
import org.tiptrends.api.queries.TrendQuery;
import org.tiptrends.api.snapshot.Geography;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.SnapshotHolder;

/**
 * {@code GET /api/v1/trends/victims?geo=&by=&from=&to=&balanced=&format=}, and
 * {@code GET /api/v1/trends/{measure}} for every measure: {@code victims} (the same answer) or a
 * criminal-justice measure of {@code justice_by_year} (issue 13).
 */
public final class TrendRoutes implements ApiRoutes {
  public static final String VICTIMS = "victims";
  /** The measures {@code /api/v1/trends/{measure}} answers. */
  public static final List<String> MEASURES =
      Stream.concat(Stream.of(VICTIMS), JusticeMeasure.codes().stream()).toList();
  /** The justice mart has the Total and by-form rows only: no sex or age breakdown. */
  static final List<Breakdown> JUSTICE_BREAKDOWNS = List.of(Breakdown.NONE, Breakdown.SEX, Breakdown.AGE,
      Breakdown.FORM);

  private final SnapshotHolder snapshots;

  public TrendRoutes(SnapshotHolder snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public void register(RoutesConfig routes) {
    registerVictims(routes);
    registerMeasures(routes);
  }

  /** {@code /api/v1/trends/victims}, as it was before the justice measures. */
  public void registerVictims(RoutesConfig routes) {
    routes.get("/api/v1/trends/victims", SnapshotGet.of(snapshots, TrendRoutes::victimsTrend));
  }

  /**
   * {@code /api/v1/trends/{measure}}. Javalin may match {@code victims} to either route, so it is
   * answered here by the same handler as {@link #registerVictims}.
   */
  public void registerMeasures(RoutesConfig routes) {
    routes.get("/api/v1/trends/{measure}", SnapshotGet.of(snapshots, (ctx, s) -> {
      String measure = ctx.pathParam("measure");
      if (measure.equals(VICTIMS)) {
        victimsTrend(ctx, s);
        return;
      }
      JusticeMeasure m = JusticeMeasure.of(measure).orElseThrow(() -> new BadRequest("measure",
          "unknown measure '" + Params.display(measure) + "'", MEASURES));
      Params p = Params.of(ctx, "geo", "by", "from", "to", "balanced", "per", Params.FORMAT);
      if (p.has("per")) {
        RateQuery.Answer rates = RateTrend.justice(p, s, m, justiceYears(p, s, m));
        Responses.tabular(ctx, p.format(), rates, () -> RateTrend.csv(m.code(), rates));
        return;
      }
      TrendQuery.MeasureAnswer answer = justice(p, s, m);
      Responses.tabular(ctx, p.format(), answer, () -> csv(m.code(), answer.trend()));
    }));
  }

  private static void victimsTrend(Context ctx, MartSnapshot s) {
    Params p = Params.of(ctx, "geo", "by", "from", "to", "balanced", "per", Params.FORMAT);
    if (p.has("per")) { // issue 14: rates per 100,000 population
      RateQuery.Answer rates = RateTrend.answer(p, s);
      Responses.tabular(ctx, p.format(), rates, () -> RateTrend.csv(rates));
      return;
    }
    TrendQuery.Answer answer = victims(p, s, null);
    Responses.tabular(ctx, p.format(), answer, () -> csv(answer));
  }

  /**
   * The trend the parameters ask for ({@code geo}, {@code by}, {@code from}, {@code to},
   * {@code balanced}); a non-null {@code fixedBy} replaces {@code by} (charts of one breakdown).
   */
  static TrendQuery.Answer victims(Params p, MartSnapshot s, Breakdown fixedBy) {
    Geography geo = Inputs.geography(p, s, "geo");
    Breakdown by = fixedBy != null ? fixedBy : Breakdown.of(p.choice("by", Breakdown.codes(), "none"));
    int[] years = Inputs.victimYears(p, s);
    boolean balanced = p.bool("balanced", false);
    return TrendQuery.victims(s, geo, by, years[0], years[1], balanced);
  }

  /** A justice measure's trend: the victims trend's parameters, {@code by} none, sex, age or form, its own years. */
  static TrendQuery.MeasureAnswer justice(Params p, MartSnapshot s, JusticeMeasure m) {
    Geography geo = Inputs.geography(p, s, "geo");
    Breakdown by = Breakdown.of(p.choice("by", JUSTICE_BREAKDOWNS.stream().map(Breakdown::code).toList(), "none"));
    int[] years = justiceYears(p, s, m);
    boolean balanced = p.bool("balanced", false);
    return TrendQuery.justice(s, m, geo, by, years[0], years[1], balanced);
  }

  /** {@code from} and {@code to} among the measure's years; a 409 when the version has no rows of it. */
  static int[] justiceYears(Params p, MartSnapshot s, JusticeMeasure m) {
    Inputs.justice(s);
    return Inputs.years(p, m.counts(s).years(), "the live mart version (" + s.version() + ") has no rows of "
        + m.label() + " in justice_by_year");
  }

  /** The answer as a table: the {@code format=csv} download, and a notebook's table. */
  public static CsvTable csv(TrendQuery.Answer a) {
    return csv(VICTIMS, a);
  }

  /** A trend of {@code measure} as a table (named {@code <measure>-<geo>-<by>}). */
  public static CsvTable csv(String measure, TrendQuery.Answer a) {
    List<List<Object>> rows = new ArrayList<>();
    for (TrendQuery.Series series : a.series()) {
      for (TrendQuery.Point pt : series.points()) {
        rows.add(List.of(a.geo().code(), a.by(), series.key(), pt.year(), pt.value(), pt.low(), pt.high(),
            pt.reportingCountries(), pt.suppressedOnlyCountries(), a.balanced()));
      }
    }
    return new CsvTable(measure + "-" + a.geo().code() + "-" + a.by(), List.of("geo", "by", "key", "year",
        "value", "low", "high", "reporting_countries", "suppressed_only_countries", "balanced"), rows)
        .withSource(a.source().citation());
  }
}
