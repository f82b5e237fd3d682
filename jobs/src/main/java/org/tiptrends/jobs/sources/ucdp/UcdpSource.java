package org.tiptrends.jobs.sources.ucdp;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tiptrends.core.geo.ReferenceTables;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.sources.FileHashes;
import org.tiptrends.jobs.sources.SourceFile;
import org.tiptrends.jobs.sources.SourceFolder;

/** Every UCDP/PRIO Armed Conflict Dataset CSV of {@code DIR/ucdp/}, as conflict locations by year. */
public final class UcdpSource {
  public static final String FOLDER = "ucdp";
  public static final StructType SCHEMA = new StructType()
      .add("year", DataTypes.IntegerType, false)
      .add("iso3", DataTypes.StringType, false)
      .add("conflict_id", DataTypes.StringType, false)
      .add("intensity_level", DataTypes.IntegerType, false)
      .add("type_of_conflict", DataTypes.IntegerType, false)
      .add("location", DataTypes.StringType, true);

  public record Loaded(Dataset<Row> locations, List<SourceFile> files, List<String> unmappedGwCodes,
      List<String> badRows, List<SourceFolder.Skipped> skipped) {}

  /** The UCDP/PRIO CSVs of {@code DIR/ucdp/} and what is skipped there. */
  public static SourceFolder.Listing list(Location inputDir) {
    return SourceFolder.list(inputDir.resolve(FOLDER), "UCDP/PRIO", List.of(".csv"), n -> false, false);
  }

  public static Loaded load(SparkSession spark, Location inputDir) {
    SourceFolder.Listing listing = list(inputDir);
    Map<Integer, String> gw = gleditschWard();
    List<Row> rows = new ArrayList<>();
    List<SourceFile> files = new ArrayList<>();
    List<String> unmapped = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    for (Location file : listing.files()) {
      UcdpConflictReader.Result r = new UcdpConflictReader().read(file, gw);
      for (UcdpConflictReader.ConflictLocation c : r.locations()) {
        rows.add(RowFactory.create(c.year(), c.iso3(), c.conflictId(), c.intensity(), c.type(), c.location()));
      }
      unmapped.addAll(r.unmappedGwCodes());
      r.badRows().forEach(b -> bad.add(file.name() + " " + b));
      files.add(new SourceFile(FOLDER, file.toString(), "csv", FileHashes.sha256(file), file.size(),
          r.rowsRead(), "UCDP/PRIO Armed Conflict Dataset", null).with(r.encoding())
          .with("version", r.versions().isEmpty() ? null : String.join(", ", r.versions())));
    }
    return new Loaded(spark.createDataFrame(rows, SCHEMA), files, unmapped, bad, listing.skipped());
  }

  /** Gleditsch–Ward state codes to ISO3, from {@code datasets/reference/gleditsch_ward.csv}. */
  public static Map<Integer, String> gleditschWard() {
    Map<Integer, String> m = new HashMap<>();
    try (Reader r = ReferenceTables.open("gleditsch_ward.csv")) {
      for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        if (!rec.get("iso3").isBlank()) {
          m.put(Integer.parseInt(rec.get("gwno").strip()), rec.get("iso3").strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }
}
