package org.tiptrends.jobs.generate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.tiptrends.core.geo.Country;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.core.geo.ReferenceTables;
import org.tiptrends.jobs.sources.GeneratedSample;

/**
 * Deterministic GLOTIP-layout rows with the real export's kinds of mess: suppressed cells
 * ({@code <5}), thousands separators, citizenship written as aliases, demonyms, misspellings,
 * mojibake and lost characters, region labels, unknowns, a TOTAL row, sub-categories that share a
 * key, and aggregate codes with an empty Region. Like the export, it writes no value 0-4: a count
 * under 5, zero included, is {@code <5}. Every row's {@code Source} says it is generated sample data
 * ({@link GeneratedSample#STATEMENT}), so a run never takes it for UNODC's. Rows are produced one at
 * a time (constant memory), so 10M rows stream straight to disk. Past the real country-year grid it
 * starts another round over it (keys repeat, which the job sums).
 */
public final class GlotipGenerator {
  public static final List<String> HEADER = List.of("Iso3_code", "Country", "Region", "Subregion",
      "Indicator", "Dimension", "Category", "Sex", "Age", "Year", "Unit of measurement", "txtVALUE", "Source");
  static final String[][] AGGREGATES = {{"SAM", "South America"}, {"CAR", "Caribbean"},
      {"Aruba/Curacao", "Aruba/Curacao"}, {"CAS", "Central Asia"}};
  static final String[] DOMESTIC_LABELS = {"Nationals", "Ciudadanos de su pa\uFFFDs", "Nationals"};
  static final String[] UNKNOWN_LABELS = {"Unknown", "", "Desconocido", "NO DETERMINADA"};
  static final String[] REGION_LABELS = {"M49 Region: Africa", "M49 Region: Americas", "M49 Region: Asia",
      "European Economic Area"};

  private final Random random;
  /** Draws the criminal-justice and repatriation rows: a stream of its own keeps the victims' rows as they were. */
  private final Random justiceRandom;
  private final List<Country> countries;
  private final Map<String, List<String>> aliasesByCountry;
  private final int firstYear;
  private final int lastYear;
  private final double malformedShare;

  public GlotipGenerator(long seed, int firstYear, int lastYear, double malformedShare) {
    this.random = new Random(seed);
    this.justiceRandom = new Random(seed ^ 0x5DEECE66DL);
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.malformedShare = malformedShare;
    this.countries = ReferenceData.standard().countries().stream()
        .filter(c -> c.iso3() != null && c.regionCode() != null)
        .sorted(Comparator.comparing(Country::code)).toList();
    this.aliasesByCountry = loadAliases();
  }

