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
import org.tiptrends.api.queries.ConflictQuery;
import org.tiptrends.api.queries.SectorQuery;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.Sectors;
import org.tiptrends.api.snapshot.SnapshotHolder;

/**
 * {@code GET /api/v1/sectors?geo=&sex=&age=&year=} (ILOSTAT by economic sector) and
 * {@code GET /api/v1/conflict?measure=&from=&to=} (countries in conflict against the others).
 */
public final class SectorConflictRoutes implements ApiRoutes {
  private final SnapshotHolder snapshots;

  public SectorConflictRoutes(SnapshotHolder snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/api/v1/sectors", SnapshotGet.of(snapshots, (ctx, s) -> {
      Params p = Params.of(ctx, "geo", "sex", "age", "year", Params.FORMAT);
      SectorQuery.Answer a = sectors(p, s);
      Responses.tabular(ctx, p.format(), a, () -> sectorsCsv(a));
    }));
    routes.get("/api/v1/conflict", SnapshotGet.of(snapshots, (ctx, s) -> {
      Params p = Params.of(ctx, "measure", "from", "to", Params.FORMAT);
      ConflictQuery.Answer a = conflict(p, s);
      Responses.tabular(ctx, p.format(), a, () -> conflictCsv(a));
    }));
  }

  /** ILOSTAT rows for {@code geo} (world by default), optionally one {@code sex}, {@code age}, {@code year}. */
  static SectorQuery.Answer sectors(Params p, MartSnapshot s) {
    List<String> geos = new ArrayList<>(s.sectors().byGeo().keySet());
    if (geos.isEmpty()) {
      throw new MissingData("the live mart version (" + s.version() + ") has no ILOSTAT sector data");
    }
    String geo = p.choice("geo", geos, geos.contains("WLD") ? "WLD" : geos.get(0));
    List<Sectors.Row> all = s.sectors().byGeo().get(geo);
    String sex = p.has("sex") ? p.choice("sex", distinct(all, Sectors.Row::sex), null) : null;
    String age = p.has("age") ? p.choice("age", distinct(all, Sectors.Row::ageBand), null) : null;
    Integer year = null;
    if (p.has("year")) {
      List<Integer> years = all.stream().map(Sectors.Row::year).distinct().sorted().toList();
      year = p.year("year", years.get(0), years.get(years.size() - 1), null);
    }
    return SectorQuery.rows(s, geo, sex, age, year);
  }

  /** Countries in conflict against the others for {@code measure}, years {@code from}–{@code to}. */
  static ConflictQuery.Answer conflict(Params p, MartSnapshot s) {
    if (!s.panel().has("conflict_max_intensity") || s.panel().byCountry("conflict_max_intensity").isEmpty()) {
      throw new MissingData("the live mart version (" + s.version() + ") has no conflict data "
          + "(no UCDP file in its input)");
    }
    String measure = p.choice("measure", ConflictQuery.MEASURES, "child_share");
    Integer from = p.has("from") ? p.integer("from", 1946, 2100, null) : null;
    Integer to = p.has("to") ? p.integer("to", 1946, 2100, null) : null;
    if (from != null && to != null && from > to) {
      throw new BadRequest("from", "from (" + from + ") is after to (" + to + ")");
    }
    return ConflictQuery.compare(s, measure, from, to);
  }

  /** The sectors answer as a table: the {@code format=csv} download, and a notebook's table. */
  public static CsvTable sectorsCsv(SectorQuery.Answer a) {
    return new CsvTable("sectors-" + a.geo(), List.of("geo", "year", "sex", "age_band", "sector", "value", "unit"),
        a.rows().stream().map(r -> List.<Object>of(r.geoCode(), r.year(), r.sex(), r.ageBand(), r.sector(),
            r.value(), r.unit() == null ? "" : r.unit())).toList()).withSource(a.source().citation());
  }

  /** The conflict answer as a table (one row per country and year), as {@link #sectorsCsv} is for sectors. */
  public static CsvTable conflictCsv(ConflictQuery.Answer a) {
    List<List<Object>> rows = new ArrayList<>();
    for (ConflictQuery.Year y : a.years()) {
      for (ConflictQuery.Country c : y.inConflict().countries()) {
        rows.add(List.of(y.year(), c.iso3(), c.name(), true, c.intensity(), c.value(), c.low(), c.high()));
      }
      for (ConflictQuery.Country c : y.notInConflict().countries()) {
        rows.add(List.of(y.year(), c.iso3(), c.name(), false, c.intensity(), c.value(), c.low(), c.high()));
      }
    }
    String measure = a.measure();
    return new CsvTable("conflict-" + measure, List.of("year", "iso3", "name", "in_conflict", "max_intensity",
        measure, measure + "_low", measure + "_high"), rows).withSource(a.source().citation());
  }

  private static List<String> distinct(List<Sectors.Row> rows, java.util.function.Function<Sectors.Row, String> f) {
    return rows.stream().map(f).distinct().sorted().toList();
  }
}
