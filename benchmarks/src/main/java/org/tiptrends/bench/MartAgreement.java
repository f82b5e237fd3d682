package org.tiptrends.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the job's published {@code victims_by_year} and {@code flow_shares} (the version
 * {@code CURRENT} names) with DuckDB's, in DuckDB reading both Parquet sets: the same rows by key
 * (none missing, none extra, no duplicate key), the same names and coverage (reporting and
 * suppressed-only countries), and every number within 1e-9 (counts are sums of whole numbers, so
 * in practice exactly equal); a number on one side and NULL on the other (a share without a
 * denominator) is a difference.
 */
public final class MartAgreement {
  static final double TOLERANCE = 1e-9;

  /** What was compared and every difference found (at most a few examples per mart). */
  public record Report(List<String> lines, List<String> differences) {
    public boolean agree() {
      return differences.isEmpty();
    }
  }

  private record Spec(String mart, List<String> keys, List<String> exact, List<String> numbers) {}

  private static final List<Spec> SPECS = List.of(
      new Spec("victims_by_year", List.of("year", "geo_level", "geo_code", "sex", "age", "form"),
          List.of("geo_name", "reporting_countries", "suppressed_only_countries"),
          List.of("victims", "victims_low", "victims_high")),
      new Spec("flow_shares", List.of("year", "destination_iso3"), List.of(),
          List.of("known_origin_victims", "known_origin_low", "known_origin_high",
              "domestic_share", "domestic_share_low", "domestic_share_high",
              "subregional_share", "subregional_share_low", "subregional_share_high",
              "regional_share", "regional_share_low", "regional_share_high",
              "transregional_share", "transregional_share_low", "transregional_share_high",
              "foreign_unspecified_victims", "unknown_origin_victims")));

  private MartAgreement() {}

  /** The published version directory that {@code marts/CURRENT} names. */
  public static Path currentVersion(Path martsRoot) throws IOException {
    return martsRoot.resolve(Files.readString(martsRoot.resolve("CURRENT")).strip());
  }

  /**
   * @param martsRoot the job's {@code --marts} root
   * @param duckDir where {@link DuckDbGlotip#write} put {@code victims_by_year.parquet} and {@code flow_shares.parquet}
   */
  public static Report compare(Path martsRoot, Path duckDir) throws IOException, SQLException {
    Path version = currentVersion(martsRoot);
    List<String> lines = new ArrayList<>();
    List<String> diffs = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      for (Spec spec : SPECS) {
        String job = "read_parquet(" + DuckDbGlotip.literal(version.resolve(spec.mart()).resolve("*.parquet")) + ")";
        String duck = "read_parquet(" + DuckDbGlotip.literal(duckDir.resolve(spec.mart() + ".parquet")) + ")";
        long jobRows = count(db, "SELECT count(*) FROM " + job);
        long duckRows = count(db, "SELECT count(*) FROM " + duck);
        String keys = String.join(", ", spec.keys());
        long jobDup = count(db, "SELECT count(*) FROM (SELECT " + keys + " FROM " + job + " GROUP BY ALL HAVING count(*) > 1)");
        long duckDup = count(db, "SELECT count(*) FROM (SELECT " + keys + " FROM " + duck + " GROUP BY ALL HAVING count(*) > 1)");
        String on = String.join(" AND ", spec.keys().stream().map(k -> "j." + k + " = d." + k).toList());
        List<String> conds = new ArrayList<>();
        conds.add("j." + spec.keys().get(0) + " IS NULL");
        conds.add("d." + spec.keys().get(0) + " IS NULL");
        for (String c : spec.exact()) {
          conds.add("j." + c + " IS DISTINCT FROM d." + c);
        }
        for (String c : spec.numbers()) {
          // NULL against a value differs: a bare comparison with NULL is NULL, never true, so the
          // tolerance test alone would let it pass; IS DISTINCT FROM sees it (and lets NULL = NULL)
          conds.add("(j." + c + " IS DISTINCT FROM d." + c + " AND NOT coalesce(abs(j." + c + " - d." + c + ") <= "
              + TOLERANCE + " * greatest(1.0, abs(j." + c + ")), false))");
        }
        String mismatch = "FROM " + job + " j FULL OUTER JOIN " + duck + " d ON " + on + " WHERE " + String.join(" OR ", conds);
        long bad = count(db, "SELECT count(*) " + mismatch);
        lines.add(String.format(java.util.Locale.ROOT, "%s: job %d rows, duckdb %d rows, %d rows differ",
            spec.mart(), jobRows, duckRows, bad));
        if (jobRows != duckRows) {
          diffs.add(spec.mart() + ": row counts differ (job " + jobRows + ", duckdb " + duckRows + ")");
        }
        if (jobRows == 0) {
          diffs.add(spec.mart() + ": the job's mart is empty: nothing was compared");
        }
        if (jobDup + duckDup > 0) {
          diffs.add(spec.mart() + ": duplicate keys (job " + jobDup + ", duckdb " + duckDup + ")");
        }
        if (bad > 0) {
          diffs.add(spec.mart() + ": " + bad + " rows differ, e.g. " + examples(db, "SELECT j.*, d.* " + mismatch + " LIMIT 5"));
        }
      }
    }
    return new Report(lines, diffs);
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static String examples(Connection db, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
      ResultSetMetaData md = r.getMetaData();
      int half = md.getColumnCount() / 2;
      while (r.next()) {
        StringBuilder b = new StringBuilder("job{");
        for (int i = 1; i <= md.getColumnCount(); i++) {
          if (i == half + 1) {
            b.append("} duckdb{");
          }
          b.append(md.getColumnName(i)).append('=').append(r.getObject(i)).append(i == half || i == md.getColumnCount() ? "" : ", ");
        }
        rows.add(b.append('}').toString());
      }
    }
    return String.join("; ", rows);
  }
}
