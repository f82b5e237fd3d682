package org.tiptrends.jobs.malformed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tiptrends.jobs.malformed.MalformedInputTest.checkStatus;
import static org.tiptrends.jobs.malformed.MalformedInputTest.fail;
import static org.tiptrends.jobs.malformed.MalformedInputTest.gate;
import static org.tiptrends.jobs.malformed.MalformedInputTest.input;
import static org.tiptrends.jobs.malformed.MalformedInputTest.publish;
import static org.tiptrends.jobs.malformed.MalformedInputTest.publishedRun;
import static org.tiptrends.jobs.malformed.MalformedInputTest.sameMart;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.tiptrends.jobs.TestSupport;
import org.tiptrends.jobs.malformed.MalformedInputTest.Case;

/**
 * What the job must do with each case {@link RealCorpus} makes at run time. Expected figures are
 * read from the real files here, never from what the job wrote.
 */
final class RealCases {
  private RealCases() {}

  static List<Case> cases() {
    return List.of(
        // required sources, on the first run of a new marts root: the silent case of issue 17
        fail("made-unodc-empty-folder", "unodc", "required source missing: holds no GLOTIP exports (.xlsx, .csv); "
            + "every run needs its GLOTIP exports (.xlsx, .csv), or --allow-missing unodc to publish without it").onFirstRun(),
        fail("made-worldbank-missing-folder", null, "/worldbank: required source missing: no such folder; every run needs "
            + "its World Bank indicators (WDI .csv, data package folders), or --allow-missing worldbank to publish without it"),
        publish("made-ucdp-missing-allowed", null, 0, null, (run, base) -> {
          assertEquals(0, run.at("/outputs/conflict").asLong(), "the conflict mart is published empty");
          assertTrue(run.path("warnings").toString().contains("ucdp: no such folder (allowed by --allow-missing)"),
              run.path("warnings").toString());
          assertEquals("[\"ucdp\"]", run.path("allowed_missing_sources").toString());
          assertEquals(base.at("/outputs/victims_by_year"), run.at("/outputs/victims_by_year"));
        }).onFirstRun().allowing("ucdp"),

        // World Bank: two vintages side by side (the silent case of issue 17): the newer wins, no country-year twice
        publish("real-worldbank-two-vintages", null, 0, null, (run, base) -> {
          assertEquals(base.path("outputs"), run.path("outputs"), "as many indicator values and panel rows as one file gives");
          sameMart(run, base, "indicators", "source");
          sameMart(run, base, "country_year_panel");
          JsonNode o = run.at("/worldbank/overlaps/0");
          assertTrue(o.path("kept").asText().endsWith("_2023.csv") && o.path("set_aside").asText().endsWith("_2021.csv"), o.toString());
          assertEquals("newer vintage", o.path("rule").asText());
          assertEquals(gdpCells(2020), o.path("country_years").asLong(), "every country-year of the older file, up to 2020");
          assertEquals(1, run.at("/worldbank/overlaps").size());
        }),
        publish("real-worldbank-same-download-twice", null, 0, null, (run, base) -> {
          assertEquals(base.path("outputs"), run.path("outputs"));
          sameMart(run, base, "indicators", "source");
          assertEquals("identical values", run.at("/worldbank/overlaps/0/rule").asText());
          assertEquals(gdpCells(2021), run.at("/worldbank/overlaps/0/country_years").asLong());
        }),
        fail("real-worldbank-same-vintage-different-values", "API_a.csv", "and no vintage to tell which is newer "
            + "(API_a.csv's Last Updated Date is 2023-05-10; API_b.csv's Last Updated Date is 2023-05-10): keep one of the two files"),
        // a year header that is not a year (the silent case of issue 17), and a year column gone
        fail("real-worldbank-year-header-typo", RealCorpus.GDP_NAME, "header cell '2O15' at column BH (60) is not a year "
            + "(the World Bank header has one column per year: 1960, 1961, ...); fix the header"),
        fail("real-worldbank-year-column-missing", RealCorpus.GDP_NAME, "the year columns of the World Bank header go "
            + "from 2014 to 2016 at column BH (60): a year column is missing or misnamed; fix the header"),
        // a duplicate the vintage rule does not settle (one file): the unique_keys gate names the keys and the file
        gate("real-worldbank-country-row-twice", "data-quality check failed: unique_keys: indicators: " + chileCells()
            + " keys (year, iso3, indicator_code) on more than one row, e.g. (" + chileFirstYear()
            + ", CHL, NY.GDP.PCAP.CD) 2 times from World Bank, World Development Indicators (" + RealCorpus.GDP_NAME + ")"),
        publish("real-worldbank-population-two-layouts", null, 0, null, (run, base) -> {
          assertEquals(base.path("outputs"), run.path("outputs"), "no country-year twice");
          assertEquals(18_000_000.0, value(run, "country_year_panel", "population", "iso3 = 'CHL' AND year = 2015"),
              "the newer file's value");
          assertEquals(Double.parseDouble(population("CHL", "2014")),
              value(run, "country_year_panel", "population", "iso3 = 'CHL' AND year = 2014"));
          JsonNode o = run.at("/worldbank/overlaps/0");
          assertEquals(2, o.path("country_years").asLong(), o.toString());
          assertEquals(1, o.path("values_differ").asLong(), o.toString());
          assertEquals("2023-03-30", o.path("set_aside_vintage").asText());
        }),
        fail("real-worldbank-loose-population-csv", "population.csv", "a long-layout World Bank CSV (Country Code, Year, "
            + "Value) names no indicator: keep it in its data package folder, beside the datapackage.json that names it"),

        // GLOTIP: the real export as CSV in UTF-8 and in Windows-1252 gives the same marts
        publish("real-glotip-csv-utf8", RealCorpus.GLOTIP_CSV, 0, null, (run, base) -> {
          assertEquals(46_556, input(run, "data_glotip.csv").path("rows_read").asLong());
          assertEquals("UTF-8", input(run, "data_glotip.csv").path("encoding").asText());
        }),
        publish("real-glotip-csv-windows-1252", RealCorpus.GLOTIP_CSV, 0, null, RealCases::sameAsUtf8),
        fail("real-glotip-csv-two-encodings", "data_glotip.csv",
            "not a readable CSV file (mostly UTF-8, but with bytes that are not UTF-8 from line "),

        // UCDP/PRIO as other tools leave it: the same conflict mart
        publish("real-ucdp-pandas-resave", null, 0, null, (run, base) -> {
          sameMart(run, base, "conflict");
          assertEquals("21.1", input(run, "ucdp-prio-acd-211.csv").path("version").asText(), "22,1-style decimal comma read");
        }),
        publish("real-ucdp-only-the-columns-used", null, 0, null, (run, base) -> sameMart(run, base, "conflict")),
        publish("real-ucdp-windows-1252", null, 0, null, (run, base) -> {
          sameMart(run, base, "conflict");
          assertEquals("windows-1252", input(run, "ucdp-prio-acd-211.csv").path("encoding").asText());
        }),

        // ILOSTAT
        publish("real-ilo-table-csv-windows-1252", null, 0, null, (run, base) -> {
          sameMart(run, base, "sectors", "source_file"); // survey names such as "Domicílios" decoded right
          assertEquals("windows-1252", input(run, "CLD_XHAZ_SEX_AGE_ECO_NB_A_EN.csv").path("encoding").asText());
        }),
        // the same ILOSTAT table twice: no vintage rule here, so the unique_keys gate names the keys and both files
        gate("real-ilo-table-twice", "data-quality check failed: unique_keys: sectors: " + iloCellsOrNone()
            + " keys (year, geo_level, geo_code, indicator, sex, age_band, sector, survey) on more than one row, e.g. ("
            + " … 2 times from CLD_XHAZ_SEX_AGE_ECO_NB_A_EN (1).xlsx and CLD_XHAZ_SEX_AGE_ECO_NB_A_EN.xlsx"),
        publish("real-ilo-table-without-sex-and-age", null, 0, null, (run, base) -> {
          List<Row> rows = mart(run, "sectors").collectAsList();
          assertEquals(iloCells(r -> r.get(2).equals("Total") && r.get(3).equals("'5-17"), false), rows.size());
          for (Row r : rows) {
            assertEquals(List.of("total", "total", "not stated"), List.of(r.getAs("sex"), r.getAs("age_band"), r.getAs("unit")));
          }
          assertEquals(79049.106, value(run, "sectors", "value", "geo_code = 'WLD' AND sector = 'total'"), 1e-9);
        }).onFirstRun(),
        publish("real-ilo-bulk-real-column-order", null, 0, null, (run, base) -> {
          assertEquals(iloCells(r -> r.get(0).equals("World"), true), run.at("/outputs/sectors").asLong());
          assertEquals(48052.864, value(run, "sectors", "value",
              "geo_code = 'WLD' AND sex = 'total' AND age_band = '5-17' AND sector = 'agriculture'"), 1e-9);
        }).onFirstRun(),

        // what does not belong is skipped with a warning; the rest is published as before
        publish("real-unsupported-files", null, 0, null, (run, base) -> {
          assertEquals(base.path("outputs"), run.path("outputs"));
          List<String> skipped = new ArrayList<>();
          run.path("skipped_inputs").forEach(k -> skipped.add(k.path("path").asText().replaceAll(".*/real-unsupported-files/", "")
              + ": " + k.path("reason").asText()));
          assertEquals(List.of("unodc/README.pdf: not a format the GLOTIP reader reads (.xlsx, .csv)",
              "ilo/notes.txt: not a format the ILOSTAT reader reads (.xlsx, .csv)",
              "ucdp/old: a folder (the UCDP/PRIO reader reads the files directly in ucdp/)"), skipped);
          assertTrue(run.path("warnings").toString().contains("README.pdf: skipped: not a format the GLOTIP reader reads"),
              run.path("warnings").toString());
          assertEquals(base.path("inputs").size(), run.path("inputs").size(), "WDI metadata is no input either");
        }));
  }

