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
import org.tiptrends.core.counts.CountInterval;
import org.tiptrends.core.geo.Country;
import org.tiptrends.core.geo.ReferenceData;

/**
 * The benchmark's baseline: DuckDB (in-process) computing {@code victims_by_year} and
 * {@code flow_shares} from the same GLOTIP {@code .csv} files the job reads ({@code DIR/unodc/}),
 * with the job's rules written in SQL: {@code <5} is {@code core}'s interval (bounds and point from
 * {@code CountInterval.SUPPRESSED_UNDER_5}, not copied here), thousands separators,
 * the quarantine rules (unknown vocabulary, bad year, a value that is not a count, a Total row
 * whose category is not Total), non-country codes excluded, rows sharing a key summed, countries
 * aggregated to sub-region, region and world with {@code reporting_countries} and
 * {@code suppressed_only_countries}, and flow shares with bounds ({@code core}'s {@code Shares}).
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
    distinctValues();
    resolveLabels();
    t = lap("distinct values, labels resolved in Java", t);
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
   * The distinct values of each raw column, as tables of their own: in a subquery, DuckDB pushed
   * the rules' filters below the DISTINCT, back onto every row.
   */
  private void distinctValues() throws SQLException {
    for (String column : List.of("indicator", "age", "category", "dimension", "sex", "txtvalue", "year")) {
      exec("CREATE TEMP TABLE u_" + column + " AS SELECT DISTINCT " + column + " FROM raw");
    }
    exec("CREATE TEMP TABLE u_code AS SELECT DISTINCT iso3_code, country FROM raw");
  }

  /**
   * The Java half: distinct citizenship labels and code-less country names, resolved once each by
   * core's resolver, into two small tables DuckDB joins.
   */
  private void resolveLabels() throws SQLException {
    CitizenshipResolver resolver = CitizenshipResolver.standard();
    resolved("labels (label VARCHAR, kind VARCHAR, code VARCHAR)", "SELECT DISTINCT coalesce(category, '') FROM raw"
        + " WHERE dimension IN (SELECT dimension FROM u_dimension WHERE lower(jstrip(dimension)) = 'by citizenship')", label -> {
          Resolution r = resolver.resolve(label);
          return new String[] {label, r.kind().code(), r.code()};
        });
    ReferenceData reference = ReferenceData.standard();
    resolved("country_names (name VARCHAR, code VARCHAR)", "SELECT DISTINCT country FROM u_code"
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
    // Each rule is evaluated once per distinct raw value (a few thousand), not per row; the rows then
    // join the small tables on their raw text (distinctValues). Per row, the same SQL took 90 s at 10M rows.
    exec("""
        CREATE TEMP TABLE d_code AS SELECT iso3_code, country, c.code AS ccode, c.name AS country_name,
          c.region_code, c.subregion_code
        FROM u_code r
        LEFT JOIN country_names n
          ON n.name = CASE WHEN r.iso3_code IS NULL OR jstrip(r.iso3_code) = '' THEN r.country END
        JOIN countries c ON c.code = CASE WHEN r.iso3_code IS NULL OR jstrip(r.iso3_code) = '' THEN n.code
          ELSE jstrip(r.iso3_code) END
        """);
    exec("""
        CREATE TEMP TABLE d_dim AS SELECT dimension, CASE lower(jstrip(dimension)) WHEN 'total' THEN 'total'
          WHEN 'by form of exploitation' THEN 'form' WHEN 'by citizenship' THEN 'citizenship' END AS dim
        FROM u_dimension WHERE dim IS NOT NULL
        """);
    exec("""
        CREATE TEMP TABLE d_sex AS SELECT sex, lower(jstrip(sex)) AS s FROM u_sex
        WHERE lower(jstrip(sex)) IN ('total', 'female', 'male', 'other', 'unknown')
        """);
    exec("""
        CREATE TEMP TABLE d_age AS SELECT age, CASE lower(jstrip(age)) WHEN 'total' THEN 'total'
          WHEN '18 years or over' THEN 'adult' WHEN '0 to 17 years' THEN 'child' WHEN 'unknown' THEN 'unknown' END AS a
        FROM u_age WHERE a IS NOT NULL
        """);
    exec("""
        CREATE TEMP TABLE d_ind AS SELECT indicator FROM u_indicator
        WHERE lower(jstrip(indicator)) = 'detected trafficking victims'
        """);
    exec("""
        CREATE TEMP TABLE d_year AS SELECT year, y FROM (
          SELECT year, CASE WHEN ends_with(jstrip(year), '.0') THEN left(jstrip(year), length(jstrip(year)) - 2)
            ELSE jstrip(year) END AS t FROM u_year),
          LATERAL (SELECT CASE WHEN regexp_full_match(t, '\\d{4}') THEN CAST(t AS INTEGER) END AS y)
        WHERE y BETWEEN %d AND %d
        """.formatted(FIRST_YEAR, lastYear));
    CountInterval lt5 = CountInterval.SUPPRESSED_UNDER_5;
    exec("""
        CREATE TEMP TABLE d_value AS SELECT txtvalue, suppressed,
          CASE WHEN suppressed THEN %s ELSE num END AS low,
          CASE WHEN suppressed THEN %s ELSE num END AS high,
          CASE WHEN suppressed THEN %s ELSE num END AS point
        FROM (SELECT txtvalue, regexp_full_match(v, '<\\s*5') AS suppressed,
            CASE WHEN regexp_full_match(v, '\\d{1,3}(,\\d{3})+') THEN TRY_CAST(replace(v, ',', '') AS DOUBLE)
              WHEN regexp_full_match(v, '\\d+(\\.\\d+)?') THEN TRY_CAST(v AS DOUBLE) END AS num
          FROM (SELECT txtvalue, jstrip(txtvalue) AS v FROM u_txtvalue))
        WHERE suppressed OR (num IS NOT NULL AND num = floor(num))
        """.formatted(sql(lt5.low()), sql(lt5.high()), sql(lt5.point())));
    // the category by dimension: Total needs the Category Total, a form must be known, a
    // citizenship label goes through the resolver's table (TOTAL is no origin: excluded)
    exec("""
        CREATE TEMP TABLE d_cat AS
        SELECT 'total' AS dim, category, 'total' AS form FROM u_category
          WHERE lower(jstrip(coalesce(category, ''))) = 'total'
        UNION ALL
        SELECT 'form', category, CASE lower(jstrip(category)) WHEN 'sexual exploitation' THEN 'sexual_exploitation'
            WHEN 'forced labour' THEN 'forced_labour' WHEN 'forced labor' THEN 'forced_labour'
            WHEN 'other forms of exploitation' THEN 'other' END AS f
          FROM u_category WHERE f IS NOT NULL
        UNION ALL
        SELECT 'citizenship', r.category, 'total' FROM u_category r
          JOIN labels l ON l.label = coalesce(r.category, '') WHERE l.kind <> 'not_origin'
        """);
    exec("""
        CREATE TEMP TABLE ok AS
        SELECT y.y AS year, c.ccode AS iso3, c.country_name, c.region_code, c.subregion_code,
          d.dim AS dimension, s.s AS sex, a.a AS age, k.form, v.low, v.high, v.point, v.suppressed,
          CASE l.kind
            WHEN 'domestic' THEN 'domestic'
            WHEN 'country' THEN CASE WHEN l.code = c.ccode THEN 'domestic'
              WHEN oc.subregion_code = c.subregion_code THEN 'subregional'
              WHEN oc.region_code = c.region_code THEN 'regional' ELSE 'transregional' END
            WHEN 'subregion' THEN CASE WHEN l.code = c.subregion_code THEN 'subregional'
              WHEN sr.parent_code = c.region_code THEN 'regional' ELSE 'transregional' END
            WHEN 'region' THEN CASE WHEN l.code = c.region_code THEN 'foreign_unspecified' ELSE 'transregional' END
            WHEN 'foreign_unspecified' THEN 'foreign_unspecified'
            WHEN 'unknown' THEN 'unknown'
          END AS flow_type
        FROM raw r
        JOIN d_ind i ON i.indicator = r.indicator
        JOIN d_code c ON c.iso3_code IS NOT DISTINCT FROM r.iso3_code AND c.country IS NOT DISTINCT FROM r.country
        JOIN d_dim d ON d.dimension = r.dimension
        JOIN d_sex s ON s.sex = r.sex
        JOIN d_age a ON a.age = r.age
        JOIN d_year y ON y.year = r.year
        JOIN d_value v ON v.txtvalue = r.txtvalue
        JOIN d_cat k ON k.dim = d.dim AND k.category IS NOT DISTINCT FROM r.category
        -- joins on one key expression each: an extra condition in ON makes DuckDB loop (11 s at 1M rows)
        LEFT JOIN labels l ON l.label = CASE WHEN d.dim = 'citizenship' THEN coalesce(r.category, '') END
        LEFT JOIN countries oc ON oc.code = CASE WHEN l.kind = 'country' THEN l.code END
        LEFT JOIN regions sr ON sr.code = CASE WHEN l.kind = 'subregion' THEN l.code END
        """);
  }

  private void victimsByYear() throws SQLException {
    exec("""
        CREATE TEMP TABLE cells AS
        SELECT year, iso3, country_name, region_code, subregion_code, sex, age, form,
          sum(point) AS victims, sum(low) AS victims_low, sum(high) AS victims_high,
          CAST(bool_and(suppressed) AS INTEGER) AS all_suppressed
        FROM ok WHERE dimension IN ('total', 'form')
        GROUP BY year, iso3, country_name, region_code, subregion_code, sex, age, form
        """);
    exec("""
        CREATE TEMP TABLE victims_by_year AS
        SELECT year, 'country' AS geo_level, iso3 AS geo_code, country_name AS geo_name, sex, age, form,
          victims, victims_low, victims_high, 1 AS reporting_countries, all_suppressed AS suppressed_only_countries
        FROM cells
        UNION ALL
        SELECT year, 'world', 'WLD', 'World', sex, age, form, sum(victims), sum(victims_low),
          sum(victims_high), count(DISTINCT iso3), sum(all_suppressed)
        FROM cells GROUP BY year, sex, age, form
        UNION ALL
        SELECT c.year, 'region', c.region_code, any_value(g.name), c.sex, c.age, c.form, sum(c.victims),
          sum(c.victims_low), sum(c.victims_high), count(DISTINCT c.iso3), sum(c.all_suppressed)
        FROM cells c LEFT JOIN regions g ON g.code = c.region_code
        WHERE c.region_code IS NOT NULL GROUP BY c.year, c.region_code, c.sex, c.age, c.form
        UNION ALL
        SELECT c.year, 'subregion', c.subregion_code, any_value(g.name), c.sex, c.age, c.form, sum(c.victims),
          sum(c.victims_low), sum(c.victims_high), count(DISTINCT c.iso3), sum(c.all_suppressed)
        FROM cells c LEFT JOIN regions g ON g.code = c.subregion_code
        WHERE c.subregion_code IS NOT NULL GROUP BY c.year, c.subregion_code, c.sex, c.age, c.form
        """);
  }

  /**
   * Shares of known-origin victims with bounds as core's {@code Shares.of}: low = partLow /
   * (partLow + restHigh), high = partHigh / (partHigh + restLow), clamped around the point; an
   * empty extreme (the rest surely 0, or the part) gives 1 (or 0); no share where there are no
   * known-origin victims.
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
      String low = "CASE WHEN " + t + "_low + " + restHigh + " <= 0 THEN 1.0 ELSE " + t + "_low / (" + t + "_low + " + restHigh + ") END";
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
    long t = System.nanoTime();
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
    if (TRACE) {
      System.err.printf(Locale.ROOT, "  %6.2f s  %s%n", (System.nanoTime() - t) / 1e9,
          sql.strip().replaceAll("\\s+", " ").substring(0, Math.min(90, sql.strip().replaceAll("\\s+", " ").length())));
    }
  }

  /** TIPTRENDS_BENCH_TRACE=1: the time of every statement on stderr. */
  private static final boolean TRACE = System.getenv("TIPTRENDS_BENCH_TRACE") != null;

  Connection connection() {
    return db;
  }

  private long lap(String step, long since) {
    long now = System.nanoTime();
    timings.put(step, (now - since) / 1e9);
    return now;
  }

  /** A number as a SQL literal. */
  private static String sql(double v) {
    return Double.toString(v);
  }

  static String literal(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
