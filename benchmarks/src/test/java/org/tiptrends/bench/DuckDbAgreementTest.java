package org.tiptrends.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tiptrends.jobs.cli.TipTrendsCommand;

/**
 * The benchmark compares two engines only if they compute the same thing: on generated GLOTIP
 * rows (suppressed cells, thousands separators, aliases, broken encodings, aggregates, rows sharing
 * a key, malformed values), DuckDB's victims_by_year and flow_shares equal the job's published
 * marts, and the check fails loudly when they do not.
 */
class DuckDbAgreementTest {
  private static final Path REFERENCE = Path.of(System.getProperty("tiptrends.reference", "../datasets/reference"));

  @Test
  void duckDbGivesTheJobsMartsAndTheCheckCatchesAnyDifference(@TempDir Path tmp) throws Exception {
    Path input = tmp.resolve("in");
    Path marts = tmp.resolve("marts");
    assertEquals(0, TipTrendsCommand.commandLine().execute("generate", "--rows", "20000", "--seed", "5",
        "--out", input.toString(), "--format", "csv"));
    assertEquals(0, TipTrendsCommand.commandLine().execute("run", "--input", input.toString(),
        "--marts", marts.toString(), "--allow-missing", "worldbank,ilo,ucdp"));

    Path duckOut = tmp.resolve("duck");
    try (DuckDbGlotip duck = new DuckDbGlotip(REFERENCE, 2)) {
      duck.compute(input);
      duck.write(duckOut);
      assertTrue(duck.rows("victims_by_year") > 10_000, "victims_by_year is not trivially small");
      assertTrue(duck.rows("flow_shares") > 500, "flow_shares is not trivially small");
    }
    MartAgreement.Report same = MartAgreement.compare(marts, duckOut);
    assertTrue(same.agree(), () -> String.join("\n", same.lines()) + "\n" + String.join("\n", same.differences()));

    // a result off by one victim in one cell, and one destination-year missing, must not pass
    Path tampered = tmp.resolve("tampered");
    try (DuckDbGlotip duck = new DuckDbGlotip(REFERENCE, 2)) {
      java.nio.file.Files.createDirectories(tampered);
      duck.exec("COPY (SELECT * REPLACE (CASE WHEN geo_level = 'world' AND sex = 'total' AND age = 'total'"
          + " AND form = 'total' AND year = (SELECT min(year) FROM read_parquet(" + DuckDbGlotip.literal(duckOut.resolve("victims_by_year.parquet")) + "))"
          + " THEN victims + 1 ELSE victims END AS victims) FROM read_parquet("
          + DuckDbGlotip.literal(duckOut.resolve("victims_by_year.parquet")) + ")) TO "
          + DuckDbGlotip.literal(tampered.resolve("victims_by_year.parquet")) + " (FORMAT parquet)");
      duck.exec("COPY (SELECT * FROM read_parquet(" + DuckDbGlotip.literal(duckOut.resolve("flow_shares.parquet"))
          + ") ORDER BY year, destination_iso3 OFFSET 1) TO " + DuckDbGlotip.literal(tampered.resolve("flow_shares.parquet"))
          + " (FORMAT parquet)");
    }
    MartAgreement.Report differ = MartAgreement.compare(marts, tampered);
    assertFalse(differ.agree());
    String all = String.join("\n", differ.differences());
    assertTrue(all.contains("victims_by_year: 1 rows differ"), all);
    assertTrue(all.contains("flow_shares: row counts differ"), all);
  }
}