  /** The Windows-1252 CSV reads exactly as the UTF-8 one: every mart, every citizenship figure. */
  static void sameAsUtf8(JsonNode run, JsonNode base) {
    JsonNode utf8 = publishedRun("real-glotip-csv-utf8");
    JsonNode in = input(run, "data_glotip.csv");
    assertEquals("windows-1252", in.path("encoding").asText());
    assertTrue(in.path("encoding_note").asText().startsWith("not UTF-8 (first at line "), in.toString());
    assertEquals(utf8.path("staged_rows"), run.path("staged_rows"));
    assertEquals(utf8.path("citizenship"), run.path("citizenship"));
    assertEquals(utf8.path("outputs"), run.path("outputs"));
    for (String mart : List.of("victims_by_year", "flows", "flow_shares", "country_year_panel")) {
      sameMart(run, utf8, mart);
    }
    assertEquals("pass", checkStatus(run, "citizenship_resolution"));
  }

  static org.apache.spark.sql.Dataset<Row> mart(JsonNode run, String mart) {
    return TestSupport.spark().read().parquet(MalformedInputTest.VERSION_DIRS.get(run.path("version").asText())
        .resolve(mart).toString());
  }

  static double value(JsonNode run, String mart, String column, String where) {
    List<Row> rows = mart(run, mart).filter(where).select(column).collectAsList();
    assertEquals(1, rows.size(), mart + " where " + where + ": " + rows);
    return rows.get(0).getDouble(0);
  }

