package org.tiptrends.api.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The {@code sectors} mart (ILOSTAT values by geography, sex, age band and economic sector),
 * indexed by geography code. Geographies are the world, countries (ISO3) and ILO's own regions
 * ({@code ILO:<name>}), which are not M49 regions.
 */
public final class Sectors {
  public static final String MART = "sectors";
  static final List<String> COLUMNS = List.of("year", "geo_level", "geo_code", "geo_name", "indicator", "sex",
      "age_band", "sector", "value", "unit");

  /** One published value. */
  public record Row(int year, String geoLevel, String geoCode, String geoName, String indicator, String sex,
      String ageBand, String sector, double value, String unit, String survey) {}

  private static final Sectors ABSENT = new Sectors(false, Map.of());

  private final boolean present;
  private final Map<String, List<Row>> byGeo;

  private Sectors(boolean present, Map<String, List<Row>> byGeo) {
    this.present = present;
    this.byGeo = byGeo;
  }

  static Sectors load(Path versionDir) throws IOException {
    Path dir = versionDir.resolve(MART);
    if (!Files.isDirectory(dir)) {
      return ABSENT;
    }
    Table t = MartTables.read(dir, COLUMNS);
    NumericColumn<?> year = MartTables.numeric(t, "year");
    NumericColumn<?> value = MartTables.numeric(t, "value");
    Column<?> survey = t.containsColumn("survey") ? t.column("survey") : null;
    Map<String, List<Row>> byGeo = new TreeMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      if (value.isMissing(i)) {
        continue;
      }
      Row r = new Row(MartTables.integer(year, i), MartTables.requiredString(t.column("geo_level"), i),
          MartTables.requiredString(t.column("geo_code"), i), MartTables.string(t.column("geo_name"), i),
          MartTables.string(t.column("indicator"), i), MartTables.requiredString(t.column("sex"), i),
          MartTables.requiredString(t.column("age_band"), i), MartTables.requiredString(t.column("sector"), i),
          value.getDouble(i), MartTables.string(t.column("unit"), i),
          survey == null ? null : MartTables.string(survey, i));
      byGeo.computeIfAbsent(r.geoCode(), k -> new ArrayList<>()).add(r);
    }
    Map<String, List<Row>> frozen = new TreeMap<>();
    byGeo.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new Sectors(true, Collections.unmodifiableMap(frozen));
  }

  public static Sectors absent() {
    return ABSENT;
  }

  public boolean present() {
    return present;
  }

  /** Geography code → its rows. */
  public Map<String, List<Row>> byGeo() {
    return byGeo;
  }
}
