package org.tiptrends.jobs.sources.ilo;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.jobs.io.Location;
import org.tiptrends.jobs.sources.FileSniffer;
import org.tiptrends.jobs.sources.InputException;
import org.tiptrends.jobs.sources.NamedColumns;
import org.tiptrends.jobs.sources.TextEncoding;

/**
 * Reads an ILOSTAT bulk download CSV (long: {@code ref_area, source, indicator, sex, classif1,
 * classif2, time, obs_value, obs_status, ...}, columns in any order, found by name). Countries come
 * as ISO3 codes, ILO regions as their own codes; age bands and sectors come as ILO classification codes ({@code AGE_AGGREGATE_Y05-17},
 * {@code ECO_AGGREGATE_AGR}). Indicators ending in {@code _NB} are counts in thousands, {@code _RT}
 * rates in percent.
 */
public final class IloBulkReader {
  public static final Set<String> REQUIRED = Set.of("ref_area", "indicator", "sex", "classif1", "time", "obs_value");

  public record Result(List<SectorObservation> observations, long rowsRead, List<String> badCells,
      TextEncoding.Verdict encoding) {}

  /** Whether a CSV's first line is a bulk header ({@code ref_area, indicator, ...}). */
  public static boolean isBulk(Location file, TextEncoding.Verdict encoding) {
    try (Reader in = encoding.reader(file);
        CSVParser p = CSVFormat.RFC4180.parse(in)) {
      var it = p.iterator();
      if (!it.hasNext()) {
        return false;
      }
      List<String> first = new ArrayList<>();
      it.next().forEach(v -> first.add(v.replace("\uFEFF", "").strip()));
      // the table export starts with a title; a bulk file names its columns with ILO's codes, so
      // one that lacks a required column is still a bulk file (and the reader says which is missing)
      return first.contains("ref_area") && first.contains("indicator");
    } catch (Exception e) {
      return false;
    }
  }

  public Result read(Location file, ReferenceData reference) {
    return read(file, TextEncoding.of(file, "ILOSTAT bulk CSV"), reference);
  }

  /** @param encoding the file's, as {@link TextEncoding} judged it */
  public Result read(Location file, TextEncoding.Verdict encoding, ReferenceData reference) {
    String name = file.toString();
    List<SectorObservation> out = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    long read = 0;
    try (Reader in = encoding.reader(file); CSVParser p = NamedColumns.parse(in)) {
      NamedColumns header = NamedColumns.of(p, name, REQUIRED);
      for (CSVRecord r : p) {
        read++;
        String value = header.get(r, "obs_value");
        if (value.isEmpty()) {
          continue;
        }
        String indicator = header.get(r, "indicator");
        String classif2 = header.has("classif2") ? header.get(r, "classif2") : "";
        try {
          int year = (int) Double.parseDouble(header.get(r, "time"));
          IloGeography.Place place = IloGeography.of(header.get(r, "ref_area"), reference);
          out.add(new SectorObservation(year, place.level(), place.code(), place.name(), indicator, indicator,
              IloGeography.sex(header.get(r, "sex")), IloGeography.ageBand(header.get(r, "classif1")),
              classif2.isEmpty() ? "total" : IloGeography.sector(classif2), Double.parseDouble(value),
              indicator.endsWith("_NB") ? "thousands" : indicator.endsWith("_RT") ? "percent" : null,
              header.has("source") ? header.get(r, "source") : null));
        } catch (NumberFormatException e) {
          bad.add("row " + r.getRecordNumber() + ": '" + value + "'");
        }
      }
    } catch (InputException e) {
      throw e;
    } catch (Exception e) {
      throw new InputException(name, "not a readable ILOSTAT bulk CSV (" + FileSniffer.describe(e, file) + ")", e);
    }
    return new Result(out, read, bad, encoding);
  }

}
