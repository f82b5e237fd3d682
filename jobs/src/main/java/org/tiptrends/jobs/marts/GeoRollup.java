package org.tiptrends.jobs.marts;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.tiptrends.core.geo.ReferenceData;

/**
 * The one roll-up of staged GLOTIP counts from countries to M49 sub-regions, regions and the world,
 * with coverage, for every mart that publishes aggregates ({@code victims_by_year} and
 * {@code justice_by_year}). A country's cell sums its rows of one key (the export lists collapsed
 * sub-categories as rows sharing a key); an aggregate cell sums the countries that reported that
 * cell and says
 * <ul>
 *   <li>{@code reporting_countries}: how many countries contributed any value to it, and
 *   <li>{@code suppressed_only_countries}: how many of them contributed nothing but {@code <5}
 *       cells (each 0 to 4, possibly none at all), so that "178 countries reported" is never read
 *       as 178 countries with data.
 * </ul>
 * On a country row both are 1, or 1 and 0.
 */
public final class GeoRollup {
  public static final String REPORTING = "reporting_countries";
  public static final String SUPPRESSED_ONLY = "suppressed_only_countries";
  private static final String ALL_SUPPRESSED = "all_suppressed";

  private GeoRollup() {}

  /** The columns a roll-up writes, in order: geography, the keys, the count and its bounds, coverage. */
  public static List<String> columns(List<String> keys, String count) {
    List<String> c = new ArrayList<>(List.of("year", "geo_level", "geo_code", "geo_name"));
    c.addAll(keys);
    c.addAll(List.of(count, count + "_low", count + "_high", REPORTING, SUPPRESSED_ONLY));
    return List.copyOf(c);
  }

  /**
   * @param staged staged rows of one measure ({@code year, iso3, country_name, region_code,
   *     subregion_code}, the keys, {@code point, low, high, suppressed})
   * @param keys the breakdown of a cell, e.g. {@code sex, age, form}
   * @param count the name of the published count, e.g. {@code victims}
   * @return country, world, region and sub-region rows in {@link #columns} order
   */
  public static Dataset<Row> rollUp(Dataset<Row> staged, List<String> keys, String count, MartInputs in) {
    Column[] countryKey = Stream.concat(Stream.of("year", "iso3", "country_name", "region_code", "subregion_code"),
        keys.stream()).map(functions::col).toArray(Column[]::new);
    Dataset<Row> cells = in.cache(staged.groupBy(countryKey)
        .agg(sum("point").as(count), sum("low").as(count + "_low"), sum("high").as(count + "_high"),
            min(when(col("suppressed"), lit(1)).otherwise(lit(0))).as(ALL_SUPPRESSED)));
    List<String> out = columns(keys, count);
    Dataset<Row> countries = cells.withColumn("geo_level", lit("country")).withColumn("geo_code", col("iso3"))
        .withColumn("geo_name", col("country_name")).withColumn(REPORTING, lit(1))
        .withColumn(SUPPRESSED_ONLY, col(ALL_SUPPRESSED));
    Dataset<Row> world = aggregate(cells, lit(ReferenceData.WORLD_CODE), "world", keys, count)
        .withColumn("geo_name", lit("World"));
    Dataset<Row> regions = named(aggregate(cells, col("region_code"), "region", keys, count), in);
    Dataset<Row> subregions = named(aggregate(cells, col("subregion_code"), "subregion", keys, count), in);
    Column[] select = out.stream().map(functions::col).toArray(Column[]::new);
    return countries.select(select).unionByName(world.select(select)).unionByName(regions.select(select))
        .unionByName(subregions.select(select));
  }

  private static Dataset<Row> aggregate(Dataset<Row> cells, Column geoCode, String level, List<String> keys,
      String count) {
    List<Column> by = new ArrayList<>(List.of(col("year"), geoCode.as("geo_code")));
    keys.forEach(k -> by.add(col(k)));
    return cells.filter(geoCode.isNotNull())
        .groupBy(by.toArray(Column[]::new))
        .agg(sum(count).as(count), sum(count + "_low").as(count + "_low"), sum(count + "_high").as(count + "_high"),
            countDistinct("iso3").cast("int").as(REPORTING), sum(ALL_SUPPRESSED).cast("int").as(SUPPRESSED_ONLY))
        .withColumn("geo_level", lit(level));
  }

  private static Dataset<Row> named(Dataset<Row> agg, MartInputs in) {
    Dataset<Row> names = broadcast(in.regionNames());
    return agg.join(names, agg.col("geo_code").equalTo(names.col("code")), "left")
        .withColumnRenamed("name", "geo_name");
  }
}
