package org.tiptrends.jobs.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.marts.ConvictedByCitizenshipMart;
import org.tiptrends.jobs.marts.FlowsMart;
import org.tiptrends.jobs.marts.RepatriationFlowsMart;
import org.tiptrends.jobs.marts.Mart;
import org.tiptrends.jobs.marts.VictimsByYearMart;
import org.tiptrends.jobs.report.GlotipRunFindings;
import org.tiptrends.jobs.report.RunReport;
import org.tiptrends.jobs.report.RunReport.CheckStatus;
import org.tiptrends.jobs.staging.StagedGlotip;

/**
 * The data-quality gates run on a complete build before it may be published. Each records its
 * status and a one-line detail in {@code run.json}; any {@code fail} keeps {@code CURRENT} where it is.
 */
public final class QualityGates {
  private final SparkSession spark;
  private final GateSettings settings;

  public QualityGates(SparkSession spark, GateSettings settings) {
    this.spark = spark;
    this.settings = settings;
  }

  /**
   * @param missingContractColumns per mart, the contract columns its written table lacks
   * @param build the build directory holding every mart
   * @param live the live version's directory, if any (for the row-count gate)
   * @param sourcePresent per mart fed by an optional source: whether that source had files
   * @param marts every mart written, with its key
   */
  public void run(RunReport report, GlotipRunFindings f, Map<String, Long> outputs,
      Map<String, List<String>> missingContractColumns, Location build, Optional<Location> live, boolean glotipPresent,
      Map<String, Boolean> sourcePresent, List<Mart> marts) {
    // inputs without their required columns stop the run in the readers; this checks the outputs
    report.check("required_columns", missingContractColumns.isEmpty() ? CheckStatus.PASS : CheckStatus.FAIL,
        missingContractColumns.isEmpty()
            ? "every input had its required columns and every mart has the columns of its contract"
            : "marts without columns of their contract: " + missingContractColumns);
    uniqueKeys(report, build, marts);
    nonEmpty(report, outputs, glotipPresent, sourcePresent);
    resolution(report, f);
    quarantine(report, f);
    rowCounts(report, outputs, live);
    aggregatesExcluded(report, f, build);
    flowsConserve(report, f, build);
    convictedAndRepatriatedConserve(report, f, build);
    breakdownConsistency(report, build);
  }

  /**
   * No two rows of a mart share its key. Overlapping inputs are settled before (the World Bank
   * vintage rule); a duplicate that gets here (a row pasted twice in one file, two vintages of an
   * ILOSTAT table) would be counted twice by every reader: the detail names the first keys and,
   * where the mart has a file column, the files they came from.
   */
  private void uniqueKeys(RunReport report, Location build, List<Mart> marts) {
    List<String> found = new ArrayList<>();
    for (Mart mart : marts) {
      Column[] key = mart.key().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
      Column files = mart.fileColumn().map(c -> concat_ws(" and ", sort_array(collect_set(col(c)))))
          .orElse(lit(null).cast("string"));
      Dataset<Row> repeated = read(build, mart.name()).groupBy(key).agg(count("*").as("n"), files.as("files"))
          .filter(col("n").gt(1)).cache();
      long n = repeated.count();
      if (n > 0) {
        List<String> examples = repeated.orderBy(key).limit(3).collectAsList().stream().map(r -> {
          List<String> values = new ArrayList<>();
          for (int i = 0; i < key.length; i++) {
            values.add(String.valueOf(r.get(i)));
          }
          String from = r.isNullAt(r.fieldIndex("files")) ? "" : " from " + r.getAs("files");
          return "(" + String.join(", ", values) + ") " + r.getAs("n") + " times" + from;
        }).toList();
        found.add(mart.name() + ": " + n + " keys (" + String.join(", ", mart.key()) + ") on more than one row, e.g. "
            + String.join("; ", examples));
      }
      repeated.unpersist();
    }
    report.check("unique_keys", found.isEmpty() ? CheckStatus.PASS : CheckStatus.FAIL, found.isEmpty()
        ? "no two rows of a mart share its key" : String.join("; ", found));
  }

  private static void nonEmpty(RunReport report, Map<String, Long> outputs, boolean glotipPresent,
      Map<String, Boolean> sourcePresent) {
    if (!glotipPresent) {
      report.check("marts_non_empty", CheckStatus.WARN, "no GLOTIP input: its marts are empty");
      return;
    }
    List<String> empty = outputs.entrySet().stream()
        .filter(e -> !e.getKey().equals("quarantine") && e.getValue() == 0)
        .filter(e -> sourcePresent.getOrDefault(e.getKey(), true))
        .map(Map.Entry::getKey).toList();
    report.check("marts_non_empty", empty.isEmpty() ? CheckStatus.PASS : CheckStatus.FAIL,
        empty.isEmpty() ? "every mart whose source was present has rows" : "empty marts although their source was present: " + empty);
  }

