package org.tiptrends.jobs.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.core.geo.Region;
import org.tiptrends.jobs.staging.StagedGlotip;

/** What marts are built from: the staged rows and the reference tables as small Spark tables. */
public final class MartInputs {
  private final SparkSession spark;
  private final Dataset<Row> stagedGlotip;
  private final Dataset<Row> indicators;
  private final Dataset<Row> sectors;
  private final Dataset<Row> conflictLocations;
  private final ReferenceData reference;
  private Dataset<Row> regionNames;
  private final java.util.Map<String, Dataset<Row>> built = new java.util.HashMap<>();
  private final List<Dataset<Row>> cached = new ArrayList<>();

  public MartInputs(SparkSession spark, Dataset<Row> stagedGlotip, Dataset<Row> indicators,
      Dataset<Row> sectors, Dataset<Row> conflictLocations, ReferenceData reference) {
    this.spark = spark;
    this.stagedGlotip = stagedGlotip;
    this.indicators = indicators;
    this.sectors = sectors;
    this.conflictLocations = conflictLocations;
    this.reference = reference;
  }

  public SparkSession spark() {
    return spark;
  }

  public ReferenceData reference() {
    return reference;
  }

  /** Records a mart built in this run, for marts that build on it. */
  public void register(String mart, Dataset<Row> rows) {
    built.put(mart, rows);
  }

  /**
   * Caches an intermediate result a mart reads more than once, until {@link #release()}: the
   * Spark session outlives the run (tests, a long-lived driver), so nothing a run caches may stay.
   */
  public Dataset<Row> cache(Dataset<Row> rows) {
    Dataset<Row> c = rows.cache();
    cached.add(c);
    return c;
  }

  /** Drops everything this run cached ({@link #cache}); called when the run ends, however it ends. */
  public void release() {
    cached.forEach(d -> d.unpersist(false));
    cached.clear();
  }

  /** A mart built earlier in this run. */
  public Dataset<Row> built(String mart) {
    Dataset<Row> rows = built.get(mart);
    if (rows == null) {
      throw new IllegalStateException("mart " + mart + " must be built first");
    }
    return rows;
  }

  /** World Bank observations of countries (see {@code WorldBankSource.SCHEMA}). */
  public Dataset<Row> indicators() {
    return indicators;
  }

  /** ILOSTAT observations (see {@code IloSource.SCHEMA}). */
  public Dataset<Row> sectors() {
    return sectors;
  }

  /** UCDP conflict locations by year (see {@code UcdpSource.SCHEMA}). */
  public Dataset<Row> conflictLocations() {
    return conflictLocations;
  }

  /** Staged rows that marts may use: status ok. */
  public Dataset<Row> glotipOk() {
    return stagedGlotip.filter(col("status").equalTo(lit(StagedGlotip.OK)));
  }

  /** {@code code, name} of the world and every M49 region, sub-region and intermediate region. */
  public Dataset<Row> regionNames() {
    if (regionNames == null) {
      List<Row> rows = new ArrayList<>();
      for (Region r : reference.regions()) {
        rows.add(RowFactory.create(r.code(), r.name()));
      }
      StructType schema = new StructType().add("code", DataTypes.StringType, false)
          .add("name", DataTypes.StringType, false);
      regionNames = spark.createDataFrame(rows, schema);
    }
    return regionNames;
  }
}
