package org.tiptrends.jobs.marts;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.tiptrends.core.geo.ReferenceData;

/**
 * {@code victims_by_year}: detected victims per year, geography (world, M49 region, sub-region,
 * country) and breakdown (sex × age × form), as point and bounds. Country cells are the reported
 * cells (rows sharing a key, which the export uses for collapsed sub-categories, are summed);
 * aggregate cells sum the countries that reported that cell, and say how many did.
 */
public final class VictimsByYearMart extends Mart {
  public static final String NAME = "victims_by_year";
  private static final List<String> COLUMNS = List.of("year", "geo_level", "geo_code", "geo_name",
      "sex", "age", "form", "victims", "victims_low", "victims_high", "reporting_countries");
  /** One row per year, geography and breakdown cell. */
  static final List<String> KEY = List.of("year", "geo_level", "geo_code", "sex", "age", "form");

  public VictimsByYearMart() {
    super(NAME, COLUMNS, KEY);
  }

  @Override
  public Dataset<Row> build(MartInputs in) {
    Dataset<Row> cells = in.glotipOk()
        .filter(col("measure").equalTo("detected_victims")
            .and(col("dimension").isin("total", "form")))
        .groupBy("year", "iso3", "country_name", "region_code", "subregion_code", "sex", "age", "form")
        .agg(sum("point").as("victims"), sum("low").as("victims_low"), sum("high").as("victims_high"))
        .cache();

    Dataset<Row> countries = cells.select(col("year"), lit("country").as("geo_level"),
        col("iso3").as("geo_code"), col("country_name").as("geo_name"), col("sex"), col("age"),
        col("form"), col("victims"), col("victims_low"), col("victims_high"),
        lit(1).as("reporting_countries"));

    Dataset<Row> world = aggregate(cells, lit(ReferenceData.WORLD_CODE), "world")
        .withColumn("geo_name", lit("World"));
    Dataset<Row> regions = named(aggregate(cells, col("region_code"), "region"), in);
    Dataset<Row> subregions = named(aggregate(cells, col("subregion_code"), "subregion"), in);

    return countries.unionByName(world.select(cols()))
        .unionByName(regions.select(cols()))
        .unionByName(subregions.select(cols()));
  }

  private static Dataset<Row> aggregate(Dataset<Row> cells, Column geoCode, String level) {
    return cells.filter(geoCode.isNotNull())
        .groupBy(col("year"), geoCode.as("geo_code"), col("sex"), col("age"), col("form"))
        .agg(sum("victims").as("victims"), sum("victims_low").as("victims_low"),
            sum("victims_high").as("victims_high"),
            countDistinct("iso3").cast("int").as("reporting_countries"))
        .withColumn("geo_level", lit(level));
  }

  private static Dataset<Row> named(Dataset<Row> agg, MartInputs in) {
    Dataset<Row> names = broadcast(in.regionNames());
    return agg.join(names, agg.col("geo_code").equalTo(names.col("code")), "left")
        .withColumnRenamed("name", "geo_name");
  }

  private static Column[] cols() {
    return COLUMNS.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }
}
