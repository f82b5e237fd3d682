package org.tiptrends.jobs.sources;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The columns of a CSV with a header, found by name (a BOM and surrounding spaces ignored), for the
 * long-format exports (ILOSTAT bulk, UCDP/PRIO) whose column order is not to be relied on.
 */
public final class NamedColumns {
  private final Map<String, Integer> index;

  private NamedColumns(Map<String, Integer> index) {
    this.index = index;
  }

  /** @throws InputException naming the file and every required column it lacks */
  public static NamedColumns of(CSVParser parser, String file, Set<String> required) {
    Map<String, Integer> index = new TreeMap<>();
    parser.getHeaderMap().forEach((k, v) -> index.put(k.replace("\uFEFF", "").strip(), v));
    List<String> missing = required.stream().filter(c -> !index.containsKey(c)).sorted().toList();
    if (!missing.isEmpty()) {
      throw new InputException(file, "missing required column(s) " + String.join(", ", missing));
    }
    return new NamedColumns(index);
  }

  public boolean has(String column) {
    return index.containsKey(column);
  }

  /** The stripped value, or "" when the column is absent or the row is short. */
  public String get(CSVRecord r, String column) {
    Integer i = index.get(column);
    return i != null && i < r.size() ? r.get(i).strip() : "";
  }
}
