package org.tiptrends.jobs.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tiptrends.jobs.io.Location;

/**
 * {@code run.json}: what a run read, wrote, set aside and checked. Kept as an ordered map so the
 * file reads top-down in the order a data team asks: which run, from what, to what, what was
 * left out and why, did the checks pass.
 */
public final class RunReport {
  private final Map<String, Object> root = new LinkedHashMap<>();
  private final List<Map<String, Object>> checks = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  public RunReport put(String key, Object value) {
    root.put(key, value);
    return this;
  }

  public Object get(String key) {
    return root.get(key);
  }

  public void warn(String warning) {
    warnings.add(warning);
  }

  public List<String> warnings() {
    return warnings;
  }

  public Check check(String name, CheckStatus status, String detail) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("status", status.code());
    c.put("detail", detail);
    checks.add(c);
    return new Check(name, status, detail);
  }

  public List<Check> failedChecks() {
    return checks.stream().filter(c -> "fail".equals(c.get("status")))
        .map(c -> new Check((String) c.get("name"), CheckStatus.FAIL, (String) c.get("detail"))).toList();
  }

  public record Check(String name, CheckStatus status, String detail) {}

  public enum CheckStatus {
    PASS, WARN, FAIL;

    String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>(root);
    out.put("warnings", warnings);
    out.put("checks", checks);
    return out;
  }

  public void write(Location file) {
    try (OutputStream out = file.create()) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, toMap());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
