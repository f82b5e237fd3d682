package org.tiptrends.jobs.marts;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code repatriation_flows}: detected victims repatriated, by year, reporting country and country
 * of repatriation, from Indicator "Detected trafficking victims", Dimension "by country of
 * repatriation". The export does not say which way the victims went, and its rows go both ways
 * (see the README's contract): so the columns keep the export's two roles, {@code reporting_*} and
 * {@code repatriation_*}, and call neither origin nor destination. The flow type compares the two
 * places' M49 sub-region and region, so it is the same either way. The country of repatriation is
 * read by the citizenship resolver at staging; totals ("Abroad", "TOTAL POR AÑO") are excluded there.
 */
public final class RepatriationFlowsMart extends Mart {
  /** The staged measure and dimension it sums, and the column it sums them into. */
  public static final String MEASURE = "detected_victims";
  public static final String DIMENSION = "repatriation";
  public static final String COUNT = "victims";
  public static final String NAME = "repatriation_flows";
  static final List<String> KEY = PlacePairSums.key("reporting", "repatriation");

  public RepatriationFlowsMart() {
    super(NAME, PlacePairSums.columns("reporting", "repatriation", COUNT), KEY);
  }

  /** The staged rows this mart sums (status ok). */
  public static Dataset<Row> sourceRows(MartInputs in) {
    return in.glotipOk().filter(col("measure").equalTo(MEASURE).and(col("dimension").equalTo(DIMENSION)));
  }

  @Override
  public Dataset<Row> build(MartInputs in) {
    return PlacePairSums.sum(sourceRows(in), "reporting", "repatriation", COUNT);
  }
}
