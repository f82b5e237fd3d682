package org.tiptrends.jobs.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExportDatesTest {
  @ParameterizedTest
  @CsvSource(nullValues = "NULL", value = {
      "30/05/2023,2023-05-30", "06/07/2021 12:18:08,2021-07-06", "2023-05-10,2023-05-10",
      "1/2/2020,2020-02-01", "NULL,NULL", "'',NULL", "last week,NULL", "31/02/2023,NULL",
      // as a spreadsheet re-saves them: month first where day first is impossible, two-digit years, dashes
      "5/29/97,1997-05-29", "29-05-1997,1997-05-29", "1997-05-29,1997-05-29", "11/15/12,2012-11-15",
      "2023-05-10T12:00:00Z,2023-05-10", "13/13/2020,NULL"})
  void publishersDatesBecomeIsoDates(String published, String iso) {
    assertEquals(iso, ExportDates.iso(published));
  }

  @org.junit.jupiter.api.Test
  void aDateThatReadsBothWaysIsAmbiguous() {
    org.junit.jupiter.api.Assertions.assertTrue(ExportDates.ambiguous("5/10/2023"));
    org.junit.jupiter.api.Assertions.assertFalse(ExportDates.ambiguous("5/29/97"));
    org.junit.jupiter.api.Assertions.assertFalse(ExportDates.ambiguous("5/5/2023"));
    org.junit.jupiter.api.Assertions.assertFalse(ExportDates.ambiguous("2023-05-10"));
  }
}