  private void resolution(RunReport report, GlotipRunFindings f) {
    double share = f.resolvedShare();
    if (Double.isNaN(share)) {
      report.check("citizenship_resolution", CheckStatus.WARN, "no by-citizenship rows");
      return;
    }
    CheckStatus status = share < settings.minResolvedShare() ? CheckStatus.FAIL
        : share < GateSettings.RESOLVED_TARGET ? CheckStatus.WARN : CheckStatus.PASS;
    report.check("citizenship_resolution", status, String.format(Locale.ROOT,
        "%.2f%% of by-citizenship victims resolve to domestic or a known origin (gate %.0f%%, target %.0f%%)",
        100 * share, 100 * settings.minResolvedShare(), 100 * GateSettings.RESOLVED_TARGET));
  }

  private void quarantine(RunReport report, GlotipRunFindings f) {
    long total = f.totalRows();
    long quarantined = f.rows(StagedGlotip.QUARANTINED);
    boolean ok = total == 0 || quarantined <= settings.maxQuarantineShare() * total;
    String files = f.quarantineByFile().entrySet().stream().limit(3)
        .map(e -> e.getKey() + " (" + e.getValue() + ")").reduce((a, b) -> a + ", " + b).orElse("");
    report.check("quarantine_share", ok ? CheckStatus.PASS : CheckStatus.FAIL, String.format(Locale.ROOT,
        "%d of %d GLOTIP rows quarantined (gate %.0f%%)%s", quarantined, total, 100 * settings.maxQuarantineShare(),
        files.isEmpty() ? "" : ", from " + files));
  }

  private void rowCounts(RunReport report, Map<String, Long> outputs, Optional<Location> live) {
    if (live.isEmpty() || !live.get().resolve("run.json").isFile()) {
      report.check("row_counts_vs_live", CheckStatus.PASS, "no live version to compare with");
      return;
    }
    JsonNode before;
    try (InputStream in = live.get().resolve("run.json").open()) {
      before = new ObjectMapper().readTree(in).path("outputs");
    } catch (IOException | RuntimeException e) {
      report.check("row_counts_vs_live", CheckStatus.WARN, "live run.json unreadable: " + e.getMessage());
      return;
    }
    List<String> collapsed = new ArrayList<>();
    outputs.forEach((mart, rows) -> {
      long was = before.path(mart).asLong(0);
      if (!mart.equals("quarantine") && was > 0 && rows < (1 - settings.maxRowDrop()) * was) {
        collapsed.add(mart + " " + was + " -> " + rows);
      }
    });
    CheckStatus status = collapsed.isEmpty() ? CheckStatus.PASS
        : settings.allowRowDrop() ? CheckStatus.WARN : CheckStatus.FAIL;
    report.check("row_counts_vs_live", status, collapsed.isEmpty()
        ? "no mart lost more than " + Math.round(100 * settings.maxRowDrop()) + "% of the live version's rows ("
            + live.get().name() + ")"
        : "rows collapsed against " + live.get().name() + ": " + collapsed
            + (settings.allowRowDrop() ? " (allowed by --allow-row-drop)" : " (override with --allow-row-drop)"));
  }

  /** Every country of victims_by_year is an M49 country or area: no aggregate slipped into a sum. */
  private void aggregatesExcluded(RunReport report, GlotipRunFindings f, Location build) {
    ReferenceData reference = ReferenceData.standard();
    List<String> strangers = read(build, VictimsByYearMart.NAME).filter("geo_level = 'country'")
        .select("geo_code").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList().stream()
        .filter(code -> reference.country(code).isEmpty()).sorted().toList();
    report.check("aggregates_excluded", strangers.isEmpty() ? CheckStatus.PASS : CheckStatus.FAIL,
        strangers.isEmpty()
            ? f.rows(StagedGlotip.EXCLUDED_AGGREGATE) + " rows of " + f.excludedCodes().size()
                + " non-country codes kept out of every sum"
            : "codes that are not M49 countries in victims_by_year: " + strangers);
  }

