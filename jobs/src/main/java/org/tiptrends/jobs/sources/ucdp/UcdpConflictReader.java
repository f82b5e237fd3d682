package org.tiptrends.jobs.sources.ucdp;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.sources.FileSniffer;
import org.tiptrends.jobs.sources.InputException;
import org.tiptrends.jobs.sources.NamedColumns;
import org.tiptrends.jobs.sources.TextEncoding;

/**
 * Reads the UCDP/PRIO Armed Conflict Dataset CSV as UCDP publishes it (one row per conflict-year:
 * {@code conflict_id, location, side_a, side_b, gwno_loc, type_of_conflict, intensity_level, year,
 * ...}). A conflict located in several states lists their Gleditsch–Ward codes in {@code gwno_loc},
 * comma-separated; each becomes one conflict location, mapped to ISO3 with the reference table.
 * Columns are found by name: a file re-saved by pandas (an unnamed index column first) or trimmed to
 * the columns used here ({@link #REQUIRED}, {@code location} and {@code version} optional) reads the
 * same; the date columns are not used, so however a spreadsheet rewrote them does not matter.
 */
public final class UcdpConflictReader {
  public static final Set<String> REQUIRED = Set.of("conflict_id", "year", "gwno_loc", "intensity_level",
      "type_of_conflict");

  /** One conflict in one located country in one year. */
  public record ConflictLocation(int year, String iso3, String conflictId, int intensity, int type, String location) {}

  /**
   * @param versions the dataset versions the file's {@code version} column states ({@code 21.1}; a
   *     decimal comma, as a spreadsheet in a European locale writes it, read as a point)
   */
  public record Result(List<ConflictLocation> locations, long rowsRead, List<String> unmappedGwCodes,
      List<String> badRows, TextEncoding.Verdict encoding, List<String> versions) {}

  public Result read(Location file, Map<Integer, String> gwToIso3) {
    String name = file.toString();
    TextEncoding.Verdict encoding = TextEncoding.of(file, "UCDP/PRIO CSV");
    List<ConflictLocation> out = new ArrayList<>();
    List<String> unmapped = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    Set<String> versions = new TreeSet<>();
    long read = 0;
    try (Reader in = encoding.reader(file); CSVParser p = NamedColumns.parse(in)) {
      NamedColumns header = NamedColumns.of(p, name, REQUIRED);
      for (CSVRecord r : p) {
        read++;
        if (header.has("version") && !header.get(r, "version").isEmpty()) {
          versions.add(header.get(r, "version").replaceAll("^(\\d+),(\\d+)$", "$1.$2"));
        }
        try {
          int year = Integer.parseInt(header.get(r, "year"));
          int intensity = Integer.parseInt(header.get(r, "intensity_level"));
          int type = Integer.parseInt(header.get(r, "type_of_conflict"));
          if (intensity < 1 || intensity > 2 || type < 1 || type > 4) {
            throw new NumberFormatException("intensity " + intensity + ", type " + type);
          }
          String location = header.has("location") ? header.get(r, "location") : "";
          for (String gw : header.get(r, "gwno_loc").split(",")) {
            if (gw.isBlank()) {
              continue;
            }
            int code = Integer.parseInt(gw.strip());
            String iso3 = gwToIso3.get(code);
            if (iso3 == null) {
              unmapped.add(gw.strip());
              continue;
            }
            out.add(new ConflictLocation(year, iso3, header.get(r, "conflict_id"), intensity, type, location));
          }
        } catch (NumberFormatException e) {
          bad.add("row " + r.getRecordNumber() + ": " + e.getMessage());
        }
      }
    } catch (InputException e) {
      throw e;
    } catch (Exception e) {
      throw new InputException(name, "not a readable UCDP/PRIO CSV (" + FileSniffer.describe(e, file) + ")", e);
    }
    return new Result(out, read, unmapped.stream().distinct().sorted().toList(), bad, encoding, List.copyOf(versions));
  }

}
