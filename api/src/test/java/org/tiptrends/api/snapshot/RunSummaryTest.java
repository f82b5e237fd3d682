package org.tiptrends.api.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
  @Test
  void aDataPackageInputCarriesItsTitleLicenceAndVersionToMeta() throws Exception {
    // two inputs of run.json as the job writes them: a WDI file, and a data package's CSV resource
    RunSummary r = RunSummary.of(new ObjectMapper().readTree("""
        {"inputs": [
          {"source": "worldbank", "path": "/in/worldbank/API_NY.GDP.PCAP.CD_DS2_en_csv_v2.csv", "format": "csv",
           "sha256": "ab", "bytes": 10, "rows_read": 266, "publisher": "World Bank, World Development Indicators",
           "export_date": null, "encoding": "UTF-8 with BOM"},
          {"source": "worldbank", "path": "/in/worldbank/population/data/population.csv", "format": "csv",
           "sha256": "cd", "bytes": 20, "rows_read": 17195, "publisher": "World Bank, data package population",
           "export_date": "2023-03-30", "encoding": "UTF-8", "title": "Population figures",
           "license": "ODC-PDDL-1.0", "version": "2023-03-30", "last_updated": "2023-05-04"}]}"""));
    RunSummary.Input wdi = r.inputs().get(0);
    RunSummary.Input pkg = r.inputs().get(1);
    assertEquals("population.csv", pkg.file());
    assertEquals(List.of("Population figures", "ODC-PDDL-1.0", "2023-03-30", "World Bank, data package population"),
        List.of(pkg.title(), pkg.license(), pkg.version(), pkg.publisher()));
    assertNull(wdi.title(), "a file that states none has none");
    assertNull(wdi.license());
  }
}
