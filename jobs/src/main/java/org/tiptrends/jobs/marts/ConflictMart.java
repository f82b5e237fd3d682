package org.tiptrends.jobs.marts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sort_array;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tiptrends.core.geo.Country;

/**
 * {@code conflict}: for every M49 country and every year the UCDP file covers, the number of armed
 * conflicts located there, the highest intensity (0 none, 1 minor: 25–999 battle deaths, 2 war:
 * 1,000 or more) and the conflict types present (UCDP codes: 1 extrasystemic, 2 interstate,
 * 3 intrastate, 4 internationalized intrastate). Years outside the file's coverage have no row, so
 * "no conflict" is never confused with "no data".
 */
public final class ConflictMart extends Mart {
  public static final String NAME = "conflict";
  private static final List<String> COLUMNS = List.of("year", "iso3", "conflict_count", "max_intensity",
      "conflict_types");
  /** One row per country-year. */
  static final List<String> KEY = List.of("year", "iso3");

  public ConflictMart() {
    super(NAME, COLUMNS, KEY);
  }

  @Override
  public Dataset<Row> build(MartInputs in) {
    Dataset<Row> locations = in.conflictLocations();
    Dataset<Row> perCountryYear = locations.groupBy("year", "iso3")
        .agg(countDistinct("conflict_id").cast("int").as("conflict_count"),
            max("intensity_level").as("max_intensity"),
            concat_ws(",", sort_array(collect_set(col("type_of_conflict").cast("string")))).as("conflict_types"));
    Row range = locations.agg(org.apache.spark.sql.functions.min("year"), max("year")).first();
    if (range.isNullAt(0)) {
      return perCountryYear.select(COLUMNS.get(0), COLUMNS.subList(1, COLUMNS.size()).toArray(String[]::new));
    }
    List<Row> grid = new ArrayList<>();
    for (int y = range.getInt(0); y <= range.getInt(1); y++) {
      for (Country c : in.reference().countries()) {
        if (c.regionCode() != null) {
          grid.add(RowFactory.create(y, c.code()));
        }
      }
    }
    Dataset<Row> all = in.spark().createDataFrame(grid, new StructType()
        .add("g_year", DataTypes.IntegerType, false).add("g_iso3", DataTypes.StringType, false));
    return all.join(perCountryYear, all.col("g_year").equalTo(perCountryYear.col("year"))
            .and(all.col("g_iso3").equalTo(perCountryYear.col("iso3"))), "left")
        .select(col("g_year").as("year"), col("g_iso3").as("iso3"),
            coalesce(col("conflict_count"), lit(0)).as("conflict_count"),
            coalesce(col("max_intensity"), lit(0)).as("max_intensity"),
            coalesce(col("conflict_types"), lit("")).as("conflict_types"));
  }
}
