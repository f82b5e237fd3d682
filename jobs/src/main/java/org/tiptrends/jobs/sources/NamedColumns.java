package org.tiptrends.jobs.sources;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * The columns of a CSV with a header, found by name (a BOM and surrounding spaces ignored), for the
 * long-format exports (ILOSTAT bulk, UCDP/PRIO, data packages) whose column order is not to be relied
 * on. What ordinary tools do to such a file is harmless: a leading unnamed index column (pandas), a
 * trailing empty column (a trailing comma), CRLF line ends, columns the job does not use left out.
 */
public final class NamedColumns {
  /** RFC 4180 with a header row; unnamed columns allowed, blank lines skipped. */
  public static final CSVFormat WITH_HEADER = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
      .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
      .setIgnoreEmptyLines(true).get();

  private final Map<String, Integer> index;

  private NamedColumns(Map<String, Integer> index) {
    this.index = index;
  }

  /** A parser of {@code in} in {@link #WITH_HEADER}. */
  public static CSVParser parse(Reader in) throws IOException {
    return WITH_HEADER.parse(in);
  }

  /** @throws InputException naming the file and every required column it lacks, or one it has twice */
  public static NamedColumns of(CSVParser parser, String file, Set<String> required) {
    Map<String, Integer> index = new TreeMap<>();
    List<String> names = parser.getHeaderNames();
    List<String> twice = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).replace("\uFEFF", "").strip();
      Integer before = index.putIfAbsent(name, i);
      if (before != null && required.contains(name)) {
        twice.add(name + " (columns " + (before + 1) + " and " + (i + 1) + ")");
      }
    }
    List<String> missing = required.stream().filter(c -> !index.containsKey(c)).sorted().toList();
    if (!missing.isEmpty()) {
      throw new InputException(file, "missing required column(s) " + String.join(", ", missing));
    }
    if (!twice.isEmpty()) {
      throw new InputException(file, "required column(s) named twice: " + String.join(", ", twice));
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
