package org.tiptrends.api.http;

import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writing answers: JSON, CSV for tabular answers, problems. */
public final class Responses {
  public static final String JSON = "application/json";
  public static final String CSV = "text/csv; charset=utf-8";
  /** Answers change only when a new mart version goes live (nightly); a minute of reuse is safe. */
  public static final String CACHE_DATA = "public, max-age=60";
  public static final String NO_STORE = "no-store";

  private Responses() {}

  /** A table for {@code format=csv}: a file name (without extension), a header and rows. */
  public record CsvTable(String name, List<String> header, List<List<Object>> rows) {
    /**
     * The table with a last column, {@code source}, citing where the numbers come from on every row
     * (a downloaded file keeps its provenance, and generated sample data say so).
     */
    public CsvTable withSource(String source) {
      List<String> h = new java.util.ArrayList<>(header);
      h.add("source");
      List<List<Object>> r = new java.util.ArrayList<>(rows.size());
      for (List<Object> row : rows) {
        List<Object> withSource = new java.util.ArrayList<>(row);
        withSource.add(source);
        r.add(withSource);
      }
      return new CsvTable(name, List.copyOf(h), r);
    }
  }

  public static void json(Context ctx, Object body) {
    ctx.contentType(JSON).result(Json.bytes(body));
  }

  /** The JSON answer, or the CSV table when the client asked {@code format=csv}. */
  public static void tabular(Context ctx, String format, Object json, Supplier<CsvTable> table) {
    if ("csv".equals(format)) {
      csv(ctx, table.get());
    } else {
      json(ctx, json);
    }
  }

  public static void csv(Context ctx, CsvTable table) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out,
        CSVFormat.RFC4180.builder().setHeader(table.header().toArray(String[]::new)).get())) {
      for (List<Object> row : table.rows()) {
        printer.printRecord(row.stream().map(Responses::cell).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ctx.contentType(CSV)
        .header("Content-Disposition", "inline; filename=\"" + table.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"")
        .result(out.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Numbers without exponent or trailing {@code .0}; {@code null} as an empty cell. */
  static Object cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        return "";
      }
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
          : BigDecimal.valueOf(d).toPlainString();
    }
    return v;
  }

  public static void problem(Context ctx, Problem p) {
    ctx.status(p.status()).header(Header.CACHE_CONTROL, NO_STORE).removeHeader(Header.ETAG)
        .contentType(Problem.CONTENT_TYPE).result(Json.bytes(p));
  }
}
