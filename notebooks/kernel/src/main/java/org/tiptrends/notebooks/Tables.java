package org.tiptrends.notebooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tiptrends.api.http.Responses.CsvTable;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The API's tabular answers (what {@code format=csv} downloads) as Tablesaw tables, typed by their
 * values: whole numbers, numbers, booleans, text. {@code null} and empty cells of a number column are
 * missing, never zero.
 */
public final class Tables {
  private Tables() {}

  public static Table of(CsvTable csv, String caption) {
    Table t = Table.create(caption);
    for (int c = 0; c < csv.header().size(); c++) {
      List<Object> values = new ArrayList<>(csv.rows().size());
      for (List<Object> row : csv.rows()) {
        Object v = row.get(c);
        values.add(v instanceof String s && s.isEmpty() ? null : v);
      }
      t.addColumns(column(csv.header().get(c), values));
    }
    return t;
  }

  private static Column<?> column(String name, List<Object> values) {
    List<Object> present = values.stream().filter(Objects::nonNull).toList();
    Column<?> col;
    if (present.isEmpty() || !present.stream().allMatch(v -> v instanceof Number || v instanceof Boolean)) {
      col = StringColumn.create(name);
    } else if (present.stream().allMatch(v -> v instanceof Integer || v instanceof Short || v instanceof Byte)) {
      col = IntColumn.create(name);
    } else if (present.stream().allMatch(v -> v instanceof Integer || v instanceof Long)) {
      col = LongColumn.create(name);
    } else if (present.stream().allMatch(v -> v instanceof Number)) {
      col = DoubleColumn.create(name);
    } else if (present.stream().allMatch(v -> v instanceof Boolean)) {
      col = BooleanColumn.create(name);
    } else {
      col = StringColumn.create(name);
    }
    for (Object v : values) {
      if (v == null) {
        col.appendMissing();
      } else if (col instanceof StringColumn s) {
        s.append(String.valueOf(v));
      } else if (col instanceof DoubleColumn d) {
        d.append(((Number) v).doubleValue());
      } else if (col instanceof LongColumn l) {
        l.append(((Number) v).longValue());
      } else if (col instanceof IntColumn i) {
        i.append(((Number) v).intValue());
      } else {
        ((BooleanColumn) col).append((Boolean) v);
      }
    }
    return col;
  }
}
