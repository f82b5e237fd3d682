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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.jobs.Prerequisites;
import org.tiptrends.jobs.sources.InputException;

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
    assertTrue(IloBulkReader.isBulk(org.tiptrends.jobs.io.Location.local(f)));
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
    assertFalse(IloBulkReader.isBulk(org.tiptrends.jobs.io.Location.local(f)));
    InputException e = assertThrows(InputException.class, () -> new IloTableReader().read(org.tiptrends.jobs.io.Location.local(f), ReferenceData.standard()));
    assertTrue(e.getMessage().startsWith(f + ": no ILOSTAT header"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(quoteCharacter = '"', value = {"'5-17,5-17", "12-14,12-14", "AGE_AGGREGATE_Y05-17,5-17", "AGE_AGGREGATE_Y15-17,15-17"})
  void ageBandsLoseTheirSpreadsheetMarkerAndCodePrefix(String label, String band) {
    assertEquals(band, IloGeography.ageBand(label));
  }
}
