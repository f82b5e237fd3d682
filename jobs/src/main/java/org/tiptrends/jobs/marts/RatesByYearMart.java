package org.tiptrends.jobs.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code rates_by_year}: detected victims per 100,000 population (SDG 16.2.2) for the world, every
 * M49 region and sub-region and every country, per year, with bounds, the population used and the
 * coverage ({@link Rates}). {@code measure} names the count rated: {@code detected_victims} (the
 * total cell of {@code victims_by_year}) and each measure of {@code justice_by_year} (its total cell:
 * {@code formal_contact}, {@code prosecuted}, {@code convicted}, {@code offences}).
 */
public final class RatesByYearMart extends Mart {
  public static final String NAME = "rates_by_year";
  public static final String VICTIMS = "detected_victims";
  static final List<String> KEY = List.of("year", "geo_level", "geo_code", "measure");

  public RatesByYearMart() {
    super(NAME, columns(), KEY);
  }

  static List<String> columns() {
    List<String> c = new ArrayList<>(List.of("year", "geo_level", "geo_code", "geo_name", "measure"));
    c.addAll(Rates.valueColumns());
    return List.copyOf(c);
  }

  @Override
  public Dataset<Row> build(MartInputs in) {
    // each criminal-justice measure is rated like victims, over the population of the countries
    // reporting that measure (not those reporting victims): the measure is a key of the one roll-up
    Dataset<Row> counts = countryTotals(in.built(VictimsByYearMart.NAME).withColumn("measure", lit(VICTIMS)), "victims")
        .unionByName(countryTotals(in.built(JusticeByYearMart.NAME), "persons"));
    return Rates.rollUp(counts, in).select(columns().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
  }

  /** A roll-up mart's country rows of the total cell, as the country counts {@link Rates#rollUp} takes. */
  private static Dataset<Row> countryTotals(Dataset<Row> mart, String count) {
    return mart.filter(col("geo_level").equalTo("country")
            .and(col("sex").equalTo("total")).and(col("age").equalTo("total")).and(col("form").equalTo("total")))
        .select(col("year"), col("geo_code").as("iso3"), col("measure"), col(count).as("count"),
            col(count + "_low").as("count_low"), col(count + "_high").as("count_high"),
            col(GeoRollup.SUPPRESSED_ONLY).equalTo(1).as("all_suppressed"));
  }
}
