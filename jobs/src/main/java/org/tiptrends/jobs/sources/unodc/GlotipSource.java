package org.tiptrends.jobs.sources.unodc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.sources.InputException;
import org.tiptrends.jobs.sources.SourceFile;
import org.tiptrends.jobs.sources.SourceFolder;
import org.tiptrends.jobs.sources.TextEncoding;

/** All GLOTIP exports of {@code DIR/unodc/}: each file read by the reader for its format. */
public final class GlotipSource {
  public static final String FOLDER = "unodc";

  /** The raw rows of every file (in {@link GlotipLayout#RAW_SCHEMA}) and what each file was. */
  public record Loaded(Dataset<Row> raw, List<SourceFile> files, List<SourceFolder.Skipped> skipped) {}

  /** The GLOTIP exports of {@code DIR/unodc/} and what is skipped there. */
  public static SourceFolder.Listing list(Location inputDir) {
    return SourceFolder.list(inputDir.resolve(FOLDER), "GLOTIP", List.of(".xlsx", ".csv"), n -> false, false);
  }

  public static Loaded load(SparkSession spark, Location inputDir) {
    SourceFolder.Listing listing = list(inputDir);
    List<SourceFile> files = new ArrayList<>();
    List<Row> xlsxRows = new ArrayList<>();
    Dataset<Row> raw = null;
    for (Location file : listing.files()) {
      String name = file.name().toLowerCase(Locale.ROOT);
      GlotipLayout.Header header;
      String format;
      TextEncoding.Verdict encoding = null;
      // a file with a header and nothing under it is an export of an empty selection, not "no
      // data": with other files beside it, its years would silently vanish from the marts
      if (name.endsWith(".xlsx")) {
        GlotipXlsxReader.Result r = new GlotipXlsxReader().read(file);
        if (r.rows().isEmpty()) {
          throw new InputException(file.toString(), GlotipLayout.noDataRows(r.header()));
        }
        xlsxRows.addAll(r.rows());
        header = r.header();
        format = "xlsx";
      } else {
        GlotipCsvReader.Result r = new GlotipCsvReader(spark).read(file);
        if (r.noDataRows()) {
          throw new InputException(file.toString(), GlotipLayout.noDataRows(r.header()));
        }
        raw = raw == null ? r.rows() : raw.unionByName(r.rows());
        header = r.header();
        format = "csv";
        encoding = r.encoding();
      }
      SourceFile f = SourceFile.of(FOLDER, file, format, -1, header.publisher(), header.exportDate());
      files.add(encoding == null ? f : f.with(encoding));
    }
    Dataset<Row> fromXlsx = spark.createDataFrame(xlsxRows, GlotipLayout.RAW_SCHEMA);
    return new Loaded(raw == null ? fromXlsx : fromXlsx.unionByName(raw), files, listing.skipped());
  }


}
