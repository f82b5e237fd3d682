package org.tiptrends.api.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.tlabs.tablesaw.parquet.TablesawParquetReadOptions;
import net.tlabs.tablesaw.parquet.TablesawParquetReader;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Reads a mart (a Spark Parquet directory of part files) into a Tablesaw table, and its columns. */
final class MartTables {
  private MartTables() {}

  /** A mart directory's part files, read and appended; a missing directory is a load failure. */
  static Table read(Path martDir, List<String> requiredColumns) throws IOException {
    String mart = martDir.getFileName().toString();
    if (!Files.isDirectory(martDir)) {
      throw new MartLoadException(mart + ": directory missing");
    }
    List<Path> parts;
    try (Stream<Path> files = Files.list(martDir)) {
      parts = files.filter(p -> {
        String n = p.getFileName().toString();
        return n.endsWith(".parquet") && !n.startsWith(".") && !n.startsWith("_");
      }).sorted().toList();
    }
    if (parts.isEmpty()) {
      throw new MartLoadException(mart + ": no Parquet part file");
    }
    TablesawParquetReader reader = new TablesawParquetReader();
    Table table = null;
    for (Path part : parts) {
      Table t = reader.read(TablesawParquetReadOptions.builder(part.toFile()).tableName(mart).build());
      table = table == null ? t : table.append(t);
    }
    for (String c : requiredColumns) {
      if (!table.containsColumn(c)) {
        throw new MartLoadException(mart + ": column '" + c + "' missing (has " + table.columnNames() + ")");
      }
    }
    return table;
  }

  static NumericColumn<?> numeric(Table t, String name) {
    Column<?> c = t.column(name);
    if (!(c instanceof NumericColumn<?> n)) {
      throw new MartLoadException(t.name() + ": column '" + name + "' is " + c.type() + ", not numeric");
    }
    return n;
  }

  static Column<?> text(Table t, String name) {
    return t.column(name);
  }

  static String string(Column<?> c, int row) {
    return c.isMissing(row) ? null : c.getString(row);
  }

  static String requiredString(Column<?> c, int row) {
    String s = string(c, row);
    if (s == null || s.isEmpty()) {
      throw new MartLoadException(c.name() + ": empty value in row " + row);
    }
    return s;
  }

  static int integer(NumericColumn<?> c, int row) {
    if (c.isMissing(row)) {
      throw new MartLoadException(c.name() + ": missing value in row " + row);
    }
    double d = c.getDouble(row);
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw new MartLoadException(c.name() + ": not a whole number in row " + row + ": " + d);
    }
    return (int) d;
  }

  static double number(NumericColumn<?> c, int row) {
    if (c.isMissing(row)) {
      throw new MartLoadException(c.name() + ": missing value in row " + row);
    }
    return c.getDouble(row);
  }

  /** A nullable number: {@code NaN} when missing. */
  static double numberOrNaN(NumericColumn<?> c, int row) {
    return c.isMissing(row) ? Double.NaN : c.getDouble(row);
  }
}
