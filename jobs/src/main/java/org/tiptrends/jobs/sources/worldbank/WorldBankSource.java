package org.tiptrends.jobs.sources.worldbank;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.sources.SourceFile;
import org.tiptrends.jobs.sources.SourceFolder;

/** Every World Development Indicators file of {@code DIR/worldbank/}, as long observations. */
public final class WorldBankSource {
  public static final String FOLDER = "worldbank";
  public static final String PUBLISHER = "World Bank, World Development Indicators";
  public static final StructType SCHEMA = new StructType()
      .add("year", DataTypes.IntegerType, false)
      .add("iso3", DataTypes.StringType, false)
      .add("indicator_code", DataTypes.StringType, false)
      .add("indicator_name", DataTypes.StringType, false)
      .add("value", DataTypes.DoubleType, false)
      .add("source", DataTypes.StringType, false);

  public record Loaded(Dataset<Row> observations, List<SourceFile> files,
      Map<String, String> excludedAggregates, List<WdiCsvReader.BadCell> badCells) {}

  public static Loaded load(SparkSession spark, Location inputDir, ReferenceData reference) {
    List<Row> rows = new ArrayList<>();
    List<SourceFile> files = new ArrayList<>();
    Map<String, String> aggregates = new TreeMap<>();
    List<WdiCsvReader.BadCell> bad = new ArrayList<>();
    for (Location file : SourceFolder.list(inputDir.resolve(FOLDER), ".csv")) {
      if (file.name().startsWith("Metadata_")) {
        continue; // the WDI download zips metadata CSVs beside the data
      }
      WdiCsvReader.Result r = new WdiCsvReader().read(file, reference);
      String source = PUBLISHER + " (" + file.name() + ")";
      for (WdiCsvReader.Observation o : r.observations()) {
        rows.add(RowFactory.create(o.year(), o.iso3(), o.indicatorCode(), o.indicatorName(), o.value(), source));
      }
      aggregates.putAll(r.excludedAggregates());
      bad.addAll(r.badCells());
      files.add(SourceFile.of(FOLDER, file, "csv", r.rowsRead(), PUBLISHER, r.lastUpdated()));
    }
    return new Loaded(spark.createDataFrame(rows, SCHEMA), files, aggregates, bad);
  }


}
