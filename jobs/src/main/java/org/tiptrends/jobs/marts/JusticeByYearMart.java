package org.tiptrends.jobs.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code justice_by_year}: the criminal-justice response per year, geography and breakdown
 * ({@code measure} × sex × age × form), persons as point and bounds with coverage, rolled up by the
 * same {@link GeoRollup} as {@code victims_by_year} (aggregates of the export excluded by staging).
 * Measures: {@code formal_contact} (persons brought into formal contact), {@code prosecuted},
 * {@code convicted} (persons), {@code offences} (offences of trafficking in persons: counted in
 * offences, not persons, but published in the same column). Only the Total and by-form rows feed it;
 * convicted persons by citizenship are {@code convicted_by_citizenship}.
 */
public final class JusticeByYearMart extends Mart {
  public static final String NAME = "justice_by_year";
  /** Staged measure → the mart's measure code. */
  public static final Map<String, String> MEASURES = Map.of(
      "persons_brought_into_formal_contact", "formal_contact",
      "persons_prosecuted", "prosecuted",
      "persons_convicted", "convicted",
      "offences", "offences");
  static final List<String> KEYS = List.of("measure", "sex", "age", "form");
  /** One row per year, geography, measure and breakdown cell. */
  static final List<String> KEY = List.of("year", "geo_level", "geo_code", "measure", "sex", "age", "form");

  public JusticeByYearMart() {
    super(NAME, GeoRollup.columns(KEYS, "persons"), KEY);
  }

  @Override
  public Dataset<Row> build(MartInputs in) {
    Column code = null;
    for (Map.Entry<String, String> m : MEASURES.entrySet()) {
      Column when = col("measure").equalTo(m.getKey());
      code = code == null ? when(when, lit(m.getValue())) : code.when(when, lit(m.getValue()));
    }
    Dataset<Row> justice = in.glotipOk()
        .filter(col("measure").isin(MEASURES.keySet().toArray()).and(col("dimension").isin("total", "form")))
        .withColumn("measure", code);
    return GeoRollup.rollUp(justice, KEYS, "persons", in);
  }
}
