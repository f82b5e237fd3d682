package org.tiptrends.jobs.staging;

import java.time.Year;
import java.util.Iterator;
import java.util.Optional;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.tiptrends.core.citizenship.CitizenshipResolver;
import org.tiptrends.core.citizenship.OriginKind;
import org.tiptrends.core.citizenship.Resolution;
import org.tiptrends.core.counts.CountInterval;
import org.tiptrends.core.flows.Flow;
import org.tiptrends.core.geo.Country;
import org.tiptrends.core.geo.ReferenceData;

/**
 * Raw GLOTIP rows → {@link StagedGlotip} rows, in one pass. Each row is checked in this order:
 * is the code an M49 country or area (else an excluded aggregate), are indicator, dimension,
 * breakdowns, year and value valid (else quarantined with the reason), and for citizenship and
 * country-of-repatriation rows, what place the label names (the {@code origin_*} and
 * {@code flow_type} columns: for a repatriation row, the country of repatriation). Runs on
 * executors; reference data and the resolver are loaded from the classpath once per JVM.
 */
public final class GlotipStager implements MapPartitionsFunction<Row, Row> {
  static final int FIRST_YEAR = 1990;
  // compiled once: String.matches compiled the pattern again for every row (10M rows in the benchmark)
  private static final java.util.regex.Pattern FOUR_DIGITS = java.util.regex.Pattern.compile("\\d{4}");
  private final int lastYear;

  public GlotipStager(int lastYear) {
    this.lastYear = lastYear;
  }

