package org.tiptrends.jobs.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Staged rows summed per year, reporting country and the place their label names (resolved at
 * staging by the one citizenship resolver and typed by the one flow rule, {@code Flow.classify}),
 * for the marts shaped like {@code flows} that also name the reporting country's place. Labels that
 * resolve to the same place in the same country-year are summed, bounds with them ({@code <5} is
 * [0, 4], point 2, as staged by {@code CountInterval}).
 */
final class PlacePairSums {
  private PlacePairSums() {}

  /** The contract columns: {@code reporting}'s four, {@code place}'s two, flow type, the count and its bounds, source rows. */
  static List<String> columns(String reporting, String place, String count) {
    return List.of("year", reporting + "_iso3", reporting + "_name", reporting + "_subregion_code",
        reporting + "_region_code", place + "_code", place + "_level", "flow_type", count, count + "_low",
        count + "_high", "source_rows");
  }

  /** One row per year, reporting country, place and flow type. */
  static List<String> key(String reporting, String place) {
    return List.of("year", reporting + "_iso3", place + "_code", place + "_level", "flow_type");
  }

  static Dataset<Row> sum(Dataset<Row> staged, String reporting, String place, String count) {
    return staged.groupBy(col("year"), col("iso3").as(reporting + "_iso3"), col("country_name").as(reporting + "_name"),
            col("subregion_code").as(reporting + "_subregion_code"), col("region_code").as(reporting + "_region_code"),
            col("origin_code").as(place + "_code"), col("origin_level").as(place + "_level"), col("flow_type"))
        .agg(functions.sum("point").as(count), functions.sum("low").as(count + "_low"), functions.sum("high").as(count + "_high"),
            count("*").cast("int").as("source_rows"));
  }
}
