package org.tiptrends.jobs.marts;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code convicted_by_citizenship}: persons convicted by year, convicting country and citizenship,
 * from Indicator "Persons convicted", Dimension "by citizenship". The citizenship is read exactly as
 * victims' in {@code flows} (same resolver at staging, same flow type against the convicting
 * country); a {@code TOTAL} row is excluded at staging, never a nationality; "Nationals" is the
 * convicting country's own (domestic); unknown and "other" labels keep their persons as
 * {@code UNK}/unknown and foreign_unspecified rows.
 */
public final class ConvictedByCitizenshipMart extends Mart {
  public static final String NAME = "convicted_by_citizenship";
  static final List<String> KEY = PlacePairSums.key("convicting", "citizenship");

  public ConvictedByCitizenshipMart() {
    super(NAME, PlacePairSums.columns("convicting", "citizenship", "persons"), KEY);
  }

  /** The staged rows this mart sums (status ok). */
  public static Dataset<Row> sourceRows(MartInputs in) {
    return in.glotipOk().filter(col("measure").equalTo("persons_convicted").and(col("dimension").equalTo("citizenship")));
  }

  @Override
  public Dataset<Row> build(MartInputs in) {
    return PlacePairSums.sum(sourceRows(in), "convicting", "citizenship", "persons");
  }
}
