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
  /** The staged measure and dimension it sums, and the column it sums them into. */
  public static final String MEASURE = "persons_convicted";
  public static final String DIMENSION = "citizenship";
  public static final String COUNT = "persons";
  public static final String NAME = "convicted_by_citizenship";
  static final List<String> KEY = PlacePairSums.key("convicting", "citizenship");

  public ConvictedByCitizenshipMart() {
    super(NAME, PlacePairSums.columns("convicting", "citizenship", COUNT), KEY);
  }

  /** The staged rows this mart sums (status ok). */
  public static Dataset<Row> sourceRows(MartInputs in) {
    return in.glotipOk().filter(col("measure").equalTo(MEASURE).and(col("dimension").equalTo(DIMENSION)));
  }

  @Override
  public Dataset<Row> build(MartInputs in) {
    return PlacePairSums.sum(sourceRows(in), "convicting", "citizenship", COUNT);
  }
}
