package org.tiptrends.jobs.staging;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The staging model of GLOTIP rows: every raw row once, parsed, with a status. Marts read only
 * {@code ok} rows; the others are the quarantine and the exclusions the run report lists.
 */
public final class StagedGlotip {
  private StagedGlotip() {}

  public static final String OK = "ok";
  public static final String QUARANTINED = "quarantined";
  public static final String EXCLUDED_AGGREGATE = "excluded_aggregate";
  public static final String EXCLUDED_NOT_ORIGIN = "excluded_not_origin";

  public static final StructType SCHEMA = new StructType()
      .add("status", DataTypes.StringType, false)
      .add("reason", DataTypes.StringType, true)
      .add("source_file", DataTypes.StringType, false)
      .add("source_row", DataTypes.LongType, true)
      .add("raw_code", DataTypes.StringType, true)
      .add("raw_country", DataTypes.StringType, true)
      .add("raw_value", DataTypes.StringType, true)
      .add("iso3", DataTypes.StringType, true)
      .add("country_name", DataTypes.StringType, true)
      .add("region_code", DataTypes.StringType, true)
      .add("subregion_code", DataTypes.StringType, true)
      .add("year", DataTypes.IntegerType, true)
      .add("measure", DataTypes.StringType, true)
      .add("dimension", DataTypes.StringType, true)
      .add("sex", DataTypes.StringType, true)
      .add("age", DataTypes.StringType, true)
      .add("form", DataTypes.StringType, true)
      .add("category", DataTypes.StringType, true)
      .add("resolution_method", DataTypes.StringType, true)
      .add("origin_kind", DataTypes.StringType, true)
      .add("origin_code", DataTypes.StringType, true)
      .add("origin_level", DataTypes.StringType, true)
      .add("flow_type", DataTypes.StringType, true)
      .add("low", DataTypes.DoubleType, true)
      .add("high", DataTypes.DoubleType, true)
      .add("point", DataTypes.DoubleType, true)
      .add("suppressed", DataTypes.BooleanType, true);
}
