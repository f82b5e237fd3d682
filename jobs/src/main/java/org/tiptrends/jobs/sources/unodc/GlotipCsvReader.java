package org.tiptrends.jobs.sources.unodc;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.tiptrends.jobs.sources.InputException;

/**
 * Reads a GLOTIP {@code .csv} (the export's columns, with or without the preamble rows) with
 * Spark's CSV reader, in one pass: the header is located on the driver from the first lines, the
 * file is read with a fixed all-text schema (no inference), and the preamble and header rows are
 * filtered out by value.
 */
public final class GlotipCsvReader {
  private final SparkSession spark;

  public GlotipCsvReader(SparkSession spark) {
    this.spark = spark;
  }

  public record Result(Dataset<Row> rows, GlotipLayout.Header header) {}

  public Result read(Path file) {
    String name = file.toString();
    List<List<String>> first = peek(file);
    GlotipLayout.Header header = GlotipLayout.locateHeader(name, first);
    int width = first.get(header.rowIndex()).size();
    StructType positional = new StructType();
    for (int i = 0; i < width; i++) {
      positional = positional.add("_c" + i, DataTypes.StringType, true);
    }
    Dataset<Row> all = spark.read()
        .option("header", false)
        .option("mode", "PERMISSIVE")
        .option("encoding", "UTF-8")
        .option("enforceSchema", true)
        .schema(positional)
        .csv(file.toUri().toString());

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
    Dataset<Row> rows = all.filter(functions.not(drop)).select(raw.toArray(Column[]::new));
    return new Result(rows, header);
  }

  /** Null-safe equality of a whole line with a preamble or header row (BOM ignored). */
  private static Column rowEquals(List<String> values, int width) {
    Column eq = lit(true);
    for (int i = 0; i < width; i++) {
      String v = i < values.size() ? values.get(i) : null;
      Column c = regexp_replace(col("_c" + i), "^\uFEFF", "");
      String expected = v == null || v.isEmpty() ? null : v.replace("\uFEFF", "");
      eq = eq.and(c.eqNullSafe(lit(expected)));
    }
    return eq;
  }

  private static List<List<String>> peek(Path file) {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new InputException(name, "not a file");
    }
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (BufferedReader in = new BufferedReader(
            new java.io.InputStreamReader(Files.newInputStream(file), decoder));
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
      throw new InputException(name, "not a readable CSV file (" + GlotipXlsxReader.oneLine(e) + ")", e);
    }
  }
}
