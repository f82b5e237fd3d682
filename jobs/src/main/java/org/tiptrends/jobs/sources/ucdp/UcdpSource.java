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
      SourceFile f = SourceFile.of(FOLDER, file, "csv", r.rowsRead(), "UCDP/PRIO", null).with(r.encoding());
      // a generated file's version column holds its mark, not a release
      files.add(f.generated() ? f : f.with("version", r.versions().isEmpty() ? null : String.join(", ", r.versions())));
    }
    return new Loaded(spark.createDataFrame(rows, SCHEMA), files, unmapped, bad, listing.skipped());
  }

  /** Gleditsch–Ward state codes to ISO3, from {@code datasets/reference/gleditsch_ward.csv}. */
  public static Map<Integer, String> gleditschWard() {
    Map<Integer, String> m = new HashMap<>();
    for (CSVRecord rec : gleditschWardRows()) {
      if (!rec.get("iso3").isBlank()) {
        m.put(Integer.parseInt(rec.get("gwno").strip()), rec.get("iso3").strip());
      }
    }
    return m;
  }

  /**
   * Why each unmapped code has no country, for the run report: a state the reference table lists
   * without ISO3 says what it was (a historical state maps to the country holding its territory now,
   * so none does today); any other code is not in the table.
   */
  public static Map<String, String> explainUnmapped(List<String> codes) {
    Map<String, String> known = new HashMap<>();
    for (CSVRecord rec : gleditschWardRows()) {
      if (rec.get("iso3").isBlank()) {
        known.put(rec.get("gwno").strip(), rec.get("gw_name") + " (" + rec.get("start_year") + "-"
            + rec.get("end_year") + "): " + rec.get("note"));
      }
    }
    Map<String, String> out = new java.util.TreeMap<>();
    for (String code : codes) {
      out.put(code, known.getOrDefault(code, "not in datasets/reference/gleditsch_ward.csv"));
    }
    return out;
  }

  private static List<CSVRecord> gleditschWardRows() {
    try (Reader r = ReferenceTables.open("gleditsch_ward.csv")) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
