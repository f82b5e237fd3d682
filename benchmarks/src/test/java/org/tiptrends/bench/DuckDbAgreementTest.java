package org.tiptrends.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.jobs.cli.TipTrendsCommand;

/**
 * The benchmark compares two engines only if they compute the same thing: on generated GLOTIP
 * rows (suppressed cells, thousands separators, aliases, broken encodings, aggregates, rows sharing
 * a key, malformed values), DuckDB's victims_by_year and flow_shares equal the job's published
 * marts, and the check fails loudly when they do not. Part of {@code mvn verify} (CI), at 20,000
 * rows; the benchmark itself ({@code bench/run}) stays opt-in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuckDbAgreementTest {
  /** The first destination-year (by key) with a domestic share. */
  private static final String FIRST_ROW = "year || '/' || destination_iso3 = (SELECT year || '/' || destination_iso3"
      + " FROM flow_shares WHERE domestic_share IS NOT NULL ORDER BY year, destination_iso3 LIMIT 1)";
  private static final Path REFERENCE = Path.of(System.getProperty("tiptrends.reference", "../datasets/reference"));

  Path marts;
  Path duckOut;
  Path tmp;

  @BeforeAll
  void bothEnginesOnTheSameInput(@TempDir Path dir) throws Exception {
    tmp = dir;
    Path input = tmp.resolve("in");
    marts = tmp.resolve("marts");
    assertEquals(0, TipTrendsCommand.commandLine().execute("generate", "--rows", "20000", "--seed", "5",
        "--out", input.toString(), "--format", "csv"));
    // every source folder present, as a real input has them (DuckDB reads only unodc/)
    for (String source : new String[] {"worldbank", "ilo", "ucdp"}) {
      assertEquals(0, TipTrendsCommand.commandLine().execute("generate", "--source", source, "--seed", "5",
          "--out", input.toString()));
    }
    assertEquals(0, TipTrendsCommand.commandLine().execute("run", "--input", input.toString(),
        "--marts", marts.toString()));
    duckOut = tmp.resolve("duck");
    try (DuckDbGlotip duck = new DuckDbGlotip(REFERENCE, 2)) {
      duck.compute(input);
      duck.write(duckOut);
      assertTrue(duck.rows("victims_by_year") > 10_000, "victims_by_year is not trivially small");
      assertTrue(duck.rows("flow_shares") > 500, "flow_shares is not trivially small");
    }
  }

  @Test
  void duckDbGivesTheJobsMarts() throws Exception {
    MartAgreement.Report same = MartAgreement.compare(marts, duckOut);
    assertTrue(same.agree(), () -> String.join("\n", same.lines()) + "\n" + String.join("\n", same.differences()));
  }

  @Test
  void oneVictimMoreInOneCellIsADifference() throws Exception {
    MartAgreement.Report r = MartAgreement.compare(marts, tampered("plus-one",
        "SELECT * REPLACE (CASE WHEN geo_level = 'world' AND sex = 'total' AND age = 'total' AND form = 'total'"
            + " AND year = (SELECT min(year) FROM victims_by_year) THEN victims + 1 ELSE victims END AS victims)"
            + " FROM victims_by_year",
        "SELECT * FROM flow_shares"));
    assertDiffers(r, "victims_by_year: 1 rows differ");
  }

  @Test
  void aMissingRowIsADifference() throws Exception {
    MartAgreement.Report r = MartAgreement.compare(marts, tampered("missing-row",
        "SELECT * FROM victims_by_year", "SELECT * FROM flow_shares ORDER BY year, destination_iso3 OFFSET 1"));
    assertDiffers(r, "flow_shares: row counts differ", "flow_shares: 1 rows differ");
  }

  /**
   * A share on one side and NULL on the other (a share without a denominator is NULL) differs:
   * a comparison with NULL is never true, so a check that only compares numbers lets it pass.
   */
  @Test
  void aShareAgainstNullIsADifference() throws Exception {
    assertTrue(count("SELECT count(*) FROM flow_shares WHERE domestic_share IS NOT NULL") > 0);
    MartAgreement.Report r = MartAgreement.compare(marts, tampered("null-share", "SELECT * FROM victims_by_year",
        "SELECT * REPLACE (CASE WHEN " + FIRST_ROW + " THEN NULL ELSE domestic_share END AS domestic_share)"
            + " FROM flow_shares"));
    assertDiffers(r, "flow_shares: 1 rows differ");
  }

  /** The case as it was found: NULL on the job's side, 0.5 on DuckDB's (both sides built from DuckDB's output). */
  @Test
  void nullAgainstHalfIsADifference() throws Exception {
    Path nulled = tampered("job-null", "SELECT * FROM victims_by_year",
        "SELECT * REPLACE (CASE WHEN " + FIRST_ROW + " THEN NULL ELSE domestic_share END AS domestic_share) FROM flow_shares");
    Path half = tampered("duck-half", "SELECT * FROM victims_by_year",
        "SELECT * REPLACE (CASE WHEN " + FIRST_ROW + " THEN 0.5 ELSE domestic_share END AS domestic_share) FROM flow_shares");
    assertTrue(MartAgreement.compare(asMartsRoot(nulled), nulled).agree(), "NULL against NULL agrees");
    assertDiffers(MartAgreement.compare(asMartsRoot(nulled), half), "flow_shares: 1 rows differ");
  }

  static void assertDiffers(MartAgreement.Report r, String... expected) {
    assertFalse(r.agree(), String.join("\n", r.lines()));
    String all = String.join("\n", r.differences());
    for (String e : expected) {
      assertTrue(all.contains(e), all);
    }
    assertEquals(expected.length, r.differences().size(), "nothing else differs: " + all);
  }

  /** DuckDB's output rewritten by two queries over views {@code victims_by_year} and {@code flow_shares}. */
  Path tampered(String name, String victimsQuery, String sharesQuery) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("tampered-" + name));
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
      views(s);
      s.execute("COPY (" + victimsQuery + ") TO " + DuckDbGlotip.literal(dir.resolve("victims_by_year.parquet")) + " (FORMAT parquet)");
      s.execute("COPY (" + sharesQuery + ") TO " + DuckDbGlotip.literal(dir.resolve("flow_shares.parquet")) + " (FORMAT parquet)");
    }
    return dir;
  }

  /** A marts root whose live version holds the two marts of {@code dir}, laid out as the job publishes them. */
  Path asMartsRoot(Path dir) throws Exception {
    Path root = dir.resolveSibling(dir.getFileName() + "-as-marts");
    for (String mart : new String[] {"victims_by_year", "flow_shares"}) {
      Path part = Files.createDirectories(root.resolve("v1").resolve(mart)).resolve("part-00000.parquet");
      Files.copy(dir.resolve(mart + ".parquet"), part, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(root.resolve("CURRENT"), "v1\n");
    return root;
  }

  long count(String query) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
      views(s);
      try (ResultSet r = s.executeQuery(query)) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  void views(Statement s) throws Exception {
    for (String mart : new String[] {"victims_by_year", "flow_shares"}) {
      s.execute("CREATE VIEW " + mart + " AS SELECT * FROM read_parquet("
          + DuckDbGlotip.literal(duckOut.resolve(mart + ".parquet")) + ")");
    }
  }
}
