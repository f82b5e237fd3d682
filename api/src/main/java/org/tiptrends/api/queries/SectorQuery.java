package org.tiptrends.api.queries;

import java.util.List;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.Sectors;

/** ILOSTAT values by economic sector for one geography, optionally one sex, age band and year. */
public final class SectorQuery {
  private SectorQuery() {}

  public record Answer(String geo, String geoName, String geoLevel, String indicator, String unit,
      List<Sectors.Row> rows, SourceNote source) {}

  public static final String NOTE = "ILO estimates and national surveys as published on ILOSTAT; ILO regions "
      + "are ILO's own groupings, not M49 regions. Economic sectors of children in hazardous work, a context "
      + "for trafficking for forced labour, not a count of trafficking victims.";

  public static Answer rows(MartSnapshot s, String geo, String sex, String ageBand, Integer year) {
    List<Sectors.Row> rows = s.sectors().byGeo().getOrDefault(geo, List.of()).stream()
        .filter(r -> sex == null || r.sex().equals(sex))
        .filter(r -> ageBand == null || r.ageBand().equals(ageBand))
        .filter(r -> year == null || r.year() == year)
        .toList();
    Sectors.Row first = rows.isEmpty() ? null : rows.get(0);
    return new Answer(geo, first == null ? null : first.geoName(), first == null ? null : first.geoLevel(),
        first == null ? null : first.indicator(), first == null ? null : first.unit(), rows,
        SourceNote.of(s, List.of("ilo"), "ILO, ILOSTAT", "Children in hazardous work by sex, age and economic activity",
            NOTE));
  }
}
