package org.tiptrends.jobs.sources.worldbank;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * Every World Bank indicator of {@code DIR/worldbank/}, as long observations of countries: wide WDI
 * CSVs ({@link WdiCsvReader}) and data package folders ({@link DataPackageReader}), any indicator.
 * Both layouts go through the same rules here: aggregates (WLD, regions, income groups: codes that
 * are not M49 countries) are set aside with their names, empty cells are missing values (not zeros),
 * a cell that is not a number is reported, and where two files give the same indicator for the same
 * country-year the {@link VintageRule} keeps one.
 */
public final class WorldBankSource {
  public static final String FOLDER = "worldbank";
  /** World Bank population, total: the denominator of rates per 100,000. */
  public static final String POPULATION = "SP.POP.TOTL";
  public static final StructType SCHEMA = new StructType()
      .add("year", DataTypes.IntegerType, false)
      .add("iso3", DataTypes.StringType, false)
      .add("indicator_code", DataTypes.StringType, false)
      .add("indicator_name", DataTypes.StringType, false)
      .add("value", DataTypes.DoubleType, false)
      .add("source", DataTypes.StringType, false);

  /** A cell that is not a number, kept for the report. */
  public record BadCell(String file, String code, String indicatorCode, String year, String text) {}

  /**
   * @param overlaps where two files gave the same indicator for the same country-years: which was
   *     kept, which set aside, and by which rule
   * @param warnings header cells skipped, one line each
   */
  public record Loaded(Dataset<Row> observations, List<SourceFile> files, Map<String, String> excludedAggregates,
      List<BadCell> badCells, List<Map<String, Object>> vintages, List<Map<String, Object>> overlaps,
      List<String> warnings, List<SourceFolder.Skipped> skipped) {}

  /** The WDI CSVs and data packages of {@code DIR/worldbank/}, and what is skipped there. */
  public static SourceFolder.Listing list(Location inputDir) {
    // the WDI download zips metadata CSVs beside the data: not data, and not worth a warning
    return SourceFolder.list(inputDir.resolve(FOLDER), "World Bank", List.of(".csv"), n -> n.startsWith("Metadata_"), true);
  }

  public static Loaded load(SparkSession spark, Location inputDir, ReferenceData reference) {
    SourceFolder.Listing listing = list(inputDir);
    List<WorldBankFile> read = new ArrayList<>();
    List<SourceFile> inputs = new ArrayList<>();
    List<SourceFolder.Skipped> skipped = new ArrayList<>(listing.skipped());
    Set<String> resources = new HashSet<>();
    for (Location dir : listing.packages()) {
      DataPackageReader.Package p = new DataPackageReader().read(dir);
      inputs.add(p.descriptor());
      p.files().forEach(f -> resources.add(f.file().toString()));
      read.addAll(p.files());
      skipped.addAll(p.skipped());
    }
    for (Location file : listing.files()) {
      if (!resources.contains(file.toString())) { // a package unpacked into worldbank/ names its own CSVs
        read.add(new WdiCsvReader().read(file));
      }
    }

    Map<String, String> aggregates = new TreeMap<>();
    List<BadCell> bad = new ArrayList<>();
    List<VintageRule.Observation> observations = new ArrayList<>();
    List<Map<String, Object>> vintages = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (WorldBankFile f : read) {
      Set<String> codes = new java.util.TreeSet<>();
      for (WorldBankFile.Cell c : f.cells()) {
        codes.add(c.indicatorCode());
        if (reference.country(c.code()).isEmpty()) {
          aggregates.putIfAbsent(c.code(), c.countryName());
        } else if (!c.text().isEmpty()) { // the World Bank leaves a cell empty where it has no estimate
          Double v = number(c.text());
          if (v == null) {
            bad.add(new BadCell(f.file().name(), c.code(), c.indicatorCode(), Integer.toString(c.year()), c.text()));
          } else {
            observations.add(new VintageRule.Observation(c.year(), c.code(), c.indicatorCode(), c.indicatorName(), v, f));
          }
        }
      }
      inputs.add(f.input());
      warnings.addAll(f.warnings());
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("file", f.file().toString());
      v.put("indicator_codes", String.join(", ", codes));
      v.put("vintage", f.vintage().iso());
      v.put("vintage_as_published", f.vintage().asPublished());
      v.put("vintage_from", f.vintage().from());
      vintages.add(v);
    }
    VintageRule.Resolved resolved = VintageRule.resolve(observations);
    List<Row> rows = new ArrayList<>(resolved.kept().size());
    for (VintageRule.Observation o : resolved.kept()) {
      rows.add(RowFactory.create(o.year(), o.iso3(), o.indicatorCode(), o.indicatorName(), o.value(), o.file().label()));
    }
    return new Loaded(spark.createDataFrame(rows, SCHEMA), inputs, aggregates, bad, vintages, resolved.overlaps(),
        warnings, skipped);
  }

  private static Double number(String text) {
    try {
      double v = Double.parseDouble(text);
      return Double.isFinite(v) ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
