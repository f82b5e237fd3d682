package org.tiptrends.jobs.sources.ilo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.jobs.Prerequisites;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.sources.InputException;
import org.tiptrends.jobs.sources.TextEncoding;
import java.util.ArrayList;
import java.util.Map;

class IloReadersTest {
  static SectorObservation find(List<SectorObservation> obs, String geoName, String sex, String age, String sector) {
    return obs.stream().filter(o -> o.geoName().equals(geoName) && o.sex().equals(sex) && o.ageBand().equals(age)
        && o.sector().equals(sector)).findFirst().orElseThrow(() -> new AssertionError(geoName + sex + age + sector));
  }

  @Test
  void theRealTableExportReadsByAreaSexAgeAndSector() {
    Path f = Prerequisites.realDataFile("ilo/CLD_XHAZ_SEX_AGE_ECO_NB_A_EN.xlsx");
    IloTableReader.Result r = new IloTableReader().read(org.tiptrends.jobs.io.Location.local(f), ReferenceData.standard());
    // values as the file prints them: World, Total, '5-17, 2020
    SectorObservation world = find(r.observations(), "World", "total", "5-17", "total");
    assertEquals(79049.106, world.value(), 1e-9);
    assertEquals(48052.864, find(r.observations(), "World", "total", "5-17", "agriculture").value(), 1e-6);
    assertEquals(2020, world.year());
    assertEquals("world", world.geoLevel());
    assertEquals("thousands", world.unit());
    assertEquals("Children in hazardous work by sex, age and economic activity", world.indicator());
    assertEquals("CLD_XHAZ_SEX_AGE_ECO_NB", world.indicatorCode());
    assertEquals("ILO - Modelled Estimates", world.source());
    assertEquals("06/07/2021 12:18:08", r.lastUpdate());
    // Zambia, Female, '5-17, 2018: 14.499 total, industry not published (empty), 7.642 services
    SectorObservation zmb = find(r.observations(), "Zambia", "female", "5-17", "total");
    assertEquals("country", zmb.geoLevel());
    assertEquals("ZMB", zmb.geoCode());
    assertEquals(14.499, zmb.value(), 1e-9);
    assertEquals(7.642, find(r.observations(), "Zambia", "female", "5-17", "services").value(), 1e-9);
    assertTrue(r.observations().stream().noneMatch(o -> o.geoCode().equals("ZMB") && o.sex().equals("female")
        && o.ageBand().equals("5-17") && o.sector().equals("industry")), "an empty cell is no value");
    // ILO regions stay ILO regions, even where the name is also an M49 name
    assertEquals("ilo_region", find(r.observations(), "Arab States", "total", "5-17", "total").geoLevel());
    assertEquals("ilo_region", find(r.observations(), "Northern Africa", "total", "5-17", "total").geoLevel());
    Set<String> ages = r.observations().stream().map(SectorObservation::ageBand).collect(Collectors.toSet());
    assertEquals(Set.of("5-17", "5-11", "12-14", "15-17"), ages);
    assertEquals(Set.of("total", "agriculture", "industry", "services", "not_classified"),
        r.observations().stream().map(SectorObservation::sector).collect(Collectors.toSet()));
  }

