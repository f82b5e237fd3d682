package org.tiptrends.notebooks;

import java.util.ArrayList;
import java.util.List;
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
    boolean ints = true;
    boolean longs = true;
    boolean numbers = true;
    boolean booleans = true;
    boolean any = false;
    for (Object v : values) {
      if (v == null) {
        continue;
      }
      any = true;
      ints &= v instanceof Integer || v instanceof Short || v instanceof Byte;
      longs &= v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte;
      numbers &= v instanceof Number;
      booleans &= v instanceof Boolean;
    }
    if (!any) {
      StringColumn s = StringColumn.create(name);
      values.forEach(v -> s.appendMissing());
      return s;
    }
    if (ints) {
      IntColumn col = IntColumn.create(name);
      values.forEach(v -> append(col, v, () -> col.append(((Number) v).intValue())));
      return col;
    }
    if (longs) {
      LongColumn col = LongColumn.create(name);
      values.forEach(v -> append(col, v, () -> col.append(((Number) v).longValue())));
      return col;
    }
    if (numbers) {
      DoubleColumn col = DoubleColumn.create(name);
      values.forEach(v -> append(col, v, () -> col.append(((Number) v).doubleValue())));
      return col;
    }
    if (booleans) {
      BooleanColumn col = BooleanColumn.create(name);
      values.forEach(v -> append(col, v, () -> col.append((Boolean) v)));
      return col;
    }
    StringColumn col = StringColumn.create(name);
    values.forEach(v -> append(col, v, () -> col.append(String.valueOf(v))));
    return col;
  }

  private static void append(Column<?> col, Object v, Runnable appendValue) {
    if (v == null) {
      col.appendMissing();
    } else {
      appendValue.run();
    }
  }
}
