package org.tiptrends.jobs.marts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tiptrends.core.geo.Country;
import org.tiptrends.core.geo.ReferenceData;

/**
 * The one place rates per 100,000 population are made: for a country, its count and bounds times
 * 100,000 over its population (World Bank {@code SP.POP.TOTL}, same year); for an aggregate (world,
 * M49 region, sub-region), the sum of the reporting countries' counts over the sum of <b>those same
 * countries'</b> population. A reporting country without a population value is left out of both sums
 * and counted in {@code countries_without_population}, so a rate never divides the victims of 120
 * countries by the population of 126. Aggregates are summed by {@link GeoRollup} (no second roll-up):
 * each country-year becomes a {@code counted} row (its count, flagged when it rests only on {@code <5}
 * cells) and a {@code population} row, or, without population, a {@code without_population} row.
 * Any measure with country counts can be rated this way (justice measures as well as victims).
 */
public final class Rates {
  public static final double PER = 100_000.0;
  public static final String WITHOUT_POPULATION = "countries_without_population";
  private static final String PART = "rate_part";

  private Rates() {}

  /** The rate column of {@code count} over {@code population} (null where either is null). */
  public static Column per100k(Column count, Column population) {
    return when(population.isNotNull().and(population.gt(0)), count.multiply(lit(PER)).divide(population));
  }

  /** The columns {@link #rollUp} writes after {@code year, geo_level, geo_code, geo_name}. */
  public static List<String> valueColumns() {
    return List.of("count", "count_low", "count_high", "population", "rate_per_100k", "rate_per_100k_low",
        "rate_per_100k_high", GeoRollup.REPORTING, GeoRollup.SUPPRESSED_ONLY, WITHOUT_POPULATION);
  }

  /**
   * @param countryCounts one row per country, year and measure: {@code year, iso3, measure, count,
   *     count_low, count_high, all_suppressed} (true when the count rests only on {@code <5} cells);
   *     every measure goes through one roll-up, each over the population of the countries reporting it
   * @return world, region, sub-region and country rows: {@code year, geo_level, geo_code, geo_name,
   *     measure} then {@link #valueColumns()}; an aggregate none of whose reporting countries has a
   *     population has null count, population and rate, and says how many countries it left out
   */
  public static Dataset<Row> rollUp(Dataset<Row> countryCounts, MartInputs in) {
    Dataset<Row> population = in.indicators()
        .filter(col("indicator_code").equalTo(CountryYearPanelMart.POPULATION))
        .select(col("year").as("p_year"), col("iso3").as("p_iso3"), col("value").as("population"));
    Dataset<Row> joined = countryCounts.join(population, countryCounts.col("year").equalTo(population.col("p_year"))
        .and(countryCounts.col("iso3").equalTo(population.col("p_iso3"))), "left")
        .select(col("year"), col("iso3"), col("measure"), col("count"), col("count_low"), col("count_high"),
            col("all_suppressed"), col("population"));
    Dataset<Row> staged = joined.flatMap((FlatMapFunction<Row, Row>) Rates::parts, Encoders.row(STAGED));
    Dataset<Row> rolled = GeoRollup.rollUp(staged, List.of("measure", PART), "v", in);
    Column counted = col(PART).equalTo("counted");
    Column pop = col(PART).equalTo("population");
    Column without = col(PART).equalTo("without_population");
    Dataset<Row> wide = rolled.groupBy(col("year"), col("geo_level"), col("geo_code"), col("geo_name"), col("measure")).agg(
        first(when(counted, col("v")), true).as("count"),
        first(when(counted, col("v_low")), true).as("count_low"),
        first(when(counted, col("v_high")), true).as("count_high"),
        first(when(pop, col("v")), true).as("population"),
        first(when(counted, col(GeoRollup.REPORTING)), true).as(GeoRollup.REPORTING),
        first(when(counted, col(GeoRollup.SUPPRESSED_ONLY)), true).as(GeoRollup.SUPPRESSED_ONLY),
        first(when(without, col(GeoRollup.REPORTING)), true).as(WITHOUT_POPULATION));
    List<Column> select = new ArrayList<>(List.of(col("year"), col("geo_level"), col("geo_code"), col("geo_name"),
        col("measure"), col("count"), col("count_low"), col("count_high"), col("population"),
        per100k(col("count"), col("population")).as("rate_per_100k"),
        per100k(col("count_low"), col("population")).as("rate_per_100k_low"),
        per100k(col("count_high"), col("population")).as("rate_per_100k_high"),
        coalesce(col(GeoRollup.REPORTING), lit(0)).as(GeoRollup.REPORTING),
        coalesce(col(GeoRollup.SUPPRESSED_ONLY), lit(0)).as(GeoRollup.SUPPRESSED_ONLY),
        coalesce(col(WITHOUT_POPULATION), lit(0)).as(WITHOUT_POPULATION)));
    return wide.select(select.toArray(Column[]::new));
  }

  private static final StructType STAGED = new StructType()
      .add("year", DataTypes.IntegerType, false)
      .add("iso3", DataTypes.StringType, false)
      .add("country_name", DataTypes.StringType, true)
      .add("region_code", DataTypes.StringType, true)
      .add("subregion_code", DataTypes.StringType, true)
      .add("measure", DataTypes.StringType, false)
      .add(PART, DataTypes.StringType, false)
      .add("point", DataTypes.DoubleType, false)
      .add("low", DataTypes.DoubleType, false)
      .add("high", DataTypes.DoubleType, false)
      .add("suppressed", DataTypes.BooleanType, false);

  private static java.util.Iterator<Row> parts(Row r) {
    String iso3 = r.getAs("iso3");
    Country c = ReferenceData.standard().country(iso3).orElse(null);
    Object[] place = {r.<Integer>getAs("year"), iso3, c == null ? iso3 : c.name(),
        c == null ? null : c.regionCode(), c == null ? null : c.subregionCode(), r.<String>getAs("measure")};
    double point = ((Number) r.getAs("count")).doubleValue();
    double low = ((Number) r.getAs("count_low")).doubleValue();
    double high = ((Number) r.getAs("count_high")).doubleValue();
    boolean suppressed = Boolean.TRUE.equals(r.getAs("all_suppressed"));
    List<Row> out = new ArrayList<>();
    if (r.isNullAt(r.fieldIndex("population")) || r.<Double>getAs("population") <= 0) {
      out.add(row(place, "without_population", point, low, high, suppressed));
    } else {
      double p = r.getAs("population");
      out.add(row(place, "counted", point, low, high, suppressed));
      out.add(row(place, "population", p, p, p, false));
    }
    return out.iterator();
  }

  private static Row row(Object[] place, String part, double point, double low, double high, boolean suppressed) {
    return RowFactory.create(place[0], place[1], place[2], place[3], place[4], place[5], part, point, low, high, suppressed);
  }
}
