package org.tiptrends.jobs.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tiptrends.core.counts.CountInterval;
import org.tiptrends.core.counts.Shares;
import org.tiptrends.core.flows.FlowType;

/**
 * {@code flow_shares}: per destination and year, the share of known-origin victims (domestic +
 * sub-regional + regional + trans-regional) of each flow type, with bounds from the suppressed
 * cells ({@link Shares}). Victims of foreign-unspecified and unknown origin are reported beside,
 * not in the denominator.
 */
public final class FlowSharesMart extends Mart {
  public static final String NAME = "flow_shares";
  static final List<FlowType> KNOWN = List.of(FlowType.DOMESTIC, FlowType.SUBREGIONAL,
      FlowType.REGIONAL, FlowType.TRANSREGIONAL);
  private static final List<String> COLUMNS = List.of("year", "destination_iso3",
      "known_origin_victims", "domestic_share", "subregional_share", "regional_share",
      "transregional_share");
  /** One row per destination-year. */
  static final List<String> KEY = List.of("year", "destination_iso3");
  static final StructType SCHEMA = schema();

  public FlowSharesMart() {
    super(NAME, COLUMNS, KEY);
  }

  private static StructType schema() {
    StructType s = new StructType()
        .add("year", DataTypes.IntegerType, false)
        .add("destination_iso3", DataTypes.StringType, false)
        .add("known_origin_victims", DataTypes.DoubleType, false)
        .add("known_origin_low", DataTypes.DoubleType, false)
        .add("known_origin_high", DataTypes.DoubleType, false);
    for (FlowType t : KNOWN) {
      s = s.add(t.code() + "_share", DataTypes.DoubleType, true)
          .add(t.code() + "_share_low", DataTypes.DoubleType, true)
          .add(t.code() + "_share_high", DataTypes.DoubleType, true);
    }
    return s.add("foreign_unspecified_victims", DataTypes.DoubleType, false)
        .add("unknown_origin_victims", DataTypes.DoubleType, false);
  }

  @Override
  public Dataset<Row> build(MartInputs in) {
    List<Column> sums = new ArrayList<>();
    for (FlowType t : FlowType.values()) {
      for (String m : List.of("victims", "victims_low", "victims_high")) {
        sums.add(sum(when(col("flow_type").equalTo(t.code()), col(m)).otherwise(lit(0.0)))
            .as(t.code() + "__" + m));
      }
    }
    Dataset<Row> byType = in.built(FlowsMart.NAME)
        .groupBy("year", "destination_iso3")
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new));
    return byType.map((MapFunction<Row, Row>) FlowSharesMart::shares, Encoders.row(SCHEMA));
  }

  static Row shares(Row r) {
    CountInterval known = CountInterval.ZERO;
    for (FlowType t : KNOWN) {
      known = known.plus(interval(r, t));
    }
    List<Object> out = new ArrayList<>(List.of(r.getInt(r.fieldIndex("year")),
        r.getString(r.fieldIndex("destination_iso3")), known.point(), known.low(), known.high()));
    for (FlowType t : KNOWN) {
      CountInterval part = interval(r, t);
      CountInterval rest = new CountInterval(known.low() - part.low(), known.high() - part.high(),
          known.point() - part.point(), false);
      Shares.Share share = Shares.of(part, rest);
      out.add(share == null ? null : share.point());
      out.add(share == null ? null : share.low());
      out.add(share == null ? null : share.high());
    }
    out.add(interval(r, FlowType.FOREIGN_UNSPECIFIED).point());
    out.add(interval(r, FlowType.UNKNOWN).point());
    return RowFactory.create(out.toArray());
  }

  private static CountInterval interval(Row r, FlowType t) {
    String p = t.code() + "__";
    return new CountInterval(r.getDouble(r.fieldIndex(p + "victims_low")),
        r.getDouble(r.fieldIndex(p + "victims_high")), r.getDouble(r.fieldIndex(p + "victims")), false);
  }
}