  /** The flows hold exactly the staged by-citizenship victims: none lost, no TOTAL row added. */
  private void flowsConserve(RunReport report, GlotipRunFindings f, Location build) {
    Row total = read(build, FlowsMart.NAME).agg(sum("victims")).first();
    double published = total.isNullAt(0) ? 0 : total.getDouble(0);
    double staged = f.citizenshipVictims();
    boolean same = Math.abs(published - staged) <= 1e-6 * Math.max(1, staged);
    report.check("flows_conserve_citizenship_victims", same ? CheckStatus.PASS : CheckStatus.FAIL,
        String.format(Locale.ROOT, "flows hold %.1f victims, staged by-citizenship rows %.1f; "
            + "%d TOTAL rows excluded", published, staged, f.rows(StagedGlotip.EXCLUDED_NOT_ORIGIN)));
  }

  /**
   * {@code convicted_by_citizenship} and {@code repatriation_flows} hold exactly the staged rows of
   * their Indicator and Dimension (point sums): no row lost in the sums, no total row added.
   */
  private void convictedAndRepatriatedConserve(RunReport report, GlotipRunFindings f, Location build) {
    List<String> details = new ArrayList<>();
    boolean same = true;
    for (String[] m : new String[][] {
        {ConvictedByCitizenshipMart.NAME, ConvictedByCitizenshipMart.MEASURE, ConvictedByCitizenshipMart.DIMENSION,
            ConvictedByCitizenshipMart.COUNT},
        {RepatriationFlowsMart.NAME, RepatriationFlowsMart.MEASURE, RepatriationFlowsMart.DIMENSION,
            RepatriationFlowsMart.COUNT}}) {
      Row total = read(build, m[0]).agg(sum(m[3])).first();
      double published = total.isNullAt(0) ? 0 : total.getDouble(0);
      double staged = f.okPoint(m[1], m[2]);
      same &= Math.abs(published - staged) <= 1e-6 * Math.max(1, staged);
      details.add(String.format(Locale.ROOT, "%s holds %.1f %s, staged rows %.1f", m[0], published, m[3], staged));
    }
    report.check("convicted_and_repatriated_conserve_staged", same ? CheckStatus.PASS : CheckStatus.FAIL,
        String.join("; ", details));
  }

  /**
   * Per country-year, the sex breakdown (female, male, other) and the age breakdown (adult, child)
   * must fit under the total: the sum of their low bounds may not exceed the total's upper bound.
   * A {@code <5} cell's low bound is 0 (the export writes a count of zero as {@code <5}: ARE 2009,
   * total 33, female 33, male {@code <5}), so no cell needs a special case. The real export still
   * breaks the rule in about 5% of country-years (DEU 2012: sexes 668, total 626); many more mean a
   * misread file.
   */
  private void breakdownConsistency(RunReport report, Location build) {
    Dataset<Row> v = read(build, VictimsByYearMart.NAME)
        .filter(col("geo_level").equalTo("country").and(col("form").equalTo("total")));
    Dataset<Row> cells = v.groupBy("year", "geo_code").agg(
        sum(when(col("sex").equalTo("total").and(col("age").equalTo("total")), col("victims_high"))).as("total_high"),
        sum(when(col("age").equalTo("total").and(col("sex").isin("female", "male", "other")), col("victims_low")))
            .as("sex_low"),
        sum(when(col("sex").equalTo("total").and(col("age").isin("adult", "child")), col("victims_low"))).as("age_low"));
    Dataset<Row> checked = cells.filter(col("total_high").isNotNull()
        .and(col("sex_low").isNotNull().or(col("age_low").isNotNull())));
    Dataset<Row> broken = checked.filter(col("sex_low").gt(col("total_high")).or(col("age_low").gt(col("total_high"))));
    long n = checked.count();
    List<String> examples = broken.orderBy("geo_code", "year").limit(5).collectAsList().stream()
        .map(r -> r.getAs("geo_code") + " " + r.getAs("year")).toList();
    long bad = broken.count();
    CheckStatus status = bad == 0 ? CheckStatus.PASS
        : bad > settings.maxInconsistentShare() * n ? CheckStatus.FAIL : CheckStatus.WARN;
    report.check("breakdown_consistency", status, String.format(Locale.ROOT,
        "%d of %d country-years have sex or age breakdowns above their total's bounds (gate %.0f%%)%s", bad, n,
        100 * settings.maxInconsistentShare(), examples.isEmpty() ? "" : ", e.g. " + examples));
  }

  private Dataset<Row> read(Location build, String mart) {
    return spark.read().parquet(build.resolve(mart).uri());
  }

}
