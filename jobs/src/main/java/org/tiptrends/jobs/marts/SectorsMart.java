package org.tiptrends.jobs.marts;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * {@code sectors}: ILOSTAT values by geography (world, country, or ILO region — ILO's regions are
 * their own level, not M49's), sex, age band and economic sector, with the unit the export states.
 */
public final class SectorsMart extends Mart {
  public static final String NAME = "sectors";
  private static final List<String> COLUMNS = List.of("year", "geo_level", "geo_code", "geo_name", "indicator",
      "sex", "age_band", "sector", "value", "unit", "indicator_code", "survey", "source_file");
  /** One value per year, geography, indicator, sex, age band, sector and survey. */
  static final List<String> KEY = List.of("year", "geo_level", "geo_code", "indicator", "sex", "age_band", "sector", "survey");

  public SectorsMart() {
    super(NAME, COLUMNS, KEY);
  }

  @Override
  public java.util.Optional<String> fileColumn() {
    return java.util.Optional.of("source_file");
  }

  @Override
  public Dataset<Row> build(MartInputs in) {
    return in.sectors().select(COLUMNS.stream().map(functions::col).toArray(Column[]::new));
  }
}