  public static Dataset<Row> stage(Dataset<Row> raw) {
    return raw.mapPartitions(new GlotipStager(Year.now(java.time.ZoneOffset.UTC).getValue()),
        Encoders.row(StagedGlotip.SCHEMA));
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    ReferenceData reference = ReferenceData.standard();
    CitizenshipResolver resolver = CitizenshipResolver.standard();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        return stageRow(rows.next(), reference, resolver);
      }
    };
  }

  /** Stages one raw row (fields by name of {@code GlotipLayout.RAW_SCHEMA}). */
  Row stageRow(Row raw, ReferenceData reference, CitizenshipResolver resolver) {
    Staged s = new Staged(raw);
    Optional<Country> country = blank(s.rawCode)
        ? reference.countryByName(s.rawCountry)
        : reference.country(s.rawCode);
    if (country.isEmpty()) {
      return s.status(StagedGlotip.EXCLUDED_AGGREGATE,
          "not an M49 country or area: " + (blank(s.rawCode) ? s.rawCountry : s.rawCode));
    }
    Country c = country.get();
    s.iso3 = c.code();
    s.countryName = c.name();
    s.regionCode = c.regionCode();
    s.subregionCode = c.subregionCode();

    s.measure = GlotipVocabulary.lookup(GlotipVocabulary.INDICATORS, field(raw, "indicator"));
    if (s.measure == null) {
      return s.quarantine("unknown Indicator '" + field(raw, "indicator") + "'");
    }
    s.dimension = GlotipVocabulary.lookup(GlotipVocabulary.DIMENSIONS, field(raw, "dimension"));
    if (s.dimension == null) {
      return s.quarantine("unknown Dimension '" + field(raw, "dimension") + "'");
    }
    s.sex = GlotipVocabulary.lookup(GlotipVocabulary.SEX, field(raw, "sex"));
    if (s.sex == null) {
      return s.quarantine("unknown Sex '" + field(raw, "sex") + "'");
    }
    s.age = GlotipVocabulary.lookup(GlotipVocabulary.AGE, field(raw, "age"));
    if (s.age == null) {
      return s.quarantine("unknown Age '" + field(raw, "age") + "'");
    }
    String year = field(raw, "year");
    Integer y = parseYear(year);
    if (y == null) {
      return s.quarantine("invalid Year '" + year + "'");
    }
    if (y > lastYear) {
      return s.quarantine("Year in the future: " + y);
    }
    if (y < FIRST_YEAR) {
      return s.quarantine("Year before " + FIRST_YEAR + ": " + y);
    }
    s.year = y;
    CountInterval.ParseResult value = CountInterval.parse(s.rawValue);
    if (!value.ok()) {
      return s.quarantine("txtVALUE: " + value.error());
    }
    s.value = value.value();

    String category = field(raw, "category");
    s.category = category;
    switch (s.dimension) {
      case "total" -> {
        s.form = "total";
        if (!"total".equalsIgnoreCase(category == null ? "" : category.strip())) {
          return s.quarantine("unexpected Category '" + category + "' for Dimension Total");
        }
      }
      case "form" -> {
        s.form = GlotipVocabulary.lookup(GlotipVocabulary.FORMS, category);
        if (s.form == null) {
          return s.quarantine("unknown form of exploitation '" + category + "'");
        }
      }
      case "citizenship", "repatriation" -> {
        s.form = "total";
        s.category = category == null ? "" : category; // an empty cell is one label, whatever the format
        // the same resolver reads both: a country of repatriation is written as freely as a citizenship
        Resolution r = resolver.resolve(category);
        s.resolutionMethod = r.method();
        s.originKind = r.kind().code();
        if (r.kind() == OriginKind.NOT_ORIGIN) {
          return s.status(StagedGlotip.EXCLUDED_NOT_ORIGIN, s.dimension + " total row, not an origin");
        }
        if (s.dimension.equals("repatriation") && GlotipVocabulary.isRepatriationTotal(category)) {
          return s.status(StagedGlotip.EXCLUDED_NOT_ORIGIN, "repatriation total row ('" + category.strip()
              + "': all countries of repatriation), not a country");
        }
        Flow flow = Flow.classify(c, r, reference);
        s.originCode = flow.originCode();
        s.originLevel = flow.originLevel();
        s.flowType = flow.type().code();
      }
      default -> s.form = "total";
    }
    return s.status(StagedGlotip.OK, null);
  }

  static Integer parseYear(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    if (t.endsWith(".0")) {
      t = t.substring(0, t.length() - 2);
    }
    if (!FOUR_DIGITS.matcher(t).matches()) {
      return null;
    }
    return Integer.parseInt(t);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String field(Row row, String name) {
    return row.getString(row.fieldIndex(name));
  }

  /** The staged row being built. */
  private static final class Staged {
    final String sourceFile;
    final Long sourceRow;
    final String rawCode;
    final String rawCountry;
    final String rawValue;
    String iso3;
    String countryName;
    String regionCode;
    String subregionCode;
    Integer year;
    String measure;
    String dimension;
    String sex;
    String age;
    String form;
    String category;
    String resolutionMethod;
    String originKind;
    String originCode;
    String originLevel;
    String flowType;
    CountInterval value;

    Staged(Row raw) {
      sourceFile = field(raw, "source_file");
      int rowIdx = raw.fieldIndex("source_row");
      sourceRow = raw.isNullAt(rowIdx) ? null : raw.getLong(rowIdx);
      rawCode = field(raw, "iso3_code");
      rawCountry = field(raw, "country");
      rawValue = field(raw, "txt_value");
    }

    Row quarantine(String reason) {
      return status(StagedGlotip.QUARANTINED, reason);
    }

    Row status(String status, String reason) {
      boolean ok = StagedGlotip.OK.equals(status) || StagedGlotip.EXCLUDED_NOT_ORIGIN.equals(status);
      CountInterval v = ok ? value : null;
      return RowFactory.create(status, reason, sourceFile, sourceRow, rawCode, rawCountry, rawValue,
          iso3, countryName, regionCode, subregionCode, year, measure, dimension, sex, age, form,
          category, resolutionMethod, originKind, originCode, originLevel, flowType,
          v == null ? null : v.low(), v == null ? null : v.high(), v == null ? null : v.point(),
          v == null ? null : v.suppressed());
    }
  }
}
