package org.tiptrends.jobs.marts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
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
import org.tiptrends.core.geo.Country;
import org.tiptrends.core.geo.ReferenceData;

/**
 * {@code country_year_panel}: one row per country-year with any detected-victims value, the
 * measures analysts correlate: detected victims, female, child and forced-labour shares (each with
 * bounds), the flow shares, and GDP per capita and population (World Bank SP.POP.TOTL, the
 * denominator of rates) for the same year, null where the World Bank gives none, and detected victims
 * per 100,000 population with bounds ({@link Rates}; null without a population). Shares are among
 * victims whose category is known, and only where the export gives the categories needed: female and male for
 * the female share (other counted when given); adult and child for the child share; sexual
 * exploitation and forced labour for the forced-labour share (other forms counted when given).
 * Conflict columns are null for years the conflict data do not cover.
 */
public final class CountryYearPanelMart extends Mart {
  public static final String NAME = "country_year_panel";
  public static final String GDP_PER_CAPITA = "NY.GDP.PCAP.CD";
  public static final String POPULATION = org.tiptrends.jobs.sources.worldbank.WorldBankSource.POPULATION;
  private static final List<String> COLUMNS = List.of("year", "iso3", "country_name", "region_code",
      "subregion_code", "detected_victims", "detected_victims_low", "detected_victims_high",
      "female_share", "child_share", "forced_labour_share", "transregional_share", "gdp_per_capita",
      "population", "victims_per_100k", "victims_per_100k_low", "victims_per_100k_high",
      "conflict_max_intensity", "in_conflict", "formal_contact", "prosecuted", "convicted", "offences",
      "convictions_per_100_victims", "convictions_per_100_victims_low", "convictions_per_100_victims_high");
  /** The justice_by_year measures the panel carries, each with {@code _low} and {@code _high}. */
  static final List<String> JUSTICE = List.of("formal_contact", "prosecuted", "convicted", "offences");
  /** One row per country-year. */
  static final List<String> KEY = List.of("year", "iso3");

  /** The victims_by_year cells the panel needs: name, sex, age, form. */
  static final String[][] CELLS = {
      {"total", "total", "total", "total"},
      {"female", "female", "total", "total"}, {"male", "male", "total", "total"},
      {"other_sex", "other", "total", "total"},
      {"adult", "total", "adult", "total"}, {"child", "total", "child", "total"},
      {"sexual", "total", "total", "sexual_exploitation"}, {"forced", "total", "total", "forced_labour"},
      {"other_form", "total", "total", "other"}};

  static final StructType SHARES_SCHEMA = new StructType()
      .add("year", DataTypes.IntegerType, false)
      .add("iso3", DataTypes.StringType, false)
      .add("country_name", DataTypes.StringType, true)
      .add("region_code", DataTypes.StringType, true)
      .add("subregion_code", DataTypes.StringType, true)
      .add("detected_victims", DataTypes.DoubleType, true)
      .add("detected_victims_low", DataTypes.DoubleType, true)
      .add("detected_victims_high", DataTypes.DoubleType, true)
      .add("female_share", DataTypes.DoubleType, true)
      .add("female_share_low", DataTypes.DoubleType, true)
      .add("female_share_high", DataTypes.DoubleType, true)
      .add("child_share", DataTypes.DoubleType, true)
      .add("child_share_low", DataTypes.DoubleType, true)
      .add("child_share_high", DataTypes.DoubleType, true)
      .add("forced_labour_share", DataTypes.DoubleType, true)
      .add("forced_labour_share_low", DataTypes.DoubleType, true)
      .add("forced_labour_share_high", DataTypes.DoubleType, true);

  public CountryYearPanelMart() {
    super(NAME, COLUMNS, KEY);
  }

