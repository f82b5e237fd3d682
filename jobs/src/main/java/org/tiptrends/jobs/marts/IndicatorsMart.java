package org.tiptrends.jobs.marts;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code indicators}: country-year values of every World Bank indicator supplied (GDP per capita,
 * current US$, NY.GDP.PCAP.CD, among them), countries only, with the file each came from.
 */
public final class IndicatorsMart extends Mart {
  public static final String NAME = "indicators";
  private static final List<String> COLUMNS = List.of("year", "iso3", "indicator_code", "indicator_name",
      "value", "source");
  /** One value per country-year and indicator: two files giving it are resolved before (World Bank vintages). */
  static final List<String> KEY = List.of("year", "iso3", "indicator_code");

  public IndicatorsMart() {
    super(NAME, COLUMNS, KEY);
  }

  @Override
  public java.util.Optional<String> fileColumn() {
    return java.util.Optional.of("source");
  }

  @Override
  public Dataset<Row> build(MartInputs in) {
    return in.indicators().select(COLUMNS.get(0), COLUMNS.subList(1, COLUMNS.size()).toArray(String[]::new));
  }
}
