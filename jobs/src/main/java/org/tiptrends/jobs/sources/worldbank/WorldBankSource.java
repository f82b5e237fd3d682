package org.tiptrends.jobs.sources.worldbank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.jobs.sources.FileHashes;
import org.tiptrends.jobs.sources.SourceFile;

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

  public static Loaded load(SparkSession spark, Path inputDir, ReferenceData reference) {
    List<Row> rows = new ArrayList<>();
    List<SourceFile> files = new ArrayList<>();
    Map<String, String> aggregates = new TreeMap<>();
    List<WdiCsvReader.BadCell> bad = new ArrayList<>();
    for (Path file : list(inputDir.resolve(FOLDER))) {
      WdiCsvReader.Result r = new WdiCsvReader().read(file, reference);
      String source = PUBLISHER + " (" + file.getFileName() + ")";
      for (WdiCsvReader.Observation o : r.observations()) {
        rows.add(RowFactory.create(o.year(), o.iso3(), o.indicatorCode(), o.indicatorName(), o.value(), source));
      }
      aggregates.putAll(r.excludedAggregates());
      bad.addAll(r.badCells());
      files.add(new SourceFile(FOLDER, file.toString(), "csv", FileHashes.sha256(file), size(file),
          r.rowsRead(), PUBLISHER, r.lastUpdated()));
    }
    return new Loaded(spark.createDataFrame(rows, SCHEMA), files, aggregates, bad);
  }

  static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
          .filter(p -> !p.getFileName().toString().startsWith("Metadata_")) // WDI zips ship metadata CSVs beside the data
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
