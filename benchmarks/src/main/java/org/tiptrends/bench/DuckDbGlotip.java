package org.tiptrends.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tiptrends.core.citizenship.CitizenshipResolver;
import org.tiptrends.core.citizenship.Resolution;
import org.tiptrends.core.geo.Country;
import org.tiptrends.core.geo.ReferenceData;

/**
 * The benchmark's baseline: DuckDB (in-process) computing {@code victims_by_year} and
 * {@code flow_shares} from the same GLOTIP {@code .csv} files the job reads ({@code DIR/unodc/}),
 * with the job's rules written in SQL: {@code <5} is [1, 4] point 2.5, thousands separators,
 * the quarantine rules (unknown vocabulary, bad year, a value that is not a count, a Total row
 * whose category is not Total), non-country codes excluded, rows sharing a key summed, countries
 * aggregated to sub-region, region and world with {@code reporting_countries}, and flow shares
 * with bounds ({@code core}'s {@code Shares}).
 *
 * <p>Two things stay Java, as in the job: free-text citizenship labels, and country names on rows
 * without a code, are resolved by {@code core}'s resolver. Only the distinct labels are resolved
 * (the job's resolver caches per label, so it too resolves each distinct label once) and DuckDB
 * gets the small label → origin table; flow types are then derived in SQL from the M49 tables.
 *
 * <p>Each input file is read once, into an in-memory table, as the job caches its staged rows.
 */
public final class DuckDbGlotip implements AutoCloseable {
  static final int MAX_PREAMBLE_ROWS = 20;
  static final int FIRST_YEAR = 1990;
  /**
   * The export's headers the two marts need; each column is named by its lowercased header in SQL
   * (the job's GlotipLayout knows them too, but loading it needs Spark on the class path).
   */
  static final List<String> HEADERS = List.of("Iso3_code", "Country", "Indicator", "Dimension", "Category",
      "Sex", "Age", "Year", "txtVALUE");

  private final Connection db;
  private final Path reference;
  private final Map<String, Double> timings = new LinkedHashMap<>();

  /**
   * @param reference the folder holding {@code m49_countries.csv} and {@code m49_regions.csv}
   * @param threads DuckDB worker threads, or 0 for DuckDB's default (every core)
   */
  public DuckDbGlotip(Path reference, int threads) throws SQLException {
    this.reference = reference;
    this.db = DriverManager.getConnection("jdbc:duckdb:");
    if (threads > 0) {
      exec("SET threads = " + threads);
    }
  }

  /** Seconds each step took, in order (for --verbose). */
  public Map<String, Double> timings() {
    return timings;
  }

  /** Reads, stages and aggregates; afterwards the tables {@code victims_by_year} and {@code flow_shares} exist. */
  public void compute(Path inputDir) throws SQLException {
    long t = System.nanoTime();
    loadReference();
    t = lap("reference tables", t);
    loadRaw(inputDir.resolve("unodc"));
    t = lap("read csv", t);
    resolveLabels();
    t = lap("resolve labels (Java)", t);
    stage();
    t = lap("stage", t);
    victimsByYear();
    t = lap("victims_by_year", t);
    flowShares();
    lap("flow_shares", t);
  }

  /** Writes both tables as Parquet, as the job publishes its marts. */
  public void write(Path outDir) throws SQLException, IOException {
    long t = System.nanoTime();
    Files.createDirectories(outDir);
    for (String table : List.of("victims_by_year", "flow_shares")) {
      exec("COPY " + table + " TO " + literal(outDir.resolve(table + ".parquet")) + " (FORMAT parquet)");
    }
    lap("write parquet", t);
  }

  public long rows(String table) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  private void loadReference() throws SQLException {
    // all text, as ReferenceData reads them: M49 codes keep their leading zeros
    exec("CREATE TEMP TABLE countries AS SELECT code, name, region_code, subregion_code FROM read_csv("
        + literal(reference.resolve("m49_countries.csv")) + ", header = true, all_varchar = true)");
    exec("CREATE TEMP TABLE regions AS SELECT code, name, parent_code FROM read_csv("
        + literal(reference.resolve("m49_regions.csv")) + ", header = true, all_varchar = true)");
    // Java's String.strip(): ASCII whitespace and separators; DuckDB's trim() strips spaces only
    exec("CREATE TEMP MACRO jstrip(x) AS trim(x, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)"
        + " || chr(28) || chr(29) || chr(30) || chr(31))");
  }

  private void loadRaw(Path unodc) throws SQLException {
    List<Path> files;
    try (Stream<Path> s = Files.list(unodc)) {
      files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
          && !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no .csv GLOTIP export in " + unodc + " (the baseline reads CSV only)");
    }
    List<String> selects = new ArrayList<>();
    for (Path f : files) {
      selects.add(selectRaw(f, locateHeader(f)));
    }
    exec("CREATE TEMP TABLE raw AS " + String.join(" UNION ALL ", selects));
  }

