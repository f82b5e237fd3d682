package org.tiptrends.jobs.marts;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code victims_by_year}: detected victims per year, geography (world, M49 region, sub-region,
 * country) and breakdown (sex × age × form), as point and bounds, with the coverage of each cell
 * (reporting countries, and how many of them gave only {@code <5} cells); see {@link GeoRollup}.
 */
public final class VictimsByYearMart extends Mart {
  public static final String NAME = "victims_by_year";
  static final List<String> KEYS = List.of("sex", "age", "form");
  /** One row per year, geography and breakdown cell. */
  static final List<String> KEY = List.of("year", "geo_level", "geo_code", "sex", "age", "form");

  public VictimsByYearMart() {
    super(NAME, GeoRollup.columns(KEYS, "victims"), KEY);
  }

  @Override
  public Dataset<Row> build(MartInputs in) {
    Dataset<Row> victims = in.glotipOk()
        .filter(col("measure").equalTo("detected_victims").and(col("dimension").isin("total", "form")));
    return GeoRollup.rollUp(victims, KEYS, "victims", in);
  }
}