  @Test
  void bulkCsvWithClassificationCodes(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("bulk.csv");
    Files.writeString(f, "ref_area,indicator,source,sex,classif1,classif2,time,obs_value,obs_status,note_source\n"
        + "BOL,CLD_XHAZ_SEX_AGE_ECO_NB,CLS - Encuesta,SEX_F,AGE_AGGREGATE_Y05-17,ECO_AGGREGATE_AGR,2019,12.5,,\n"
        + "X01,CLD_XHAZ_SEX_AGE_ECO_NB,ILO - Modelled Estimates,SEX_T,AGE_AGGREGATE_Y05-17,ECO_AGGREGATE_TOTAL,2020,79049.106,,\n"
        + "X55,CLD_XHAZ_SEX_AGE_ECO_NB,ILO - Modelled Estimates,SEX_T,AGE_AGGREGATE_Y12-14,ECO_AGGREGATE_X,2020,3.1,,\n"
        + "BOL,CLD_XHAZ_SEX_AGE_ECO_NB,CLS - Encuesta,SEX_M,AGE_AGGREGATE_Y05-17,ECO_AGGREGATE_IND,2019,,,\n"
        + "BOL,CLD_XHAZ_SEX_AGE_ECO_NB,CLS - Encuesta,SEX_M,AGE_AGGREGATE_Y05-17,ECO_AGGREGATE_SER,2019,abc,,\n");
    assertTrue(isBulk(f));
    IloBulkReader.Result r = new IloBulkReader().read(org.tiptrends.jobs.io.Location.local(f), ReferenceData.standard());
    assertEquals(3, r.observations().size());
    SectorObservation bol = r.observations().get(0);
    assertEquals(List.of("country", "BOL", "female", "5-17", "agriculture", "thousands"),
        List.of(bol.geoLevel(), bol.geoCode(), bol.sex(), bol.ageBand(), bol.sector(), bol.unit()));
    assertEquals("world", r.observations().get(1).geoLevel());
    assertEquals(List.of("ilo_region", "12-14", "not_classified"), List.of(r.observations().get(2).geoLevel(),
        r.observations().get(2).ageBand(), r.observations().get(2).sector()));
    assertEquals(1, r.badCells().size(), "a non-numeric value is reported, not dropped");
    assertEquals(5, r.rowsRead());
  }

  @Test
  void aTableWithoutTheIloHeaderIsAOneLineError(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("t.csv");
    Files.writeString(f, "Some title (thousands)\nA,B,C\n1,2,3\n");
    assertFalse(isBulk(f));
    InputException e = assertThrows(InputException.class, () -> new IloTableReader().read(org.tiptrends.jobs.io.Location.local(f), ReferenceData.standard()));
    assertTrue(e.getMessage().startsWith(f + ": no ILOSTAT header"), e.getMessage());
  }

  static boolean isBulk(Path f) {
    Location l = Location.local(f);
    return IloBulkReader.isBulk(l, TextEncoding.of(l, "ILOSTAT CSV"));
  }

  /** The real table's rows under its header: area, source, sex, age, time, then one value per sector. */
  static List<List<String>> realTable() {
    List<List<String>> rows = IloTableReader.load(Location.local(Prerequisites.realData()
        .resolve("ilo/CLD_XHAZ_SEX_AGE_ECO_NB_A_EN.xlsx")), null);
    int h = 0;
    while (!rows.get(h).contains("Reference area")) {
      h++;
    }
    return rows.subList(h, rows.size());
  }

