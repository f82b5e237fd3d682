package org.tiptrends.api.routes;

import java.util.List;
import org.tiptrends.api.http.BadRequest;
import org.tiptrends.api.http.MissingData;
import org.tiptrends.api.http.Params;
import org.tiptrends.api.queries.Places;
import org.tiptrends.api.snapshot.Geography;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.core.geo.ReferenceData;

/** Parameters whose validity depends on the live snapshot (geographies, years). */
public final class Inputs {
  static final List<String> GEO_ALLOWED = List.of(ReferenceData.WORLD_CODE,
      "an M49 region or sub-region code (e.g. 150, 151)", "an ISO3 country code (e.g. FRA)");

  private Inputs() {}

  /** {@code geo}: WLD (default), an M49 region or sub-region code, or a country code. */
  public static Geography geography(Params p, MartSnapshot s, String name) {
    String code = p.code(name, ReferenceData.WORLD_CODE, "WLD, an M49 region or sub-region code, or an ISO3 code");
    return Places.geography(s, code)
        .orElseThrow(() -> new BadRequest(name, Places.whyNotAGeography(code), GEO_ALLOWED));
  }

  /** {@code from} and {@code to}: years of {@code victims_by_year}, first and last by default. */
  public static int[] victimYears(Params p, MartSnapshot s) {
    int from = victimYear(p, s, "from", s.years().isEmpty() ? null : s.years().first());
    int to = victimYear(p, s, "to", s.years().isEmpty() ? null : s.years().last());
    if (from > to) {
      throw new BadRequest("from", "from (" + from + ") is after to (" + to + ")");
    }
    return new int[] {from, to};
  }

  /** A year of {@code victims_by_year}, or the default ({@code null}: required). */
  public static int victimYear(Params p, MartSnapshot s, String name, Integer defaultValue) {
    if (s.years().isEmpty()) {
      throw new MissingData("the live mart version has no victims rows");
    }
    return p.year(name, s.years().first(), s.years().last(), defaultValue);
  }
}
