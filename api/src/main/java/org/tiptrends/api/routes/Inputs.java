package org.tiptrends.api.routes;

import java.util.List;
import java.util.NavigableSet;
import org.tiptrends.api.http.BadRequest;
import org.tiptrends.api.http.MissingData;
import org.tiptrends.api.http.Params;
import org.tiptrends.api.queries.Places;
import org.tiptrends.api.snapshot.Geography;
import org.tiptrends.api.snapshot.JusticeRows;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.core.geo.ReferenceData;

/** Parameters whose validity depends on the live snapshot (geographies, years). */
public final class Inputs {
  static final List<String> GEO_ALLOWED = List.of(ReferenceData.WORLD_CODE,
      "an M49 region or sub-region code (e.g. 150, 151)", "an ISO3 country code (e.g. FRA)");

  private static final String NO_VICTIMS = "the live mart version has no victims rows";

  private Inputs() {}

  /** {@code geo}: WLD (default), an M49 region or sub-region code, or a country code. */
  public static Geography geography(Params p, MartSnapshot s, String name) {
    String code = p.code(name, ReferenceData.WORLD_CODE, "WLD, an M49 region or sub-region code, or an ISO3 code");
    return Places.geography(s, code)
        .orElseThrow(() -> new BadRequest(name, Places.whyNotAGeography(code), GEO_ALLOWED));
  }

  /** The live version's {@code justice_by_year}; a 409 when it was published before that mart existed. */
  public static JusticeRows justice(MartSnapshot s) {
    if (!s.justice().present()) {
      throw new MissingData("the live mart version (" + s.version() + ") has no " + JusticeRows.MART
          + " (published before the criminal-justice mart existed)");
    }
    return s.justice();
  }

  /** {@code from} and {@code to}: years of {@code victims_by_year}, first and last by default. */
  public static int[] victimYears(Params p, MartSnapshot s) {
    return years(p, s.years(), NO_VICTIMS);
  }

  /** A year of {@code victims_by_year}, or the default ({@code null}: required). */
  public static int victimYear(Params p, MartSnapshot s, String name, Integer defaultValue) {
    return year(p, s.years(), NO_VICTIMS, name, defaultValue);
  }

  /**
   * {@code from} and {@code to}: years of a table, first and last by default.
   *
   * @param missing the 409's detail when the table has no year at all
   */
  public static int[] years(Params p, NavigableSet<Integer> years, String missing) {
    int from = year(p, years, missing, "from", years.isEmpty() ? null : years.first());
    int to = year(p, years, missing, "to", years.isEmpty() ? null : years.last());
    if (from > to) {
      throw new BadRequest("from", "from (" + from + ") is after to (" + to + ")");
    }
    return new int[] {from, to};
  }

  /** A year among {@code years}, or the default ({@code null}: required). */
  public static int year(Params p, NavigableSet<Integer> years, String missing, String name, Integer defaultValue) {
    if (years.isEmpty()) {
      throw new MissingData(missing);
    }
    return p.year(name, years.first(), years.last(), defaultValue);
  }
}
