package org.tiptrends.jobs.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tiptrends.core.geo.Country;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.jobs.sources.GeneratedSample;

/**
 * A World Development Indicators CSV in the layout the World Bank ships: UTF-8 BOM, the four
 * preamble lines, one column per year from 1960, a trailing empty column, aggregates (WLD, EUU,
 * AFE, HIC) beside countries, and empty cells where there is no estimate. GDP per capita levels
 * follow the rough order of magnitude of each M49 sub-region, deterministic per seed. The "Data
 * Source" line and every row's indicator name say it is generated ({@link GeneratedSample}); it has
 * no update date.
 */
public final class WdiGenerator {
  static final Map<String, Double> LOG_GDP_2003_BY_REGION = Map.of(
      "002", 6.6, "019", 8.4, "142", 7.9, "150", 9.6, "009", 8.2);
  static final String[][] AGGREGATES = {{"World", "WLD"}, {"European Union", "EUU"},
      {"Africa Eastern and Southern", "AFE"}, {"High income", "HIC"}};

  private WdiGenerator() {}

  public static Path write(Path outDir, long seed, int firstYear, int lastYear) throws IOException {
    Random random = new Random(seed);
    Path dir = Files.createDirectories(outDir.resolve("worldbank"));
    Path file = dir.resolve("API_NY.GDP.PCAP.CD_DS2_en_csv_v2_generated.csv");
    List<String> header = new ArrayList<>(List.of("Country Name", "Country Code", "Indicator Name", "Indicator Code"));
    for (int y = 1960; y <= lastYear; y++) {
      header.add(Integer.toString(y));
    }
    header.add("");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setQuoteMode(org.apache.commons.csv.QuoteMode.ALL)
            .setRecordSeparator('\n').get())) {
      w.write('\uFEFF');
      p.printRecord("Data Source", GeneratedSample.STATEMENT + " (in the layout of World Development Indicators)");
      p.println();
      p.printRecord("Last Updated Date", "");
      p.println();
      p.printRecord(header);
      List<Country> countries = ReferenceData.standard().countries().stream()
          .filter(c -> c.iso3() != null && c.regionCode() != null)
          .sorted(Comparator.comparing(Country::code)).toList();
      for (String[] agg : AGGREGATES) {
        p.printRecord(row(agg[0], agg[1], 8.5, firstYear, lastYear, random, 0));
      }
      for (Country c : countries) {
        double level = LOG_GDP_2003_BY_REGION.get(c.regionCode()) + random.nextGaussian() * 0.9;
        double missing = random.nextDouble() < 0.08 ? 1.0 : 0.03; // some countries have no estimates
        p.printRecord(row(c.name(), c.code(), level, firstYear, lastYear, random, missing));
      }
    }
    writePopulation(dir, seed, firstYear, lastYear);
    return file;
  }

  /**
   * {@code API_SP.POP.TOTL_..._generated.csv}: population in the same layout (the denominator of rates
   * per 100,000), from its own random stream so the GDP file does not change; about 5% of countries
   * have none, as Taiwan has none in the World Bank's data.
   */
  static Path writePopulation(Path dir, long seed, int firstYear, int lastYear) throws IOException {
    Random random = new Random(seed * 31 + 14);
    Path file = dir.resolve("API_SP.POP.TOTL_DS2_en_csv_v2_generated.csv");
    List<String> header = new ArrayList<>(List.of("Country Name", "Country Code", "Indicator Name", "Indicator Code"));
    for (int y = 1960; y <= lastYear; y++) {
      header.add(Integer.toString(y));
    }
    header.add("");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setQuoteMode(org.apache.commons.csv.QuoteMode.ALL)
            .setRecordSeparator('\n').get())) {
      w.write('\uFEFF');
      p.printRecord("Data Source", GeneratedSample.STATEMENT + " (in the layout of World Development Indicators)");
      p.println();
      p.printRecord("Last Updated Date", "");
      p.println();
      p.printRecord(header);
      for (Country c : ReferenceData.standard().countries().stream()
          .filter(c -> c.iso3() != null && c.regionCode() != null)
          .sorted(Comparator.comparing(Country::code)).toList()) {
        boolean none = random.nextDouble() < 0.05;
        double pop = Math.exp(Math.log(8e6) + random.nextGaussian() * 1.6);
        List<String> row = new ArrayList<>(List.of(c.name(), c.code(),
            "Population, total [" + GeneratedSample.STATEMENT + "]", "SP.POP.TOTL"));
        for (int y = 1960; y <= lastYear; y++) {
          if (none || y < firstYear) {
            row.add("");
          } else {
            pop *= 1.01 + random.nextGaussian() * 0.004;
            row.add(Long.toString(Math.round(pop)));
          }
        }
        row.add("");
        p.printRecord(row);
      }
    }
    return file;
  }

  private static List<String> row(String name, String code, double logLevel, int firstYear, int lastYear,
      Random random, double missingShare) {
    List<String> row = new ArrayList<>(List.of(name, code,
        "GDP per capita (current US$) [" + GeneratedSample.STATEMENT + "]", "NY.GDP.PCAP.CD"));
    double log = logLevel;
    for (int y = 1960; y <= lastYear; y++) {
      if (y < firstYear || random.nextDouble() < missingShare) {
        row.add("");
      } else {
        log += 0.02 + random.nextGaussian() * 0.05;
        row.add(String.format(Locale.ROOT, "%.6f", Math.exp(log)));
      }
    }
    row.add("");
    return row;
  }
}
