package org.tiptrends.jobs.sources.worldbank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.sources.FileSniffer;
import org.tiptrends.jobs.sources.InputException;
import org.tiptrends.jobs.sources.NamedColumns;
import org.tiptrends.jobs.sources.SourceFile;
import org.tiptrends.jobs.sources.SourceFolder;
import org.tiptrends.jobs.sources.TextEncoding;

/**
 * Reads a World Bank indicator published as a Frictionless Data Package: a folder holding
 * {@code datapackage.json} and the CSV resources it names, long ({@code Country Name, Country Code,
 * Year, Value}; columns found by name). The package names its indicator in {@code sources[].path}
 * ({@code http://data.worldbank.org/indicator/SP.POP.TOTL}); its vintage is its {@code version} when
 * that is a date, else its {@code last_updated}; its title, licence and version go to run.json.
 */
final class DataPackageReader {
  static final List<String> COLUMNS = List.of("Country Code", "Year", "Value");
  private static final Set<String> REQUIRED = Set.copyOf(COLUMNS);
  private static final Pattern INDICATOR = Pattern.compile("/indicator/([A-Za-z0-9._]+)");

  /** The package's resources as files to merge, its descriptor as an input, and what it skipped. */
  record Package(List<WorldBankFile> files, SourceFile descriptor, List<SourceFolder.Skipped> skipped) {}

  Package read(Location dir) {
    Location json = dir.resolve(SourceFolder.DATA_PACKAGE);
    String name = json.toString();
    TextEncoding.Verdict encoding = TextEncoding.of(json, "data package descriptor");
    JsonNode p;
    try (Reader in = encoding.reader(json)) {
      p = new ObjectMapper().readTree(in);
    } catch (IOException | RuntimeException e) {
      throw new InputException(name, "not a readable data package descriptor (" + FileSniffer.describe(e, json) + ")", e);
    }
    Set<String> codes = new LinkedHashSet<>();
    String publisher = null;
    for (JsonNode s : p.path("sources")) {
      Matcher m = INDICATOR.matcher(s.path("path").asText(""));
      if (m.find()) {
        codes.add(m.group(1).toUpperCase(Locale.ROOT));
        publisher = text(s, "name") != null ? text(s, "name") : text(s, "title");
      }
    }
    if (codes.size() != 1) {
      throw new InputException(name, codes.isEmpty()
          ? "names no World Bank indicator: no sources[].path like http://data.worldbank.org/indicator/SP.POP.TOTL"
          : "names several World Bank indicators (" + String.join(", ", codes) + "): one indicator per package");
    }
    String code = codes.iterator().next();
    String packageName = text(p, "name") != null ? text(p, "name") : dir.name();
    String label = (publisher == null ? "World Bank" : publisher) + ", data package " + packageName;
    String version = text(p, "version");
    WorldBankFile.Vintage vintage = org.tiptrends.jobs.sources.ExportDates.parse(version) != null
        ? WorldBankFile.Vintage.of(version, "datapackage.json version")
        : text(p, "last_updated") != null ? WorldBankFile.Vintage.of(text(p, "last_updated"), "datapackage.json last_updated")
        : WorldBankFile.Vintage.none("datapackage.json version or last_updated");
    JsonNode licence = p.path("licenses").path(0);
    String license = text(licence, "name") != null ? text(licence, "name") : text(licence, "title");
    SourceFile descriptor = describe(SourceFile.of(WorldBankSource.FOLDER, json, "datapackage", -1, label,
        vintage.asPublished()), p, license, code);

    List<WorldBankFile> files = new ArrayList<>();
    List<SourceFolder.Skipped> skipped = new ArrayList<>();
    for (JsonNode r : p.path("resources")) {
      List<String> paths = new ArrayList<>();
      JsonNode path = r.path("path");
      if (path.isArray()) {
        path.forEach(x -> paths.add(x.asText()));
      } else if (path.isTextual()) {
        paths.add(path.asText());
      }
      for (String rel : paths) {
        boolean csv = rel.toLowerCase(Locale.ROOT).endsWith(".csv") || "csv".equalsIgnoreCase(text(r, "format"));
        if (rel.contains("://") || rel.startsWith("/") || rel.contains("..") || !csv) {
          skipped.add(new SourceFolder.Skipped(name + " resource " + rel, rel.contains("://")
              ? "a remote resource: the job reads the files beside datapackage.json only"
              : !csv ? "not a CSV resource" : "a path outside the package folder"));
          continue;
        }
        Location file = dir;
        for (String part : rel.split("/")) {
          file = file.resolve(part);
        }
        if (!file.isFile()) {
          throw new InputException(name, "names the resource " + rel + ", which is not there: the package is incomplete");
        }
        String title = text(r, "title") != null ? text(r, "title") : text(p, "title") != null ? text(p, "title") : code;
        files.add(readResource(file, code, title, label + " (" + dir.name() + "/" + rel + ")", vintage,
            descriptor, p, license));
      }
    }
    if (files.isEmpty()) {
      throw new InputException(name, "names no CSV resource beside it: nothing to read");
    }
    return new Package(files, descriptor, skipped);
  }

  private static WorldBankFile readResource(Location file, String code, String indicatorName, String label,
      WorldBankFile.Vintage vintage, SourceFile descriptor, JsonNode p, String license) {
    String name = file.toString();
    TextEncoding.Verdict encoding = TextEncoding.of(file, "CSV file");
    List<WorldBankFile.Cell> cells = new ArrayList<>();
    long read = 0;
    try (Reader in = encoding.reader(file); CSVParser parser = NamedColumns.parse(in)) {
      NamedColumns columns = NamedColumns.of(parser, name, REQUIRED);
      for (CSVRecord r : parser) {
        String iso3 = columns.get(r, "Country Code").toUpperCase(Locale.ROOT);
        if (iso3.isEmpty()) {
          continue;
        }
        read++;
        String year = columns.get(r, "Year");
        if (!year.matches("\\d{4}(\\.0+)?")) {
          throw new InputException(name, "Year '" + year + "' on line " + parser.getCurrentLineNumber()
              + " is not a year: the long layout has one row per country and year");
        }
        cells.add(new WorldBankFile.Cell(iso3, columns.get(r, "Country Name"), code, indicatorName,
            Integer.parseInt(year.substring(0, 4)), columns.get(r, "Value")));
      }
    } catch (InputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new InputException(name, "not a readable CSV file (" + FileSniffer.describe(e, file) + ")", e);
    }
    SourceFile input = describe(SourceFile.of(WorldBankSource.FOLDER, file, "csv", read, descriptor.publisher(),
        descriptor.exportDate()).with(encoding), p, license, code);
    return new WorldBankFile(file, label, cells, read, vintage, List.of(), input);
  }

  /** The package's own metadata, as flat details of an input. */
  private static SourceFile describe(SourceFile f, JsonNode p, String license, String code) {
    return f.with("title", text(p, "title")).with("license", license).with("version", text(p, "version"))
        .with("last_updated", text(p, "last_updated")).with("indicator_code", code);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
  }
}
