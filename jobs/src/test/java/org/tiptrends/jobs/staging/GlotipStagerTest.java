package org.tiptrends.jobs.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tiptrends.core.citizenship.CitizenshipResolver;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.jobs.sources.unodc.GlotipLayout;

class GlotipStagerTest {
  static final GlotipStager STAGER = new GlotipStager(2023);

  static Row raw(String code, String country, String dimension, String category, String sex, String age,
      String year, String value) {
    Object[] v = {code, country, "", "", "Detected trafficking victims", dimension, category, sex, age, year,
        "Counts", value, "GLOTIP", "test.csv", 7L};
    return new GenericRowWithSchema(v, GlotipLayout.RAW_SCHEMA);
  }

  static Object get(Row staged, String column) {
    return staged.get(StagedGlotip.SCHEMA.fieldIndex(column));
  }

  static Row stage(Row raw) {
    return STAGER.stageRow(raw, ReferenceData.standard(), CitizenshipResolver.standard());
  }

  @ParameterizedTest(name = "{0} {7} -> {8} {9}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      # code | country | dimension | category | sex | age | year | value | status | reason
      ESP | Spain | Total | Total | Total | Total | 2018 | 1,282 | ok | NULL
      ESP | Spain | Total | Total | Female | 0 to 17 years | 2018 | <5 | ok | NULL
      SAM | '' | Total | Total | Total | Total | 2018 | 40 | excluded_aggregate | not an M49 country or area: SAM
      Aruba/Curacao | '' | Total | Total | Total | Total | 2018 | 40 | excluded_aggregate | not an M49 country or area: Aruba/Curacao
      '' | Sark | Total | Total | Total | Total | 2018 | 2 | ok | NULL
      ESP | Spain | Total | Total | Total | Total | 2031 | 3 | quarantined | Year in the future: 2031
      ESP | Spain | Total | Total | Total | Total | 18 | 3 | quarantined | invalid Year '18'
      ESP | Spain | Total | Total | Total | Total | 2018 | -4 | quarantined | txtVALUE: negative count: '-4'
      ESP | Spain | Total | Total | Total | Total | 2018 | n/a | quarantined | txtVALUE: unparseable count: 'n/a'
      ESP | Spain | Total | Total | Total | Total | 2018 | '' | quarantined | txtVALUE: empty value
      ESP | Spain | Total | Total | Hermaphrodite | Total | 2018 | 3 | quarantined | unknown Sex 'Hermaphrodite'
      ESP | Spain | Total | Total | Total | Adults | 2018 | 3 | quarantined | unknown Age 'Adults'
      ESP | Spain | by form of exploitation | Begging | Total | Total | 2018 | 3 | quarantined | unknown form of exploitation 'Begging'
      ESP | Spain | by region | Total | Total | Total | 2018 | 3 | quarantined | unknown Dimension 'by region'
      ESP | Spain | by citizenship | TOTAL | Total | Total | 2018 | 300 | excluded_not_origin | citizenship total row, not an origin
      GTM | Guatemala | by country of repatriation | TOTAL POR AÑO | Total | Total | 2017 | 5 | excluded_not_origin | repatriation total row, not an origin
      ROU | Romania | by country of repatriation | Abroad | Total | Total | 2017 | 38 | excluded_not_origin | repatriation total row ('Abroad': all countries of repatriation), not a country
      ROU | Romania | by country of repatriation | United Kingdom | Total | Total | 2017 | 12 | ok | NULL
      """)
  void everyRowGetsAStatusAndAReason(String code, String country, String dimension, String category,
      String sex, String age, String year, String value, String status, String reason) {
    Row s = stage(raw(code, country, dimension, category, sex, age, year, value));
    assertEquals(status, get(s, "status"));
    assertEquals(reason, get(s, "reason"));
    assertEquals("test.csv", get(s, "source_file"));
    assertEquals(7L, get(s, "source_row"));
  }

  @ParameterizedTest(name = "{0}: {1} {2} -> [{3}, {4}] point {5}")
  @CsvSource(delimiter = '|', textBlock = """
      Total | Total | 1282 | 1282 | 1282 | 1282 | total | total
      Female | 0 to 17 years | <5 | 0 | 4 | 2 | female | child
      Male | 18 years or over | 17 | 17 | 17 | 17 | male | adult
      Unknown | Unknown | 6 | 6 | 6 | 6 | unknown | unknown
      Other | Total | 12 | 12 | 12 | 12 | other | total
      """)
  void valuesBecomeIntervalsAndBreakdownsBecomeCodes(String sex, String age, String value, double low,
      double high, double point, String sexCode, String ageCode) {
    Row s = stage(raw("PER", "Peru", "Total", "Total", sex, age, "2019", value.equals("1282") ? "1,282" : value));
    assertEquals(low, get(s, "low"));
    assertEquals(high, get(s, "high"));
    assertEquals(point, get(s, "point"));
    assertEquals(sexCode, get(s, "sex"));
    assertEquals(ageCode, get(s, "age"));
    assertEquals("total", get(s, "form"));
    assertEquals("PER", get(s, "iso3"));
    assertEquals("019", get(s, "region_code"));
    assertEquals("419", get(s, "subregion_code"));
  }

  @ParameterizedTest(name = "{0} detected in ESP -> {1} {2} {3}")
  @CsvSource(delimiter = '|', textBlock = """
      Nationals | ESP | country | domestic
      Portugal | PRT | country | subregional
      ROMANIA | ROU | country | regional
      Nigerian | NGA | country | transregional
      M49 Region: Africa | 002 | region | transregional
      Former Yugoslavia | 039 | subregion | subregional
      Unknown | UNK | unknown | unknown
      Personnes de nationalité étrangère | UNK | foreign_unspecified | foreign_unspecified
      """)
  void citizenshipRowsCarryTheirOriginAndFlowType(String label, String originCode, String level, String type) {
    Row s = stage(raw("ESP", "Spain", "by citizenship", label, "Total", "Total", "2020", "9"));
    assertEquals("ok", get(s, "status"));
    assertEquals(originCode, get(s, "origin_code"));
    assertEquals(level, get(s, "origin_level"));
    assertEquals(type, get(s, "flow_type"));
    assertEquals(label, get(s, "category"));
  }

  /** The country of repatriation is read by the same resolver and typed by the same flow rule. */
  @ParameterizedTest(name = "{0} repatriated {1}: {2} {3} {4}")
  @CsvSource(delimiter = '|', textBlock = """
      GBR | Slovakia | SVK | country | regional
      ARE | Nigeria | NGA | country | transregional
      ROU | ESPA�A | ESP | country | regional
      NGA | Benin Rep | BEN | country | subregional
      UZB | Uzbekistan | UZB | country | domestic
      ARG | 0 | UNK | unknown | unknown
      """)
  void repatriationRowsCarryTheCountryOfRepatriationAndFlowType(String reporting, String label, String code,
      String level, String type) {
    Row s = stage(raw(reporting, "", "by country of repatriation", label, "Total", "Total", "2016", "9"));
    assertEquals("ok", get(s, "status"));
    assertEquals("repatriation", get(s, "dimension"));
    assertEquals(code, get(s, "origin_code"));
    assertEquals(level, get(s, "origin_level"));
    assertEquals(type, get(s, "flow_type"));
  }

  /** Persons convicted by citizenship go through the same resolution: a TOTAL row is no nationality. */
  @org.junit.jupiter.api.Test
  void convictedByCitizenshipRowsAreResolvedAndTheirTotalExcluded() {
    Object[] v = {"ESP", "Spain", "", "", "Persons convicted", "by citizenship", "Romania", "Total", "Total",
        "2019", "Counts", "<5", "GLOTIP", "test.csv", 7L};
    Row s = stage(new GenericRowWithSchema(v, GlotipLayout.RAW_SCHEMA));
    assertEquals(List.of("ok", "persons_convicted", "ROU", "regional", 0.0, 4.0, 2.0), List.of(get(s, "status"),
        get(s, "measure"), get(s, "origin_code"), get(s, "flow_type"), get(s, "low"), get(s, "high"), get(s, "point")));
    v[6] = "TOTAL";
    assertEquals("excluded_not_origin", get(stage(new GenericRowWithSchema(v, GlotipLayout.RAW_SCHEMA)), "status"));
  }

  @org.junit.jupiter.api.Test
  void excludedAndQuarantinedRowsCarryNoValue() {
    assertNull(get(stage(raw("SAM", "", "Total", "Total", "Total", "Total", "2018", "40")), "point"));
    assertNull(get(stage(raw("ESP", "Spain", "Total", "Total", "Total", "Total", "2018", "x")), "point"));
  }
}