  /** A header found among the first lines: its line index, its width and where each column is. */
  record Header(int line, int width, Map<String, Integer> positions) {}

  static Header locateHeader(Path file) {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder));
        CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(in)) {
      int i = 0;
      for (CSVRecord r : parser) {
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int j = 0; j < r.size(); j++) {
          byName.putIfAbsent(key(r.get(j)), j);
        }
        if (byName.containsKey(key("Iso3_code")) || byName.containsKey(key("txtVALUE"))) {
          Map<String, Integer> positions = new LinkedHashMap<>();
          for (String header : HEADERS) {
            Integer pos = byName.get(key(header));
            if (pos == null) {
              throw new IllegalArgumentException(file + ": missing required column " + header);
            }
            positions.put(key(header), pos);
          }
          // a line index: the preamble and header are one line each (no quoted line breaks)
          return new Header(i, r.size(), positions);
        }
        if (++i >= MAX_PREAMBLE_ROWS) {
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalArgumentException(file + ": no GLOTIP header in the first " + MAX_PREAMBLE_ROWS + " rows");
  }

  private static String key(String header) {
    return header.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
  }

  /** One file's rows, all text (no type inference, like the job's fixed schema), under the header. */
  private static String selectRaw(Path file, Header h) {
    StringBuilder cols = new StringBuilder("{");
    for (int i = 0; i < h.width(); i++) {
      cols.append(i == 0 ? "" : ", ").append("'c").append(i).append("': 'VARCHAR'");
    }
    cols.append('}');
    List<String> picked = new ArrayList<>();
    h.positions().forEach((name, pos) -> picked.add("c" + pos + " AS " + name));
    return "SELECT " + String.join(", ", picked) + " FROM read_csv(" + literal(file)
        + ", header = false, skip = " + (h.line() + 1) + ", delim = ',', quote = '\"', escape = '\"'"
        + ", null_padding = true, columns = " + cols + ")";
  }

  /**
   * The Java half: distinct citizenship labels and code-less country names, resolved once each by
   * core's resolver, into two small tables DuckDB joins.
   */
  private void resolveLabels() throws SQLException {
    CitizenshipResolver resolver = CitizenshipResolver.standard();
    resolved("labels (label VARCHAR, kind VARCHAR, code VARCHAR)", "SELECT DISTINCT coalesce(category, '') FROM raw"
        + " WHERE lower(jstrip(dimension)) = 'by citizenship'", label -> {
          Resolution r = resolver.resolve(label);
          return new String[] {label, r.kind().code(), r.code()};
        });
    ReferenceData reference = ReferenceData.standard();
    resolved("country_names (name VARCHAR, code VARCHAR)", "SELECT DISTINCT country FROM raw"
        + " WHERE (iso3_code IS NULL OR jstrip(iso3_code) = '') AND country IS NOT NULL",
        name -> new String[] {name, reference.countryByName(name).map(Country::code).orElse(null)});
  }

  /** Creates {@code table} (name and columns) with one row per value {@code distinct} selects, as {@code resolve} maps it. */
  private void resolved(String table, String distinct, java.util.function.Function<String, String[]> resolve)
      throws SQLException {
    exec("CREATE TEMP TABLE " + table);
    int width = table.split(",").length;
    String name = table.substring(0, table.indexOf(' '));
    try (PreparedStatement ins = db.prepareStatement(
        "INSERT INTO " + name + " VALUES (" + String.join(", ", java.util.Collections.nCopies(width, "?")) + ")")) {
      for (String value : strings(distinct)) {
        String[] row = resolve.apply(value);
        for (int i = 0; i < row.length; i++) {
          ins.setString(i + 1, row[i]);
        }
        ins.addBatch();
      }
      ins.executeBatch();
    }
  }

  /**
   * The rows the two marts are built from: detected victims, by total, form or citizenship, that
   * the job stages as ok (a valid M49 country, known vocabulary, a year in range, a count).
   */
  private void stage() throws SQLException {
    int lastYear = Year.now(ZoneOffset.UTC).getValue();
    exec("""
        CREATE TEMP TABLE ok AS
        WITH r AS (
          SELECT
            CASE WHEN iso3_code IS NULL OR jstrip(iso3_code) = '' THEN n.code ELSE jstrip(iso3_code) END AS ccode,
            CASE lower(jstrip(dimension)) WHEN 'total' THEN 'total' WHEN 'by form of exploitation' THEN 'form'
              WHEN 'by citizenship' THEN 'citizenship' END AS dimension,
            CASE WHEN lower(jstrip(sex)) IN ('total', 'female', 'male', 'other', 'unknown') THEN lower(jstrip(sex)) END AS sex,
            CASE lower(jstrip(age)) WHEN 'total' THEN 'total' WHEN '18 years or over' THEN 'adult'
              WHEN '0 to 17 years' THEN 'child' WHEN 'unknown' THEN 'unknown' END AS age,
            category,
            CASE WHEN ends_with(jstrip(year), '.0') THEN left(jstrip(year), length(jstrip(year)) - 2)
              ELSE jstrip(year) END AS year_text,
            jstrip(txtvalue) AS v
          -- joins on one key expression each: an extra condition in ON makes DuckDB loop (measured 11 s at 1M rows)
          FROM raw LEFT JOIN country_names n
            ON n.name = CASE WHEN raw.iso3_code IS NULL OR jstrip(raw.iso3_code) = '' THEN raw.country END
          WHERE lower(jstrip(indicator)) = 'detected trafficking victims'
        ), parsed AS (
          SELECT r.*,
            regexp_full_match(v, '<\\s*5') AS suppressed,
            CASE WHEN regexp_full_match(v, '\\d{1,3}(,\\d{3})+') THEN TRY_CAST(replace(v, ',', '') AS DOUBLE)
              WHEN regexp_full_match(v, '\\d+(\\.\\d+)?') THEN TRY_CAST(v AS DOUBLE) END AS num,
            CASE WHEN regexp_full_match(year_text, '\\d{4}') THEN CAST(year_text AS INTEGER) END AS y,
            CASE dimension WHEN 'total' THEN CASE WHEN lower(jstrip(coalesce(category, ''))) = 'total' THEN 'total' END
              WHEN 'form' THEN CASE lower(jstrip(category)) WHEN 'sexual exploitation' THEN 'sexual_exploitation'
                WHEN 'forced labour' THEN 'forced_labour' WHEN 'forced labor' THEN 'forced_labour'
                WHEN 'other forms of exploitation' THEN 'other' END
              ELSE 'total' END AS form
          FROM r
        ), valid AS (
          SELECT p.*, c.name AS country_name, c.region_code, c.subregion_code
          FROM parsed p JOIN countries c ON c.code = p.ccode
          WHERE p.dimension IS NOT NULL AND p.sex IS NOT NULL AND p.age IS NOT NULL
            AND p.y BETWEEN %d AND %d
            AND (p.suppressed OR (p.num IS NOT NULL AND p.num = floor(p.num)))
            AND p.form IS NOT NULL
        )
        SELECT v.y AS year, v.ccode AS iso3, v.country_name, v.region_code, v.subregion_code,
          v.dimension, v.sex, v.age, v.form,
          CASE WHEN v.suppressed THEN 1.0 ELSE v.num END AS low,
          CASE WHEN v.suppressed THEN 4.0 ELSE v.num END AS high,
          CASE WHEN v.suppressed THEN 2.5 ELSE v.num END AS point,
          CASE l.kind
            WHEN 'domestic' THEN 'domestic'
            WHEN 'country' THEN CASE WHEN l.code = v.ccode THEN 'domestic'
              WHEN oc.subregion_code = v.subregion_code THEN 'subregional'
              WHEN oc.region_code = v.region_code THEN 'regional' ELSE 'transregional' END
            WHEN 'subregion' THEN CASE WHEN l.code = v.subregion_code THEN 'subregional'
              WHEN sr.parent_code = v.region_code THEN 'regional' ELSE 'transregional' END
            WHEN 'region' THEN CASE WHEN l.code = v.region_code THEN 'foreign_unspecified' ELSE 'transregional' END
            WHEN 'foreign_unspecified' THEN 'foreign_unspecified'
            WHEN 'unknown' THEN 'unknown'
          END AS flow_type
        FROM valid v
        LEFT JOIN labels l ON l.label = CASE WHEN v.dimension = 'citizenship' THEN coalesce(v.category, '') END
        LEFT JOIN countries oc ON oc.code = CASE WHEN l.kind = 'country' THEN l.code END
        LEFT JOIN regions sr ON sr.code = CASE WHEN l.kind = 'subregion' THEN l.code END
        -- a TOTAL row of the citizenship dimension is no origin: the job excludes it
        WHERE v.dimension <> 'citizenship' OR l.kind <> 'not_origin'
        """.formatted(FIRST_YEAR, lastYear));
  }

  private void victimsByYear() throws SQLException {
    exec("""
        CREATE TEMP TABLE cells AS
        SELECT year, iso3, country_name, region_code, subregion_code, sex, age, form,
          sum(point) AS victims, sum(low) AS victims_low, sum(high) AS victims_high
        FROM ok WHERE dimension IN ('total', 'form')
        GROUP BY year, iso3, country_name, region_code, subregion_code, sex, age, form
        """);
    exec("""
        CREATE TEMP TABLE victims_by_year AS
        SELECT year, 'country' AS geo_level, iso3 AS geo_code, country_name AS geo_name, sex, age, form,
          victims, victims_low, victims_high, 1 AS reporting_countries
        FROM cells
        UNION ALL
        SELECT year, 'world', 'WLD', 'World', sex, age, form, sum(victims), sum(victims_low),
          sum(victims_high), count(DISTINCT iso3)
        FROM cells GROUP BY year, sex, age, form
        UNION ALL
        SELECT c.year, 'region', c.region_code, any_value(g.name), c.sex, c.age, c.form, sum(c.victims),
          sum(c.victims_low), sum(c.victims_high), count(DISTINCT c.iso3)
        FROM cells c LEFT JOIN regions g ON g.code = c.region_code
        WHERE c.region_code IS NOT NULL GROUP BY c.year, c.region_code, c.sex, c.age, c.form
        UNION ALL
        SELECT c.year, 'subregion', c.subregion_code, any_value(g.name), c.sex, c.age, c.form, sum(c.victims),
          sum(c.victims_low), sum(c.victims_high), count(DISTINCT c.iso3)
        FROM cells c LEFT JOIN regions g ON g.code = c.subregion_code
        WHERE c.subregion_code IS NOT NULL GROUP BY c.year, c.subregion_code, c.sex, c.age, c.form
        """);
  }

  /**
   * Shares of known-origin victims with bounds as core's {@code Shares.of}: low = partLow /
   * (partLow + restHigh), high = partHigh / (partHigh + restLow), clamped around the point; no
   * share where there are no known-origin victims.
   */
  private void flowShares() throws SQLException {
    StringBuilder byType = new StringBuilder();
    for (String t : List.of("domestic", "subregional", "regional", "transregional", "foreign_unspecified", "unknown")) {
      for (String[] m : new String[][] {{"point", ""}, {"low", "_low"}, {"high", "_high"}}) {
        byType.append(", sum(CASE WHEN flow_type = '").append(t).append("' THEN ").append(m[0])
            .append(" ELSE 0.0 END) AS ").append(t).append(m[1]);
      }
    }
    StringBuilder shares = new StringBuilder();
    for (String t : List.of("domestic", "subregional", "regional", "transregional")) {
      String rest = "(k - " + t + ")";
      String restLow = "(k_low - " + t + "_low)";
      String restHigh = "(k_high - " + t + "_high)";
      String point = t + " / (" + t + " + " + rest + ")";
      String low = "CASE WHEN " + t + "_low + " + restHigh + " <= 0 THEN 0.0 ELSE " + t + "_low / (" + t + "_low + " + restHigh + ") END";
      String high = "CASE WHEN " + t + "_high + " + restLow + " <= 0 THEN 0.0 ELSE " + t + "_high / (" + t + "_high + " + restLow + ") END";
      String defined = "(" + t + " + " + rest + ") > 0";
      shares.append(",\n CASE WHEN ").append(defined).append(" THEN ").append(point).append(" END AS ").append(t).append("_share")
          .append(",\n CASE WHEN ").append(defined).append(" THEN least(").append(low).append(", ").append(point).append(") END AS ")
          .append(t).append("_share_low")
          .append(",\n CASE WHEN ").append(defined).append(" THEN greatest(").append(high).append(", ").append(point)
          .append(") END AS ").append(t).append("_share_high");
    }
    exec("CREATE TEMP TABLE flow_shares AS WITH t AS (SELECT year, iso3 AS destination_iso3" + byType
        + " FROM ok WHERE dimension = 'citizenship' GROUP BY year, iso3),"
        + " k AS (SELECT t.*, domestic + subregional + regional + transregional AS k,"
        + " domestic_low + subregional_low + regional_low + transregional_low AS k_low,"
        + " domestic_high + subregional_high + regional_high + transregional_high AS k_high FROM t)"
        + " SELECT year, destination_iso3, k AS known_origin_victims, k_low AS known_origin_low,"
        + " k_high AS known_origin_high" + shares
        + ",\n foreign_unspecified AS foreign_unspecified_victims, unknown AS unknown_origin_victims FROM k");
  }

  private List<String> strings(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }

  void exec(String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }

  Connection connection() {
    return db;
  }

  private long lap(String step, long since) {
    long now = System.nanoTime();
    timings.put(step, (now - since) / 1e9);
    return now;
  }

  static String literal(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
