package org.tiptrends.jobs.sources.ilo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

/** Every ILOSTAT file of {@code DIR/ilo/}: table exports (xlsx, csv) and bulk CSVs. */
public final class IloSource {
  public static final String FOLDER = "ilo";
  public static final StructType SCHEMA = new StructType()
      .add("year", DataTypes.IntegerType, false)
      .add("geo_level", DataTypes.StringType, false)
      .add("geo_code", DataTypes.StringType, false)
      .add("geo_name", DataTypes.StringType, false)
      .add("indicator", DataTypes.StringType, false)
      .add("indicator_code", DataTypes.StringType, true)
      .add("sex", DataTypes.StringType, false)
      .add("age_band", DataTypes.StringType, false)
      .add("sector", DataTypes.StringType, false)
      .add("value", DataTypes.DoubleType, false)
      .add("unit", DataTypes.StringType, true)
      .add("survey", DataTypes.StringType, true)
      .add("source_file", DataTypes.StringType, false);

  public record Loaded(Dataset<Row> observations, List<SourceFile> files, List<String> badCells) {}

  public static Loaded load(SparkSession spark, Location inputDir, ReferenceData reference) {
    List<Row> rows = new ArrayList<>();
    List<SourceFile> files = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    for (Location file : SourceFolder.list(inputDir.resolve(FOLDER), ".xlsx", ".csv")) {
      List<SectorObservation> obs;
      long read;
      String updated = null;
      if (file.name().toLowerCase(Locale.ROOT).endsWith(".csv") && IloBulkReader.isBulk(file)) {
        IloBulkReader.Result r = new IloBulkReader().read(file, reference);
        obs = r.observations();
        read = r.rowsRead();
        r.badCells().forEach(b -> bad.add(file.name() + ": " + b));
      } else {
        IloTableReader.Result r = new IloTableReader().read(file, reference);
        obs = r.observations();
        read = r.rowsRead();
        updated = r.lastUpdate();
        r.badCells().forEach(b -> bad.add(file.name() + ": " + b));
      }
      for (SectorObservation o : obs) {
        rows.add(RowFactory.create(o.year(), o.geoLevel(), o.geoCode(), o.geoName(), o.indicator(),
            o.indicatorCode(), o.sex(), o.ageBand(), o.sector(), o.value(), o.unit(), o.source(),
            file.name()));
      }
      files.add(SourceFile.of(FOLDER, file, file.name().toLowerCase(Locale.ROOT).endsWith(".xlsx") ? "xlsx" : "csv",
          read, "ILO, ILOSTAT", updated));
    }
    return new Loaded(spark.createDataFrame(rows, SCHEMA), files, bad);
  }


}