  private static Map<String, List<String>> loadAliases() {
    Map<String, List<String>> m = new TreeMap<>();
    try (Reader r = ReferenceTables.open("citizenship_aliases.csv")) {
      for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        if ("country".equals(rec.get("kind"))) {
          m.computeIfAbsent(rec.get("target"), k -> new ArrayList<>()).add(rec.get("alias"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }

  /** Rows one reporting country-year yields, on average (measured on the generator's output). */
  static final double ROWS_PER_COUNTRY_YEAR = 35;

  /** Emits exactly {@code rows} data rows (the header and preamble are the writer's). */
  public void generate(long rows, Consumer<List<String>> sink) {
    // spread the rows over every requested year: fewer countries report when fewer rows are asked
    double reporting = Math.max(0.02, Math.min(0.9,
        rows / ((lastYear - firstYear + 1) * (double) countries.size() * ROWS_PER_COUNTRY_YEAR)));
    long written = 0;
    while (written < rows) {
      for (int year = firstYear; year <= lastYear && written < rows; year++) {
        for (Country c : countries) {
          if (written >= rows) {
            break;
          }
          if (random.nextDouble() > reporting) {
            continue; // not every country reports every year, as in the real data
          }
          List<List<String>> batch = countryYear(c, year);
          for (List<String> row : batch) {
            if (written++ >= rows) {
              break;
            }
            sink.accept(row);
          }
        }
        if (written < rows && random.nextDouble() < 0.5) {
          String[] agg = AGGREGATES[random.nextInt(AGGREGATES.length)];
          sink.accept(row(agg[0], agg[1], "", "", "Detected trafficking victims", "Total", "Total",
              "Total", "Total", year, value(20 + random.nextInt(400))));
          written++;
        }
      }
    }
  }

  private List<List<String>> countryYear(Country c, int year) {
    List<List<String>> out = new ArrayList<>();
    int total = (int) Math.round(Math.exp(1 + random.nextGaussian() * 1.4 + 3));
    double femaleShare = 0.4 + 0.45 * random.nextDouble();
    double childShare = 0.1 + 0.45 * random.nextDouble();
    int female = (int) Math.round(total * femaleShare);
    int male = total - female;
    int femaleChild = (int) Math.round(female * childShare);
    int maleChild = (int) Math.round(male * childShare);
    String v = "Detected trafficking victims";
    out.add(row(c, v, "Total", "Total", "Total", "Total", year, value(total)));
    out.add(row(c, v, "Total", "Total", "Female", "Total", year, value(female)));
    out.add(row(c, v, "Total", "Total", "Male", "Total", year, value(male)));
    out.add(row(c, v, "Total", "Total", "Female", "18 years or over", year, value(female - femaleChild)));
    out.add(row(c, v, "Total", "Total", "Female", "0 to 17 years", year, value(femaleChild)));
    out.add(row(c, v, "Total", "Total", "Male", "18 years or over", year, value(male - maleChild)));
    out.add(row(c, v, "Total", "Total", "Male", "0 to 17 years", year, value(maleChild)));
    out.add(row(c, v, "Total", "Total", "Total", "18 years or over", year,
        value(female - femaleChild + male - maleChild)));
    out.add(row(c, v, "Total", "Total", "Total", "0 to 17 years", year, value(femaleChild + maleChild)));
    if (random.nextDouble() < 0.2) {
      out.add(row(c, v, "Total", "Total", "Unknown", "Unknown", year, value(1 + random.nextInt(8))));
    }
    int sexual = (int) Math.round(total * (0.2 + 0.5 * random.nextDouble()));
    int labour = (int) Math.round((total - sexual) * random.nextDouble());
    int other = total - sexual - labour;
    String f = "by form of exploitation";
    out.add(row(c, v, f, "Sexual exploitation", "Total", "Total", year, value(sexual)));
    out.add(row(c, v, f, "Forced labour", "Total", "Total", year, value(labour)));
    if (other > 3 && random.nextDouble() < 0.3) {
      int part = other / 3; // the export lists sub-forms of "other" as rows sharing one key
      out.add(row(c, v, f, "Other forms of exploitation", "Total", "Total", year, value(part)));
      out.add(row(c, v, f, "Other forms of exploitation", "Total", "Total", year, value(other - part)));
    } else {
      out.add(row(c, v, f, "Other forms of exploitation", "Total", "Total", year, value(other)));
    }
    out.add(row(c, v, f, "Sexual exploitation", "Female", "18 years or over", year,
        value((int) Math.round(sexual * femaleShare * (1 - childShare)))));
    out.addAll(citizenship(c, year, total));
    out.addAll(justice(c, year, total, random.nextInt(1 + total / 4)));
    if (random.nextDouble() < malformedShare) {
      out.add(row(c, v, "Total", "Total", "Total", "Total", year, random.nextBoolean() ? "n/a" : "-3"));
    }
    return out;
  }

  /**
   * The criminal-justice response of one country-year, as the export lays it out: persons brought
   * into formal contact, prosecuted and convicted in total and by sex (more rarely by age, or of
   * unknown or other sex), convictions by form of exploitation and, from 2017 on as in the export,
   * by citizenship (Nationals, foreign countries written as freely as victims' citizenship,
   * unknowns, now and then a TOTAL row); offences; and victims by country of repatriation, with the
   * "Abroad" row that from 2017 on sums the countries named. Not every country-year reports each.
   */
  private List<List<String>> justice(Country c, int year, int detected, int convicted) {
    Random r = justiceRandom;
    List<List<String>> out = new ArrayList<>();
    out.addAll(bySex(c, "Persons convicted", year, convicted));
    if (r.nextDouble() < 0.65) {
      int prosecuted = convicted + r.nextInt(1 + convicted + detected / 4);
      int contact = prosecuted + r.nextInt(1 + prosecuted);
      out.addAll(bySex(c, "Persons brought into formal contact", year, contact));
      out.addAll(bySex(c, "Persons prosecuted", year, prosecuted));
    }
    if (r.nextDouble() < 0.4) {
      out.add(row(c, "Offences of trafficking in persons", "Total", "Total", "Total", "Total", year,
          value(convicted + r.nextInt(1 + 2 * convicted))));
    }
    if (r.nextDouble() < 0.5) {
      int sexual = (int) Math.round(convicted * r.nextDouble());
      int labour = (int) Math.round((convicted - sexual) * r.nextDouble());
      String f = "by form of exploitation";
      out.add(row(c, "Persons convicted", f, "Sexual exploitation", "Total", "Total", year, value(sexual)));
      out.add(row(c, "Persons convicted", f, "Forced labour", "Total", "Total", year, value(labour)));
      out.add(row(c, "Persons convicted", f, "Other forms of exploitation", "Total", "Total", year,
          value(convicted - sexual - labour)));
    }
    if (year >= 2017 && r.nextDouble() < 0.5) {
      String dim = "by citizenship";
      int nationals = (int) Math.round(convicted * (0.4 + 0.6 * r.nextDouble()));
      out.add(row(c, "Persons convicted", dim, pick(r, DOMESTIC_LABELS), "Total", "Total", year, value(nationals)));
      int left = convicted - nationals;
      for (int i = 0, n = 1 + r.nextInt(2); i < n && left > 0; i++) {
        int part = i == n - 1 ? left : (int) Math.round(left * r.nextDouble());
        left -= part;
        out.add(row(c, "Persons convicted", dim, label(r, nearbyOrigin(r, c)), "Total", "Total", year,
            value(part)));
      }
      if (r.nextDouble() < 0.2) {
        out.add(row(c, "Persons convicted", dim, pick(r, UNKNOWN_LABELS), "Total", "Total", year,
            value(1 + r.nextInt(6))));
      }
      if (r.nextDouble() < 0.1) {
        out.add(row(c, "Persons convicted", dim, "TOTAL", "Total", "Total", year, value(convicted)));
      }
    }
    if (r.nextDouble() < 0.3) {
      String dim = "by country of repatriation";
      String v = "Detected trafficking victims";
      int abroad = 0;
      for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
        Country to = nearbyOrigin(r, c);
        if (to.code().equals(c.code())) {
          continue;
        }
        int n2 = (int) Math.round(detected * 0.2 * r.nextDouble());
        abroad += n2;
        out.add(row(c, v, dim, label(r, to), "Total", "Total", year, value(n2)));
      }
      if (year >= 2017 && abroad > 0) {
        out.add(row(c, v, dim, "Abroad", "Total", "Total", year, value(abroad)));
      }
      if (r.nextDouble() < 0.2) {
        out.add(row(c, v, dim, "Nationals", "Total", "Total", year, value(r.nextInt(10))));
      }
    }
    return out;
  }

  /** A measure in total and by sex, sometimes with its age split or persons of unknown sex. */
  private List<List<String>> bySex(Country c, String indicator, int year, int total) {
    Random r = justiceRandom;
    int female = (int) Math.round(total * (0.1 + 0.4 * r.nextDouble()));
    List<List<String>> out = new ArrayList<>();
    out.add(row(c, indicator, "Total", "Total", "Total", "Total", year, value(total)));
    out.add(row(c, indicator, "Total", "Total", "Female", "Total", year, value(female)));
    out.add(row(c, indicator, "Total", "Total", "Male", "Total", year, value(total - female)));
    if (r.nextDouble() < 0.2) {
      int girls = (int) Math.round(female * 0.2 * r.nextDouble());
      out.add(row(c, indicator, "Total", "Total", "Female", "18 years or over", year, value(female - girls)));
      out.add(row(c, indicator, "Total", "Total", "Female", "0 to 17 years", year, value(girls)));
    }
    if (r.nextDouble() < 0.05) {
      out.add(row(c, indicator, "Total", "Total", "Unknown", "Unknown", year, value(1 + r.nextInt(6))));
    }
    return out;
  }

  private List<List<String>> citizenship(Country c, int year, int total) {
    List<List<String>> out = new ArrayList<>();
    String dim = "by citizenship";
    String v = "Detected trafficking victims";
    int left = total;
    int domestic = (int) Math.round(total * random.nextDouble() * 0.7);
    out.add(row(c, v, dim, pick(random, DOMESTIC_LABELS), "Total", "Total", year, value(domestic)));
    left -= domestic;
    int origins = 1 + random.nextInt(4);
    for (int i = 0; i < origins && left > 0; i++) {
      Country from = nearbyOrigin(random, c);
      int n = i == origins - 1 ? left : (int) Math.round(left * random.nextDouble());
      left -= n;
      out.add(row(c, v, dim, label(random, from), "Total", "Total", year, value(n)));
    }
    if (random.nextDouble() < 0.15) {
      out.add(row(c, v, dim, pick(random, REGION_LABELS), "Total", "Total", year, value(1 + random.nextInt(6))));
    }
    if (random.nextDouble() < 0.2) {
      out.add(row(c, v, dim, pick(random, UNKNOWN_LABELS), "Total", "Total", year, value(1 + random.nextInt(5))));
    }
    if (random.nextDouble() < 0.1) {
      out.add(row(c, v, dim, "TOTAL", "Total", "Total", year, value(total)));
    }
    return out;
  }

  /** Mostly the same sub-region or region, as detected flows are. */
  private Country nearbyOrigin(Random random, Country destination) {
    double p = random.nextDouble();
    List<Country> pool = p < 0.5
        ? countries.stream().filter(x -> x.subregionCode().equals(destination.subregionCode())).toList()
        : p < 0.75 ? countries.stream().filter(x -> x.regionCode().equals(destination.regionCode())).toList()
        : countries;
    return pool.get(random.nextInt(pool.size()));
  }

  /** The way a country's name is written in a citizenship cell, including the export's mess. */
  private String label(Random random, Country c) {
    double p = random.nextDouble();
    List<String> aliases = aliasesByCountry.getOrDefault(c.code(), List.of());
    if (p < 0.55 || aliases.isEmpty()) {
      return c.name();
    }
    String alias = aliases.get(random.nextInt(aliases.size()));
    if (p < 0.8) {
      return alias;
    }
    if (p < 0.87) {
      return alias.toUpperCase(Locale.ROOT);
    }
    if (p < 0.92) {
      // UTF-8 bytes read as Latin-1 ("CÃ´te d'Ivoire")
      return new String(c.name().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
    if (p < 0.96) {
      return c.name().replaceAll("[^\\x00-\\x7F]", "\uFFFD"); // a character lost in an export
    }
    return misspell(random, c.name());
  }

  /** Swaps two inner letters of a long name: a typo a bounded fuzzy match should catch. */
  private String misspell(Random random, String name) {
    if (name.length() < 9 || !name.chars().allMatch(ch -> Character.isLetter(ch) || ch == ' ')) {
      return name;
    }
    int i = 2 + random.nextInt(name.length() - 5);
    char[] a = name.toCharArray();
    char t = a[i];
    a[i] = a[i + 1];
    a[i + 1] = t;
    return new String(a);
  }

  private static String pick(Random random, String[] options) {
    return options[random.nextInt(options.length)];
  }

  /** A count as the export writes it: nothing under 5 is shown, not even 0. */
  static String value(int n) {
    if (n < 5) {
      return "<5";
    }
    return n >= 1000 ? String.format(Locale.ROOT, "%,d", n) : Integer.toString(n);
  }

  private static List<String> row(Country c, String indicator, String dimension, String category,
      String sex, String age, int year, String value) {
    return row(c.code(), c.name(), c.regionName(), c.subregionName(), indicator, dimension, category,
        sex, age, year, value);
  }

  private static List<String> row(String code, String name, String region, String subregion,
      String indicator, String dimension, String category, String sex, String age, int year, String value) {
    return List.of(code, name, region, subregion, indicator, dimension, category, sex, age,
        Integer.toString(year), "Counts", value, GeneratedSample.STATEMENT);
  }
}
