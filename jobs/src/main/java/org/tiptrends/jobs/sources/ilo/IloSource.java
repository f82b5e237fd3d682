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
import org.tiptrends.jobs.sources.TextEncoding;

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

  public record Loaded(Dataset<Row> observations, List<SourceFile> files, List<String> badCells,
      List<SourceFolder.Skipped> skipped) {}

  /** The ILOSTAT exports of {@code DIR/ilo/} and what is skipped there. */
  public static SourceFolder.Listing list(Location inputDir) {
    return SourceFolder.list(inputDir.resolve(FOLDER), "ILOSTAT", List.of(".xlsx", ".csv"), n -> false, false);
  }

  public static Loaded load(SparkSession spark, Location inputDir, ReferenceData reference) {
    List<Row> rows = new ArrayList<>();
    List<SourceFile> files = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    SourceFolder.Listing listing = list(inputDir);
    for (Location file : listing.files()) {
      List<SectorObservation> obs;
      long read;
      String updated = null;
      TextEncoding.Verdict encoding = file.name().toLowerCase(Locale.ROOT).endsWith(".csv")
          ? TextEncoding.of(file, "ILOSTAT CSV") : null;
      if (encoding != null && IloBulkReader.isBulk(file, encoding)) {
        IloBulkReader.Result r = new IloBulkReader().read(file, encoding, reference);
        obs = r.observations();
        read = r.rowsRead();
        r.badCells().forEach(b -> bad.add(file.name() + ": " + b));
      } else {
        IloTableReader.Result r = new IloTableReader().read(file, encoding, reference);
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
      SourceFile f = SourceFile.of(FOLDER, file, encoding == null ? "xlsx" : "csv", read, "ILO, ILOSTAT", updated);
      files.add(encoding == null ? f : f.with(encoding));
    }
    return new Loaded(spark.createDataFrame(rows, SCHEMA), files, bad, listing.skipped());
  }


}