  // ---- figures from the real files, read here --------------------------------------------------

  private static Path real(String file) {
    return org.tiptrends.jobs.Prerequisites.realDataIfPresent().orElseThrow().resolve(file);
  }

  private static List<List<String>> gdpRows() {
    try {
      List<List<String>> rows = RealCorpus.records(real(RealCorpus.GDP), StandardCharsets.UTF_8);
      return rows.subList(1, rows.size());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Country cells of the real GDP file with a value, 1960 to {@code lastYear}. */
  private static long gdpCells(int lastYear) {
    long n = 0;
    for (List<String> r : gdpRows()) {
      if (org.tiptrends.core.geo.ReferenceData.standard().country(r.get(1)).isPresent()) {
        for (int c = 4; c < 4 + lastYear - 1960 + 1; c++) {
          n += r.get(c).isEmpty() ? 0 : 1;
        }
      }
    }
    return n;
  }

  private static List<String> chile() {
    return gdpRows().stream().filter(r -> r.get(1).equals("CHL")).findFirst().orElseThrow();
  }

  /** Chile's GDP cells with a value (a placeholder where the real data are absent: the case is skipped). */
  private static long chileCells() {
    return org.tiptrends.jobs.Prerequisites.realDataIfPresent().isEmpty() ? -1 : chile().subList(4, chile().size()).stream().filter(v -> !v.isEmpty()).count();
  }

  private static int chileFirstYear() {
    if (org.tiptrends.jobs.Prerequisites.realDataIfPresent().isEmpty()) {
      return -1;
    }
    List<String> c = chile();
    for (int i = 4; i < c.size(); i++) {
      if (!c.get(i).isEmpty()) {
        return 1960 + i - 4;
      }
    }
    throw new AssertionError("no value for Chile");
  }

  private static String population(String iso3, String year) {
    try {
      return RealCorpus.records(real(RealCorpus.POPULATION + "/data/population.csv"), StandardCharsets.UTF_8).stream()
          .filter(r -> r.get(1).equals(iso3) && r.get(2).equals(year)).findFirst().orElseThrow().get(3);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long iloCellsOrNone() {
    return org.tiptrends.jobs.Prerequisites.realDataIfPresent().isEmpty() ? -1 : iloCells(r -> true, false);
  }

  /**
   * Non-empty sector cells of the real ILOSTAT table in the rows {@code keep} selects (area, source,
   * sex, age, time, sectors...); {@code firstFiveSectors} counts only Total to Not classified.
   */
  private static long iloCells(java.util.function.Predicate<List<String>> keep, boolean firstFiveSectors) {
    List<List<String>> rows = org.tiptrends.jobs.sources.ilo.IloTablesForTests.load(
        org.tiptrends.jobs.io.Location.local(real(RealCorpus.ILO)));
    int h = RealCorpus.headerRow(rows, "Reference area");
    List<String> header = rows.get(h);
    int time = header.indexOf("Time");
    long n = 0;
    for (List<String> r : rows.subList(h + 1, rows.size())) {
      if (r.size() <= time || !keep.test(r)) {
        continue;
      }
      for (int i = time + 1; i < Math.min(r.size(), firstFiveSectors ? time + 6 : header.size()); i++) {
        n += !r.get(i).isBlank() && !header.get(i).equals("Notes") && !header.get(i).isBlank() ? 1 : 0;
      }
    }
    return n;
  }
}
