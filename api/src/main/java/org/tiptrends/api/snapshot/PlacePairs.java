package org.tiptrends.api.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A mart shaped like {@code flows} that counts, per year, what one country reported by the place a
 * label names (issue 13): {@code convicted_by_citizenship} (persons a country convicted, by their
 * citizenship) and {@code repatriation_flows} (victims a country reported, by country of
 * repatriation). Versions published before these marts existed have none ({@link #present()} false).
 */
public final class PlacePairs {
  /** What a version holds of one such mart: its name and its column prefixes. */
  public enum Kind {
    CONVICTED_BY_CITIZENSHIP("convicted_by_citizenship", "convicting", "citizenship", "persons"),
    REPATRIATION_FLOWS("repatriation_flows", "reporting", "repatriation", "victims");

    public final String mart;
    final String reporting;
    final String place;
    public final String count;

    Kind(String mart, String reporting, String place, String count) {
      this.mart = mart;
      this.reporting = reporting;
      this.place = place;
      this.count = count;
    }
  }

  /** One row: the reporting country's ISO3, the place's code and level, the flow type and the count's bounds. */
  public record Row(int year, String iso3, String placeCode, String placeLevel, String flowType, double value,
      double low, double high, int sourceRows) {}

  private final boolean present;
  private final List<Row> rows;
  private final NavigableSet<Integer> years;

  private PlacePairs(boolean present, List<Row> rows) {
    this.present = present;
    this.rows = List.copyOf(rows);
    TreeSet<Integer> ys = new TreeSet<>();
    rows.forEach(r -> ys.add(r.year()));
    this.years = Collections.unmodifiableNavigableSet(ys);
  }

  static PlacePairs absent() {
    return new PlacePairs(false, List.of());
  }

  static PlacePairs load(Path versionDir, Kind kind) throws IOException {
    Path dir = versionDir.resolve(kind.mart);
    if (!Files.isDirectory(dir)) {
      return absent();
    }
    String iso3 = kind.reporting + "_iso3";
    String code = kind.place + "_code";
    String level = kind.place + "_level";
    Table t = MartTables.read(dir, List.of("year", iso3, code, level, "flow_type", kind.count, kind.count + "_low",
        kind.count + "_high", "source_rows"));
    NumericColumn<?> year = MartTables.numeric(t, "year");
    Column<?> country = MartTables.text(t, iso3);
    Column<?> place = MartTables.text(t, code);
    Column<?> placeLevel = MartTables.text(t, level);
    Column<?> type = MartTables.text(t, "flow_type");
    NumericColumn<?> point = MartTables.numeric(t, kind.count);
    NumericColumn<?> low = MartTables.numeric(t, kind.count + "_low");
    NumericColumn<?> high = MartTables.numeric(t, kind.count + "_high");
    NumericColumn<?> sourceRows = MartTables.numeric(t, "source_rows");
    List<Row> rows = new ArrayList<>(t.rowCount());
    for (int i = 0; i < t.rowCount(); i++) {
      rows.add(new Row(MartTables.integer(year, i), MartTables.requiredString(country, i),
          MartTables.requiredString(place, i), MartTables.requiredString(placeLevel, i),
          MartTables.requiredString(type, i), MartTables.number(point, i), MartTables.number(low, i),
          MartTables.number(high, i), MartTables.integer(sourceRows, i)));
    }
    return new PlacePairs(true, rows);
  }

  public boolean present() {
    return present;
  }

  public List<Row> rows() {
    return rows;
  }

  /** Years with a row. */
  public NavigableSet<Integer> years() {
    return years;
  }
}
