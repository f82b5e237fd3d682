package org.tiptrends.jobs.sources.unodc;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.sources.FileSniffer;
import org.tiptrends.jobs.sources.InputException;
import org.tiptrends.jobs.sources.TextEncoding;

/**
 * Reads a GLOTIP {@code .csv} (the export's columns, with or without the preamble rows) with
 * Spark's CSV reader, in one pass: the encoding is decided by {@link TextEncoding} (UTF-8, or
 * Windows-1252 decoded as such), the header is located on the driver from the first lines, the
 * file is read with a fixed all-text schema (no inference), and the preamble and header rows are
 * filtered out by value.
 */
public final class GlotipCsvReader {
  private final SparkSession spark;

  public GlotipCsvReader(SparkSession spark) {
    this.spark = spark;
  }

  /** @param noDataRows the file ends with its header (or blank lines under it): a header-only export */
  public record Result(Dataset<Row> rows, GlotipLayout.Header header, boolean noDataRows,
      TextEncoding.Verdict encoding) {}

  public Result read(Location file) {
    String name = file.toString();
    if (!file.isFile()) {
      throw new InputException(name, "not a file");
    }
    TextEncoding.Verdict encoding = TextEncoding.of(file, "CSV file");
    List<List<String>> first = peek(file, encoding);
    String separator = GlotipLayout.foreignSeparator(first);
    if (separator != null) {
      throw new InputException(name, "no GLOTIP header with comma-separated columns: the columns are separated by "
          + separator + " (a European Excel export?); save it as CSV (comma delimited)");
    }
    GlotipLayout.Header header = GlotipLayout.locateHeader(name, first);
    // the first rows were the whole file and nothing is under the header: known without a Spark job
    boolean noDataRows = first.size() < GlotipLayout.MAX_PREAMBLE_ROWS && first.subList(header.rowIndex() + 1,
        first.size()).stream().allMatch(r -> r.stream().allMatch(v -> v == null || v.isBlank()));
    int width = first.get(header.rowIndex()).size();
    StructType positional = new StructType();
    for (int i = 0; i < width; i++) {
      positional = positional.add("_c" + i, DataTypes.StringType, true);
    }
    // Spark's CSV source takes Latin-1 but not Windows-1252: read as Latin-1, then give 0x80-0x9F their
    // Windows-1252 characters; quotes inside a quoted value are doubled (RFC 4180, as Excel writes them)
    boolean windows1252 = encoding.charset().equals(TextEncoding.WINDOWS_1252);
    Dataset<Row> all = spark.read()
        .option("header", false)
        .option("mode", "PERMISSIVE")
        .option("encoding", windows1252 ? "ISO-8859-1" : encoding.charset().name())
        .option("escape", "\"")
        .option("enforceSchema", true)
        .schema(positional)
        .csv(file.uri());
    if (windows1252) {
      Column[] decoded = new Column[width];
      for (int i = 0; i < width; i++) {
        decoded[i] = functions.translate(col("_c" + i), TextEncoding.LATIN1_C1, TextEncoding.WINDOWS_1252_C1).as("_c" + i);
      }
      all = all.select(decoded);
    }

    Column drop = lit(false);
    for (List<String> before : first.subList(0, header.rowIndex() + 1)) {
      drop = drop.or(rowEquals(before, width));
    }
    List<Column> raw = new ArrayList<>();
    for (String column : GlotipLayout.COLUMNS.keySet()) {
      Integer pos = header.positions().get(column);
      raw.add((pos == null ? lit(null).cast(DataTypes.StringType) : col("_c" + pos)).as(column));
    }
    raw.add(lit(name).as("source_file"));
    raw.add(lit(null).cast(DataTypes.LongType).as("source_row"));
    Column any = lit(null).cast(DataTypes.StringType);
    for (int i = 0; i < width; i++) {
      any = functions.coalesce(any, col("_c" + i));
    }
    // a line of empty cells (a blank spreadsheet row saved as CSV) holds no data, as in a workbook
    Dataset<Row> rows = all.filter(functions.not(drop).and(any.isNotNull())).select(raw.toArray(Column[]::new));
    return new Result(rows, header, noDataRows, encoding);
  }

  /** Null-safe equality of a whole line with a preamble or header row (BOM ignored, empty is null). */
  private static Column rowEquals(List<String> values, int width) {
    Column eq = lit(true);
    for (int i = 0; i < width; i++) {
      String v = i < values.size() ? values.get(i) : null;
      Column stripped = regexp_replace(col("_c" + i), "^\uFEFF", "");
      Column c = functions.when(stripped.equalTo(""), lit(null).cast(DataTypes.StringType)).otherwise(stripped);
      String expected = v == null || v.isEmpty() ? null : v.replace("\uFEFF", "");
      eq = eq.and(c.eqNullSafe(lit(expected)));
    }
    return eq;
  }

  /** The first rows, for the header; the byte-order mark is not part of the first value (the filter ignores it too). */
  private static List<List<String>> peek(Location file, TextEncoding.Verdict encoding) {
    String name = file.toString();
    try (BufferedReader in = encoding.reader(file);
        CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(in)) {
      List<List<String>> rows = new ArrayList<>();
      for (CSVRecord r : parser) {
        List<String> row = new ArrayList<>();
        r.forEach(v -> row.add(v.isEmpty() ? null : v));
        rows.add(row);
        if (rows.size() >= GlotipLayout.MAX_PREAMBLE_ROWS) {
          break;
        }
      }
      return rows;
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new InputException(name, "not a readable CSV file (" + FileSniffer.describe(e, file) + ")", e);
    }
  }
}
