package org.tiptrends.api.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tiptrends.api.queries.SectorQuery;
import org.tiptrends.api.queries.SourceNote;
import org.tiptrends.api.snapshot.Sectors;

/** The sectors chart from rows written out here: the band of all ages is not drawn beside its parts. */
class ContextChartsTest {
  static Sectors.Row row(String age, String sector, double value) {
    return new Sectors.Row(2020, "world", "WLD", "World", "Children in hazardous work", "total", age, sector, value,
        "thousands", "ILO - Modelled Estimates");
  }

  @Test
  void subBandsAreDrawnAndTheirTotalBandIsInTheSubtitle() throws Exception {
    List<Sectors.Row> rows = new ArrayList<>();
    for (String[] band : new String[][] {{"5-17", "90"}, {"5-11", "30"}, {"12-14", "20"}, {"15-17", "40"}}) {
      double v = Double.parseDouble(band[1]);
      rows.add(row(band[0], "total", v));
      rows.add(row(band[0], "agriculture", v * 0.6));
      rows.add(row(band[0], "services", v * 0.4));
    }
    SectorQuery.Answer a = new SectorQuery.Answer("WLD", "World", "world", "Children in hazardous work",
        "thousands", rows, new SourceNote("ILO, ILOSTAT", "table", List.of(), "v1", "", false));
    Chart c = ContextCharts.sectors("sectors", a, "total", 2020, 960, 560);
    JsonNode o = new ObjectMapper().readTree(c.optionJson());
    List<String> series = new ArrayList<>();
    o.get("series").forEach(s -> series.add(s.get("name").asText()));
    assertEquals(List.of("Age 5-11", "Age 12-14", "Age 15-17"), series, "children are not counted twice");
    assertTrue(c.texts().subtitle().contains("ages 5-17 in all: 90 (agriculture 54, services 36)"), c.texts().subtitle());
    assertEquals(6, c.data().rows().size(), "the CSV is what is drawn");
  }
}
