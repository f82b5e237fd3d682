package org.tiptrends.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tiptrends.jobs.staging.StagedGlotip;

/**
 * What the staged GLOTIP rows tell the run report: rows per file, the quarantine, the excluded
 * aggregates, how citizenship labels resolved and which did not. Computed from the cached staging
 * table with a handful of small aggregations.
 */
public final class GlotipRunFindings {
  static final int MAX_LISTED = 200;

  private final Map<String, Long> rowsByFile = new LinkedHashMap<>();
  private final Map<String, Long> rowsByStatus = new LinkedHashMap<>();
  private final List<Map<String, Object>> quarantineByReason = new ArrayList<>();
  private final List<Map<String, Object>> quarantineExamples = new ArrayList<>();
  private final Map<String, Long> quarantineByFile = new LinkedHashMap<>();
  private final List<Map<String, Object>> excludedCodes = new ArrayList<>();
  private final List<Map<String, Object>> unresolvedLabels = new ArrayList<>();
  private final List<Map<String, Object>> inexactMatches = new ArrayList<>();
  private final Map<String, Double> citizenshipVictimsByKind = new LinkedHashMap<>();
  private final Map<String, Double> citizenshipVictimsByMethod = new LinkedHashMap<>();
  private final Map<String, Double> okPointByMeasureAndDimension = new LinkedHashMap<>();
  private long mergedDuplicateKeys;

  public static GlotipRunFindings of(Dataset<Row> staged) {
    GlotipRunFindings f = new GlotipRunFindings();
    for (Row r : staged.groupBy("source_file").count().collectAsList()) {
      f.rowsByFile.put(r.getString(0), r.getLong(1));
    }
    for (Row r : staged.groupBy("status").count().orderBy("status").collectAsList()) {
      f.rowsByStatus.put(r.getString(0), r.getLong(1));
    }
    Dataset<Row> quarantined = staged.filter(col("status").equalTo(StagedGlotip.QUARANTINED));
    for (Row r : quarantined.groupBy("reason").count().orderBy(desc("count")).limit(MAX_LISTED).collectAsList()) {
      f.quarantineByReason.add(map("reason", r.getString(0), "rows", r.getLong(1)));
    }
    for (Row r : quarantined.groupBy("source_file").count().orderBy(desc("count")).collectAsList()) {
      f.quarantineByFile.put(r.getString(0), r.getLong(1));
    }
    for (Row r : quarantined.select("source_file", "source_row", "reason", "raw_code", "raw_value")
        .limit(20).collectAsList()) {
      f.quarantineExamples.add(map("file", r.get(0), "row", r.get(1), "reason", r.get(2),
          "code", r.get(3), "value", r.get(4)));
    }
    for (Row r : staged.filter(col("status").equalTo(StagedGlotip.EXCLUDED_AGGREGATE))
        .groupBy("raw_code", "raw_country").count().orderBy("raw_code").collectAsList()) {
      f.excludedCodes.add(map("code", r.get(0), "name", r.get(1), "rows", r.getLong(2)));
    }
    Dataset<Row> citizenship = staged.filter(col("status").equalTo(StagedGlotip.OK)
        .and(col("measure").equalTo("detected_victims")).and(col("dimension").equalTo("citizenship")))
        .cache();
    for (Row r : citizenship.filter(col("origin_kind").equalTo("unknown"))
        .groupBy("category", "resolution_method")
        .agg(sum("point"), sum("low"), sum("high"), count(lit(1)))
        .orderBy(desc("sum(point)")).limit(MAX_LISTED).collectAsList()) {
      f.unresolvedLabels.add(map("label", r.get(0) == null ? "" : r.get(0), "method", r.get(1),
          "victims", r.getDouble(2), "victims_low", r.getDouble(3), "victims_high", r.getDouble(4),
          "rows", r.getLong(5)));
    }
    for (Row r : citizenship.filter(col("resolution_method").isin("repaired", "fuzzy"))
        .groupBy("category", "resolution_method", "origin_code").agg(sum("point"))
        .orderBy(desc("sum(point)")).limit(MAX_LISTED).collectAsList()) {
      f.inexactMatches.add(map("label", r.get(0), "method", r.get(1), "origin_code", r.get(2),
          "victims", r.getDouble(3)));
    }
    for (Row r : citizenship.groupBy("origin_kind").agg(sum("point")).orderBy("origin_kind").collectAsList()) {
      f.citizenshipVictimsByKind.put(r.getString(0), r.getDouble(1));
    }
    for (Row r : citizenship.groupBy("resolution_method").agg(sum("point")).orderBy("resolution_method")
        .collectAsList()) {
      f.citizenshipVictimsByMethod.put(r.getString(0), r.getDouble(1));
    }
    for (Row r : staged.filter(col("status").equalTo(StagedGlotip.OK)).groupBy("measure", "dimension")
        .agg(sum("point")).collectAsList()) {
      f.okPointByMeasureAndDimension.put(r.getString(0) + "|" + r.getString(1), r.isNullAt(2) ? 0 : r.getDouble(2));
    }
    f.mergedDuplicateKeys = staged.filter(col("status").equalTo(StagedGlotip.OK))
        .groupBy("iso3", "year", "measure", "dimension", "sex", "age", "form", "category")
        .count().filter(col("count").gt(1)).count();
    citizenship.unpersist();
    return f;
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  public long rowsRead(String file) {
    return rowsByFile.getOrDefault(file, 0L);
  }

  public long rows(String status) {
    return rowsByStatus.getOrDefault(status, 0L);
  }

  /** Quarantined rows per input file, most first. */
  public Map<String, Long> quarantineByFile() {
    return quarantineByFile;
  }

  public long totalRows() {
    return rowsByStatus.values().stream().mapToLong(Long::longValue).sum();
  }

  public List<Map<String, Object>> excludedCodes() {
    return excludedCodes;
  }

  public List<Map<String, Object>> unresolvedLabels() {
    return unresolvedLabels;
  }

  /** The point sum of the staged ok rows of one measure and dimension (0 when there are none). */
  public double okPoint(String measure, String dimension) {
    return okPointByMeasureAndDimension.getOrDefault(measure + "|" + dimension, 0.0);
  }

  public long mergedDuplicateKeys() {
    return mergedDuplicateKeys;
  }

  /** By-citizenship detected victims (point) of staged rows that feed the flows. */
  public double citizenshipVictims() {
    return citizenshipVictimsByKind.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** By-citizenship detected victims (point) that resolve to domestic or a known place. */
  public double resolvedShare() {
    double total = citizenshipVictims();
    if (total == 0) {
      return Double.NaN;
    }
    double resolved = 0;
    for (String kind : List.of("domestic", "country", "subregion", "region")) {
      resolved += citizenshipVictimsByKind.getOrDefault(kind, 0.0);
    }
    return resolved / total;
  }

  public Map<String, Object> quarantine() {
    return map("rows", rows(StagedGlotip.QUARANTINED), "by_file", quarantineByFile,
        "by_reason", quarantineByReason, "examples", quarantineExamples);
  }

  public Map<String, Object> citizenship() {
    return map("victims_by_origin_kind", citizenshipVictimsByKind,
        "victims_by_resolution_method", citizenshipVictimsByMethod,
        "resolved_share", Double.isNaN(resolvedShare()) ? null : resolvedShare(),
        "inexact_matches", inexactMatches,
        "unresolved_labels", unresolvedLabels);
  }

  public Map<String, Long> rowsByStatus() {
    return rowsByStatus;
  }
}