  @Override
  public Dataset<Row> build(MartInputs in) {
    List<Column> aggs = new ArrayList<>();
    for (String[] cell : CELLS) {
      Column match = col("sex").equalTo(cell[1]).and(col("age").equalTo(cell[2])).and(col("form").equalTo(cell[3]));
      aggs.add(sum(when(match, col("victims")).otherwise(lit(0.0))).as(cell[0] + "__p"));
      aggs.add(sum(when(match, col("victims_low")).otherwise(lit(0.0))).as(cell[0] + "__l"));
      aggs.add(sum(when(match, col("victims_high")).otherwise(lit(0.0))).as(cell[0] + "__h"));
      aggs.add(count(when(match, lit(1))).as(cell[0] + "__n"));
    }
    Dataset<Row> cells = in.built(VictimsByYearMart.NAME).filter(col("geo_level").equalTo("country"))
        .groupBy(col("year"), col("geo_code").as("iso3"))
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
    Dataset<Row> victimShares = cells.map((MapFunction<Row, Row>) CountryYearPanelMart::shares,
        Encoders.row(SHARES_SCHEMA));

    Dataset<Row> flowShares = in.built(FlowSharesMart.NAME).select(col("year").as("f_year"),
        col("destination_iso3").as("f_iso3"), col("known_origin_victims"),
        col("domestic_share"), col("domestic_share_low"), col("domestic_share_high"),
        col("subregional_share"), col("subregional_share_low"), col("subregional_share_high"),
        col("regional_share"), col("regional_share_low"), col("regional_share_high"),
        col("transregional_share"), col("transregional_share_low"), col("transregional_share_high"));

    Dataset<Row> joined = victimShares.join(flowShares,
            victimShares.col("year").equalTo(flowShares.col("f_year"))
                .and(victimShares.col("iso3").equalTo(flowShares.col("f_iso3"))), "full_outer")
        .withColumn("year", coalesce(col("year"), col("f_year")))
        .withColumn("iso3", coalesce(col("iso3"), col("f_iso3")))
        .drop("f_year", "f_iso3");
    Dataset<Row> conflict = in.built(ConflictMart.NAME).select(col("year").as("c_year"), col("iso3").as("c_iso3"),
        col("max_intensity").as("conflict_max_intensity"),
        col("max_intensity").gt(0).as("in_conflict"));
    Dataset<Row> withIndicators = withIndicator(withIndicator(joined, in, GDP_PER_CAPITA, "gdp_per_capita"),
        in, POPULATION, "population");
    // null, not 0, where the conflict data do not cover the year
    Dataset<Row> withConflict = withIndicators.join(conflict, withIndicators.col("year").equalTo(conflict.col("c_year"))
        .and(withIndicators.col("iso3").equalTo(conflict.col("c_iso3"))), "left").drop("c_year", "c_iso3");
    // country-years known only from flows get their names and regions from the reference table too
    Dataset<Row> placed = withConflict.map((MapFunction<Row, Row>) CountryYearPanelMart::placed,
        Encoders.row(withConflict.schema()));
    // detected victims per 100,000 population, with bounds (Rates: the one formula)
    Dataset<Row> rated = placed.withColumn("victims_per_100k", Rates.per100k(col("detected_victims"), col("population")))
        .withColumn("victims_per_100k_low", Rates.per100k(col("detected_victims_low"), col("population")))
        .withColumn("victims_per_100k_high", Rates.per100k(col("detected_victims_high"), col("population")));
    return withJustice(rated, in);
  }

  /**
   * {@code rows} with the country's justice totals of the same year (null where it reported none) and
   * convictions per 100 detected victims: point over point; lowest with convictions at their low and
   * victims at their high end, highest the other way round. Null where either is missing, and where
   * the victims' low end is 0 (only {@code <5} cells): the ratio could then be anything.
   */
  static Dataset<Row> withJustice(Dataset<Row> rows, MartInputs in) {
    Column total = col("sex").equalTo("total").and(col("age").equalTo("total")).and(col("form").equalTo("total"));
    List<Column> aggs = new ArrayList<>();
    for (String m : JUSTICE) {
      Column is = col("measure").equalTo(m);
      aggs.add(max(when(is, col("persons"))).as(m));
      aggs.add(max(when(is, col("persons_low"))).as(m + "_low"));
      aggs.add(max(when(is, col("persons_high"))).as(m + "_high"));
    }
    Dataset<Row> justice = in.built(JusticeByYearMart.NAME).filter(col("geo_level").equalTo("country").and(total))
        .groupBy(col("year").as("j_year"), col("geo_code").as("j_iso3"))
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
    Dataset<Row> joined = rows.join(justice, rows.col("year").equalTo(justice.col("j_year"))
        .and(rows.col("iso3").equalTo(justice.col("j_iso3"))), "left").drop("j_year", "j_iso3");
    Column known = col("convicted").isNotNull().and(col("detected_victims").isNotNull())
        .and(col("detected_victims_low").gt(0));
    return joined
        .withColumn("convictions_per_100_victims",
            when(known, col("convicted").multiply(100).divide(col("detected_victims"))))
        .withColumn("convictions_per_100_victims_low",
            when(known, col("convicted_low").multiply(100).divide(col("detected_victims_high"))))
        .withColumn("convictions_per_100_victims_high",
            when(known, col("convicted_high").multiply(100).divide(col("detected_victims_low"))));
  }

