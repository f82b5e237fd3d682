package org.tiptrends.api.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the API tells about the run that published a version, read from its {@code run.json}.
 * Reading is tolerant: a field a run did not write is {@code null} or empty, never a load failure,
 * so reports of older and newer runs both load.
 */
public record RunSummary(String runId, String version, String startedAt, String finishedAt,
    String sparkVersion, List<Input> inputs, Map<String, Long> stagedRows, long quarantineRows,
    List<Reason> quarantineByReason, List<ExcludedCode> excludedCodes, Double resolvedShare,
    Long mergedDuplicateKeys, Map<String, Long> outputs, List<String> warnings, List<Check> checks) {

  /**
   * One input file.
   *
   * @param file the file name (the directory the job read it from is not published)
   * @param exportDate the export date as the run report states it (each publisher has its format)
   * @param title a data package's title, {@code license} its licence and {@code version} its version
   *     (a UCDP/PRIO file's dataset version); null where the file states none
   * @param generated the file is {@code tip-trends generate}'s sample data, not official statistics
   */
  public record Input(String source, String publisher, String file, String format, String exportDate,
      String sha256, Long bytes, Long rowsRead, String title, String license, String version, boolean generated) {}

  public record Reason(String reason, long rows) {}

  public record ExcludedCode(String code, String name, long rows) {}

  public record Check(String name, String status, String detail) {}

  static RunSummary of(JsonNode run) {
    List<Input> inputs = new ArrayList<>();
    for (JsonNode in : run.path("inputs")) {
      inputs.add(new Input(text(in, "source"), text(in, "publisher"), fileName(text(in, "path")),
          text(in, "format"), text(in, "export_date"), text(in, "sha256"),
          number(in, "bytes"), number(in, "rows_read"), text(in, "title"), text(in, "license"), text(in, "version"),
          in.path("generated").asBoolean(false)));
    }
    List<Reason> reasons = new ArrayList<>();
    for (JsonNode r : run.path("quarantine").path("by_reason")) {
      reasons.add(new Reason(text(r, "reason"), r.path("rows").asLong()));
    }
    List<ExcludedCode> excluded = new ArrayList<>();
    for (JsonNode e : run.path("excluded_non_country_codes")) {
      excluded.add(new ExcludedCode(text(e, "code"), text(e, "name"), e.path("rows").asLong()));
    }
    List<String> warnings = new ArrayList<>();
    for (JsonNode w : run.path("warnings")) {
      warnings.add(HostPaths.strip(w.asText()));
    }
    List<Check> checks = new ArrayList<>();
    for (JsonNode c : run.path("checks")) {
      checks.add(new Check(text(c, "name"), text(c, "status"), HostPaths.strip(text(c, "detail"))));
    }
    JsonNode share = run.path("citizenship").path("resolved_share");
    return new RunSummary(text(run, "run_id"), text(run, "version"), text(run, "started_at"),
        text(run, "finished_at"), text(run, "spark_version"), List.copyOf(inputs),
        longs(run.path("staged_rows")), run.path("quarantine").path("rows").asLong(0),
        List.copyOf(reasons), List.copyOf(excluded), share.isNumber() ? share.asDouble() : null,
        number(run, "merged_duplicate_keys"), longs(run.path("outputs")), List.copyOf(warnings),
        List.copyOf(checks));
  }

  /** Whether any input is generated sample data. */
  public boolean anyGenerated() {
    return inputs.stream().anyMatch(Input::generated);
  }

  /** Inputs of one source ({@code unodc}, ...). */
  public List<Input> inputs(String source) {
    return inputs.stream().filter(i -> source.equals(i.source())).toList();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Long number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isNumber() ? v.asLong() : null;
  }

  private static Map<String, Long> longs(JsonNode n) {
    Map<String, Long> m = new LinkedHashMap<>();
    n.properties().forEach(e -> m.put(e.getKey(), e.getValue().asLong()));
    return Collections.unmodifiableMap(m);
  }

  static String fileName(String path) {
    if (path == null) {
      return null;
    }
    String p = path.replace('\\', '/');
    return p.substring(p.lastIndexOf('/') + 1);
  }
}
