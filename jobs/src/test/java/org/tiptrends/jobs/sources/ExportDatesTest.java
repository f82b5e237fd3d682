package org.tiptrends.jobs.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExportDatesTest {
  @ParameterizedTest
  @CsvSource(nullValues = "NULL", value = {
      "30/05/2023,2023-05-30", "06/07/2021 12:18:08,2021-07-06", "2023-05-10,2023-05-10",
      "1/2/2020,2020-02-01", "NULL,NULL", "'',NULL", "last week,NULL", "31/02/2023,NULL"})
  void publishersDatesBecomeIsoDates(String published, String iso) {
    assertEquals(iso, ExportDates.iso(published));
  }
}