  /** {@code rows} with one World Bank indicator of the same country-year as a column (null where missing). */
  private static Dataset<Row> withIndicator(Dataset<Row> rows, MartInputs in, String code, String column) {
    Dataset<Row> values = in.indicators().filter(col("indicator_code").equalTo(code))
        .select(col("year").as("i_year"), col("iso3").as("i_iso3"), col("value").as(column));
    return rows.join(values, rows.col("year").equalTo(values.col("i_year"))
        .and(rows.col("iso3").equalTo(values.col("i_iso3"))), "left").drop("i_year", "i_iso3");
  }

  static Row shares(Row r) {
    ReferenceData reference = ReferenceData.standard();
    String iso3 = r.getAs("iso3");
    Country c = reference.country(iso3).orElse(null);
    CountInterval total = cell(r, "total");
    Shares.Share female = share(r, List.of("female"), List.of("male"), List.of("other_sex"));
    Shares.Share child = share(r, List.of("child"), List.of("adult"), List.of());
    Shares.Share forced = share(r, List.of("forced"), List.of("sexual"), List.of("other_form"));
    return RowFactory.create(r.<Integer>getAs("year"), iso3, c == null ? null : c.name(),
        c == null ? null : c.regionCode(), c == null ? null : c.subregionCode(),
        total == null ? null : total.point(), total == null ? null : total.low(), total == null ? null : total.high(),
        point(female), low(female), high(female), point(child), low(child), high(child),
        point(forced), low(forced), high(forced));
  }

  static Row placed(Row r) {
    Object[] values = new Object[r.length()];
    for (int i = 0; i < values.length; i++) {
      values[i] = r.get(i);
    }
    String iso3 = r.getAs("iso3");
    ReferenceData.standard().country(iso3).ifPresent(c -> {
      values[r.fieldIndex("country_name")] = c.name();
      values[r.fieldIndex("region_code")] = c.regionCode();
      values[r.fieldIndex("subregion_code")] = c.subregionCode();
    });
    return RowFactory.create(values);
  }

  /**
   * The share of {@code part} among {@code part + required + optional}, or null when a part or a
   * required category was not reported.
   */
  private static Shares.Share share(Row r, List<String> part, List<String> required, List<String> optional) {
    CountInterval p = CountInterval.ZERO;
    for (String name : part) {
      CountInterval c = cell(r, name);
      if (c == null) {
        return null;
      }
      p = p.plus(c);
    }
    CountInterval rest = CountInterval.ZERO;
    for (String name : required) {
      CountInterval c = cell(r, name);
      if (c == null) {
        return null;
      }
      rest = rest.plus(c);
    }
    for (String name : optional) {
      CountInterval c = cell(r, name);
      if (c != null) {
        rest = rest.plus(c);
      }
    }
    return Shares.of(p, rest);
  }

  private static CountInterval cell(Row r, String name) {
    if (r.<Long>getAs(name + "__n") == 0) {
      return null;
    }
    return new CountInterval(r.getAs(name + "__l"), r.getAs(name + "__h"), r.getAs(name + "__p"), false);
  }

  private static Double point(Shares.Share s) {
    return s == null ? null : s.point();
  }

  private static Double low(Shares.Share s) {
    return s == null ? null : s.low();
  }

  private static Double high(Shares.Share s) {
    return s == null ? null : s.high();
  }
}