  static String csv(List<String> cells) {
    return String.join(",", cells.stream().map(v -> v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"")
        + "\"" : v).toList());
  }

  /**
   * A table by economic activity without Sex and Age (as ILOSTAT exports e.g. fatal occupational
   * injuries): the real table cut to its Total/'5-17 rows, those two columns dropped, the sectors
   * named as ISIC sections under the classification's name, and a title with or without a unit.
   */
  @ParameterizedTest
  @CsvSource({"Children in hazardous work by economic activity (thousands),thousands",
      "Children in hazardous work by economic activity,not stated"})
  void aTableByEconomicActivityWithoutSexAndAgeReadsByName(String title, String unit, @TempDir Path tmp) throws Exception {
    List<List<String>> table = realTable();
    List<String> header = table.get(0);
    int sex = header.indexOf("Sex");
    int age = header.indexOf("Age");
    StringBuilder out = new StringBuilder(csv(List.of(title)) + "\nNote: estimates\n\n");
    List<String> h = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      if (i != sex && i != age) {
        h.add(i > header.indexOf("Time") && !header.get(i).equals("Notes") && !header.get(i).isBlank()
            ? "Economic activity (ISIC-Rev.4): " + header.get(i) : header.get(i));
      }
    }
    out.append(csv(h)).append("\r\n");
    Map<String, Double> expected = new java.util.HashMap<>(); // area + sector -> value
    for (List<String> r : table.subList(1, table.size())) {
      if (r.size() <= age || !r.get(sex).equals("Total") || !r.get(age).equals("'5-17")) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        if (i != sex && i != age) {
          cells.add(r.get(i));
        }
        if (i > header.indexOf("Time") && i < header.size() && !header.get(i).equals("Notes") && !r.get(i).isBlank()) {
          // countries by their reference names (Tanzania, United Republic of → United Republic of Tanzania)
          expected.put(IloGeography.of(r.get(0), ReferenceData.standard()).name() + "|" + IloGeography.sector(header.get(i)),
              Double.parseDouble(r.get(i)));
        }
      }
      out.append(csv(cells)).append("\r\n");
    }
    Path f = tmp.resolve("INJ_FATL_ECO_NB_A_EN.csv");
    Files.writeString(f, out);
    IloTableReader.Result r = new IloTableReader().read(Location.local(f), ReferenceData.standard());
    assertTrue(expected.size() > 20, expected.size() + " values");
    Map<String, Double> got = new java.util.HashMap<>();
    for (SectorObservation o : r.observations()) {
      assertEquals(List.of("total", "total", unit), List.of(o.sex(), o.ageBand(), o.unit()), o.toString());
      got.put(o.geoName() + "|" + o.sector(), o.value());
    }
    assertEquals(expected, got);
    assertEquals(Set.of("total", "agriculture", "industry", "services", "not_classified"),
        r.observations().stream().map(SectorObservation::sector).collect(Collectors.toSet()));
  }

  @Test
  void aBulkFileInTheRealColumnOrderReadsTheSame(@TempDir Path tmp) throws Exception {
    // real bulk files start ref_area,source,indicator,...; here the real table converted to that layout
    List<List<String>> table = realTable();
    List<String> header = table.get(0);
    int time = header.indexOf("Time");
    StringBuilder out = new StringBuilder("ref_area,source,indicator,sex,classif1,classif2,time,obs_value,obs_status,note_source\n");
    Map<String, Double> expected = new java.util.HashMap<>();
    for (List<String> r : table.subList(1, table.size())) {
      if (r.size() <= time || !r.get(0).equals("World")) {
        continue;
      }
      String[] sectorCodes = {"ECO_AGGREGATE_TOTAL", "ECO_AGGREGATE_AGR", "ECO_AGGREGATE_IND", "ECO_AGGREGATE_SER",
          "ECO_AGGREGATE_X"};
      for (int s = 0; s < sectorCodes.length; s++) {
        String v = time + 1 + s < r.size() ? r.get(time + 1 + s) : "";
        String sex = "SEX_" + r.get(2).charAt(0);
        String age = "AGE_AGGREGATE_Y" + r.get(3).replace("'", "").replaceAll("^(\\d)-", "0$1-");
        out.append(csv(List.of("X01", r.get(1), "CLD_XHAZ_SEX_AGE_ECO_NB", sex, age, sectorCodes[s], r.get(time), v, "", "")))
            .append('\n');
        if (!v.isBlank()) {
          expected.put(IloGeography.sex(sex) + "|" + IloGeography.ageBand(age) + "|" + IloGeography.sector(sectorCodes[s]),
              Double.parseDouble(v));
        }
      }
    }
    Path f = tmp.resolve("CLD_XHAZ_SEX_AGE_ECO_NB_A.csv");
    Files.writeString(f, out);
    assertTrue(isBulk(f));
    IloBulkReader.Result r = new IloBulkReader().read(Location.local(f), ReferenceData.standard());
    Map<String, Double> got = new java.util.HashMap<>();
    r.observations().forEach(o -> got.put(o.sex() + "|" + o.ageBand() + "|" + o.sector(), o.value()));
    assertTrue(expected.size() >= 30, expected.toString());
    assertEquals(expected, got);
    assertEquals(79049.106, got.get("total|5-17|total"), 1e-9, "the real table's World, Total, '5-17 cell");
  }

  @ParameterizedTest
  @CsvSource(quoteCharacter = '"', value = {"'5-17,5-17", "12-14,12-14", "AGE_AGGREGATE_Y05-17,5-17", "AGE_AGGREGATE_Y15-17,15-17"})
  void ageBandsLoseTheirSpreadsheetMarkerAndCodePrefix(String label, String band) {
    assertEquals(band, IloGeography.ageBand(label));
  }
}
