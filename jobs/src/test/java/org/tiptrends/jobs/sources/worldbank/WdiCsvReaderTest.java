package org.tiptrends.jobs.sources.worldbank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.sources.InputException;

class WdiCsvReaderTest {
  static final String HEADER = "\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"2017\",\"2018\",";

  static WorldBankFile read(Path f) {
    return new WdiCsvReader().read(Location.local(f));
  }

  @Test
  void readsThePreambleAndEveryCellOfTheYearColumns(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("API_x.csv");
    Files.writeString(f, "\uFEFF\"Data Source\",\"World Development Indicators\",\n\n"
        + "\"Last Updated Date\",\"2023-05-10\",\n\n" + HEADER + "\n"
        + "\"Spain\",\"ESP\",\"GDP per capita (current US$)\",\"NY.GDP.PCAP.CD\",\"28185.3\",\"30379.7\",\n"
        + "\"World\",\"WLD\",\"GDP per capita (current US$)\",\"NY.GDP.PCAP.CD\",\"10800\",\"11300\",\n"
        + "\"Chad\",\"TCD\",\"GDP per capita (current US$)\",\"NY.GDP.PCAP.CD\",\"\",\"n.a.\",\n", StandardCharsets.UTF_8);
    WorldBankFile r = read(f);
    assertEquals("2023-05-10", r.vintage().iso());
    assertEquals("Last Updated Date", r.vintage().from());
    assertEquals(3, r.rowsRead());
    // two year columns per row; the trailing empty column of every WDI line is no year
    assertEquals(6, r.cells().size());
    assertEquals(new WorldBankFile.Cell("ESP", "Spain", "NY.GDP.PCAP.CD", "GDP per capita (current US$)", 2018, "30379.7"),
        r.cells().get(1));
    assertEquals("n.a.", r.cells().get(5).text());
    assertEquals(List.of(), r.warnings());
    assertEquals("UTF-8 with BOM", r.input().details().get("encoding"));
  }

  @Test
  void aFileWithoutTheWorldBankHeaderIsAOneLineError(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("gdp.csv");
    Files.writeString(f, "country,gdp\nES,3\n");
    InputException e = assertThrows(InputException.class, () -> read(f));
    assertTrue(e.getMessage().startsWith(f + ": no World Bank header"), e.getMessage());
  }

  @Test
  void aLongLayoutCsvOutsideItsPackageNamesNoIndicator(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("population.csv");
    Files.writeString(f, "Country Name,Country Code,Year,Value\nSpain,ESP,2018,46797754\n");
    InputException e = assertThrows(InputException.class, () -> read(f));
    assertEquals(f + ": a long-layout World Bank CSV (Country Code, Year, Value) names no indicator: keep it in its "
        + "data package folder, beside the datapackage.json that names it", e.getMessage());
  }

  /** A header cell that looks like a year, or a break in the years, fails the file naming the column. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"2014\",\"2O15\",\"2016\"|header cell '2O15' at column F (6) is not a year",
      "\"2014\",\"2016\",\"2017\"|the year columns of the World Bank header go from 2014 to 2016 at column F (6): a year column is missing or misnamed",
      "\"2014\",\"2014\",\"2015\"|the year columns of the World Bank header go from 2014 to 2014 at column F (6): a year named twice",
      "\"2014\",\"\",\"2016\"|column F (6) of the World Bank header has no name but holds values ('2')"})
  void headerCellsTheReaderDoesNotUnderstandFailTheFile(String years, String problem, @TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("API_y.csv");
    Files.writeString(f, "\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\"," + years + ",\n"
        + "\"Spain\",\"ESP\",\"GDP\",\"NY.GDP.PCAP.CD\",\"1\",\"2\",\"3\",\n");
    InputException e = assertThrows(InputException.class, () -> read(f));
    assertTrue(e.getMessage().startsWith(f + ": " + problem), e.getMessage());
  }

  @Test
  void whatPandasAndDataBankWriteIsRead(@TempDir Path tmp) throws Exception {
    // pandas: an unnamed index column first, the trailing empty column as "Unnamed: 7"; DataBank's year labels;
    // a Notes column cannot be a misspelt year: skipped with a warning
    Path f = tmp.resolve("API_z.csv");
    Files.writeString(f, ",Country Name,Country Code,Indicator Name,Indicator Code,2017 [YR2017],YR2018,Notes,Unnamed: 8\r\n"
        + "0,Spain,ESP,GDP,NY.GDP.PCAP.CD,\"28185,3\",30379.7,revised,\r\n"
        + "1,Chile,CHL,GDP,NY.GDP.PCAP.CD,14999.1,15888.1,,\r\n");
    WorldBankFile r = read(f);
    assertEquals(List.of(2017, 2018, 2017, 2018), r.cells().stream().map(WorldBankFile.Cell::year).toList());
    assertEquals(List.of("28185,3", "30379.7", "14999.1", "15888.1"),
        r.cells().stream().map(WorldBankFile.Cell::text).toList(), "a decimal comma is not read as a number here");
    assertEquals(List.of(f + ": column H (8) 'Notes' is not a year column: skipped"), r.warnings());
    assertEquals("none", r.vintage().known() ? "known" : "none", "no preamble: no vintage");
  }

  @Test
  void theRealGdpFileReadsEveryYearColumnFrom1960To2021() {
    Path f = WorldBankSourceTest.realGdp();
    WorldBankFile r = read(f);
    List<Integer> years = r.cells().stream().map(WorldBankFile.Cell::year).distinct().sorted().toList();
    assertEquals(1960, years.get(0));
    assertEquals(2021, years.get(years.size() - 1));
    assertEquals(62, years.size());
    assertEquals(266, r.rowsRead(), "countries and aggregates, one row each");
    assertEquals(266 * 62, r.cells().size());
    assertEquals(List.of("NY.GDP.PCAP.CD"), r.cells().stream().map(WorldBankFile.Cell::indicatorCode).distinct()
        .collect(Collectors.toList()));
  }
}
