package org.tiptrends.notebooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.tlabs.tablesaw.parquet.TablesawParquetWriteOptions;
import net.tlabs.tablesaw.parquet.TablesawParquetWriter;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A marts root small enough to check by eye, written with Tablesaw's Parquet writer in the marts'
 * contract: France reports 2019 and 2020 (its 2019 male cell suppressed: [0, 4], point 2), Germany
 * only 2020; the world rows sum them and count the countries that gave only suppressed cells.
 */
final class TinyMarts {
  private TinyMarts() {}

  /** Writes version {@code version} under {@code root} and, when {@code live}, names it in CURRENT. */
  static Path write(Path root, String version, boolean live) throws IOException {
    Path dir = Files.createDirectories(root.resolve(version));
    Table v = Table.create("victims_by_year", IntColumn.create("year"), StringColumn.create("geo_level"),
        StringColumn.create("geo_code"), StringColumn.create("geo_name"), StringColumn.create("sex"),
        StringColumn.create("age"), StringColumn.create("form"), DoubleColumn.create("victims"),
        DoubleColumn.create("victims_low"), DoubleColumn.create("victims_high"), IntColumn.create("reporting_countries"),
        IntColumn.create("suppressed_only_countries"));
    // the countries' rows: year, code, name, sex, victims, low, high
    Object[][] countries = {
        {2019, "FRA", "France", "total", 10.0, 10.0, 10.0},
        {2019, "FRA", "France", "female", 8.0, 6.0, 10.0},
        {2019, "FRA", "France", "male", 2.0, 0.0, 4.0},
        {2020, "FRA", "France", "total", 20.0, 20.0, 20.0},
        {2020, "FRA", "France", "female", 12.0, 12.0, 12.0},
        {2020, "FRA", "France", "male", 8.0, 8.0, 8.0},
        {2020, "DEU", "Germany", "total", 100.0, 100.0, 100.0},
    };
    // the world's: each cell the sum of the countries that reported it, and how many did
    Map<List<Object>, double[]> world = new TreeMap<>(Comparator.comparing(Object::toString));
    for (Object[] r : countries) {
      int onlySuppressed = (Double) r[5] == 0 ? 1 : 0;
      append(v, r[0], "country", r[1], r[2], r[3], r[4], r[5], r[6], 1, onlySuppressed);
      double[] sum = world.computeIfAbsent(List.of(r[0], r[3]), k -> new double[5]);
      for (int i = 0; i < 3; i++) {
        sum[i] += (Double) r[4 + i];
      }
      sum[3]++;
      sum[4] += onlySuppressed;
    }
    world.forEach((key, sum) -> append(v, key.get(0), "world", "WLD", "World", key.get(1), sum[0], sum[1], sum[2],
        (int) sum[3], (int) sum[4]));
    write(dir, v);

    Table flows = Table.create("flows", IntColumn.create("year", new int[] {2020}),
        StringColumn.create("destination_iso3", List.of("FRA")), StringColumn.create("origin_code", List.of("FRA")),
        StringColumn.create("origin_level", List.of("country")), StringColumn.create("flow_type", List.of("domestic")),
        DoubleColumn.create("victims", 20.0), DoubleColumn.create("victims_low", 20.0),
        DoubleColumn.create("victims_high", 20.0), IntColumn.create("source_rows", new int[] {1}));
    write(dir, flows);

    Table shares = Table.create("flow_shares", IntColumn.create("year", new int[] {2020}),
        StringColumn.create("destination_iso3", List.of("FRA")), DoubleColumn.create("known_origin_victims", 20.0),
        DoubleColumn.create("known_origin_low", 20.0), DoubleColumn.create("known_origin_high", 20.0));
    for (String t : List.of("domestic", "subregional", "regional", "transregional")) {
      double share = t.equals("domestic") ? 1 : 0;
      shares.addColumns(DoubleColumn.create(t + "_share", share), DoubleColumn.create(t + "_share_low", share),
          DoubleColumn.create(t + "_share_high", share));
    }
    shares.addColumns(DoubleColumn.create("foreign_unspecified_victims", 0.0),
        DoubleColumn.create("unknown_origin_victims", 0.0));
    write(dir, shares);

    Files.writeString(dir.resolve("run.json"), """
        {"run_id": "run-%s", "version": "%s", "started_at": "2026-01-01T00:00:00Z", "finished_at": "2026-01-01T00:01:00Z",
         "inputs": [{"source": "unodc", "publisher": "UNODC", "path": "in/unodc/glotip.csv", "format": "csv",
                     "export_date": "2023-05-30", "sha256": "0123456789abcdef0123", "bytes": 100, "rows_read": 13}],
         "checks": [{"name": "marts_non_empty", "status": "pass", "detail": "every mart has rows"}]}
        """.formatted(version, version));
    if (live) {
      Files.writeString(root.resolve("CURRENT"), version + "\n");
    }
    return dir;
  }

  private static void append(Table v, Object year, String level, Object code, Object name, Object sex, Object victims,
      Object low, Object high, int reporting, int suppressedOnly) {
    v.intColumn("year").append((Integer) year);
    v.stringColumn("geo_level").append(level);
    v.stringColumn("geo_code").append((String) code);
    v.stringColumn("geo_name").append((String) name);
    v.stringColumn("sex").append((String) sex);
    v.stringColumn("age").append("total");
    v.stringColumn("form").append("total");
    v.doubleColumn("victims").append((Double) victims);
    v.doubleColumn("victims_low").append((Double) low);
    v.doubleColumn("victims_high").append((Double) high);
    v.intColumn("reporting_countries").append(reporting);
    v.intColumn("suppressed_only_countries").append(suppressedOnly);
  }

  private static void write(Path versionDir, Table t) throws IOException {
    Path mart = Files.createDirectories(versionDir.resolve(t.name()));
    new TablesawParquetWriter().write(t,
        TablesawParquetWriteOptions.builder(mart.resolve("part-00000.parquet").toFile()).build());
  }
}
