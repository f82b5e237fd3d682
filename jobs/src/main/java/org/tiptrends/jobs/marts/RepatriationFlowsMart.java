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
  public static final String NAME = "repatriation_flows";
  static final List<String> KEY = PlacePairSums.key("reporting", "repatriation");

  public RepatriationFlowsMart() {
    super(NAME, PlacePairSums.columns("reporting", "repatriation", "victims"), KEY);
  }

  /** The staged rows this mart sums (status ok). */
  public static Dataset<Row> sourceRows(MartInputs in) {
    return in.glotipOk().filter(col("measure").equalTo("detected_victims").and(col("dimension").equalTo("repatriation")));
  }

  @Override
  public Dataset<Row> build(MartInputs in) {
    return PlacePairSums.sum(sourceRows(in), "reporting", "repatriation", "victims");
  }
}
