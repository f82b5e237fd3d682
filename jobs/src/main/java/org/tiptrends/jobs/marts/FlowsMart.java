package org.tiptrends.jobs.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code flows}: detected victims by destination (the detecting country), origin and flow type,
 * from the by-citizenship rows. Origins come from the shared citizenship resolver; labels that
 * resolve to the same origin in the same country-year are summed.
 */
public final class FlowsMart extends Mart {
  public static final String NAME = "flows";
  private static final List<String> COLUMNS = List.of("year", "destination_iso3", "origin_code",
      "origin_level", "flow_type", "victims", "victims_low", "victims_high");
  /** One row per year, destination, origin and flow type. */
  static final List<String> KEY = List.of("year", "destination_iso3", "origin_code", "origin_level", "flow_type");

  public FlowsMart() {
    super(NAME, COLUMNS, KEY);
  }

  @Override
  public Dataset<Row> build(MartInputs in) {
    return in.glotipOk()
        .filter(col("measure").equalTo("detected_victims").and(col("dimension").equalTo("citizenship")))
        .groupBy(col("year"), col("iso3").as("destination_iso3"), col("origin_code"),
            col("origin_level"), col("flow_type"))
        .agg(sum("point").as("victims"), sum("low").as("victims_low"), sum("high").as("victims_high"),
            count("*").cast("int").as("source_rows"));
  }
}
