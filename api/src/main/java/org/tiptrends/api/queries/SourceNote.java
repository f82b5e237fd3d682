package org.tiptrends.api.queries;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.RunSummary;

/**
 * Where the numbers of an answer come from: publisher, export dates of the files the run read, the
 * mart version, and what the numbers are (detections, not prevalence). When the run read files
 * {@code tip-trends generate} wrote, {@code generated} is true and every text says "generated
 * sample data, not official statistics" where it would name the publisher.
 *
 * @param undatedFiles data files of the note that state no export date (a WDI download without its
 *     "Last Updated Date" preamble): the citation names them instead of a date
 */
public record SourceNote(String publisher, String dataset, List<String> exportDates, String martVersion,
    String note, boolean generated, List<String> undatedFiles) {
  public static final String GENERATED = "generated sample data, not official statistics";
  /** The convention for suppressed cells, and why: said wherever GLOTIP counts are shown. */
  public static final String SUPPRESSION = "A suppressed cell (<5) counts as 0 to 4 victims, point 2: the "
      + "export holds no value 0-4 at all, so <5 includes zero.";
  public static final String GLOTIP_NOTE = "Victims detected by national authorities and reported to "
      + "UNODC: detections, not prevalence. A change over time can reflect enforcement, reporting "
      + "or who reports as much as trafficking itself. " + SUPPRESSION + " Values from suppressed cells "
      + "are intervals [low, high]; aggregates sum the countries that reported each cell "
      + "(reportingCountries), and suppressedOnlyCountries of them gave nothing but <5 cells.";

  /** What the criminal-justice counts are, and the same {@code <5} convention as for victims. */
  public static final String JUSTICE_NOTE = "Persons brought into formal contact with the police or the "
      + "criminal justice system, prosecuted and convicted for trafficking in persons, and offences recorded, as "
      + "national authorities reported them to UNODC: the criminal-justice response, not the extent of "
      + "trafficking. Persons convicted are counted in the year of conviction, not of the offence; offences are "
      + "counted in offences, not persons. A suppressed cell (<5) counts as 0 to 4, point 2. Values from "
      + "suppressed cells are intervals [low, high]; aggregates sum the countries that reported each cell "
      + "(reportingCountries), and suppressedOnlyCountries of them gave nothing but <5 cells.";

  /** A note whose files all state their export date (or are generated). */
  public SourceNote(String publisher, String dataset, List<String> exportDates, String martVersion, String note,
      boolean generated) {
    this(publisher, dataset, exportDates, martVersion, note, generated, List.of());
  }

  /** The note for World Bank indicators (GDP per capita): current US$, as the World Bank published them. */
  public static SourceNote worldBank(MartSnapshot s) {
    return worldBank(s, List.of());
  }

  /**
   * The note for some World Bank indicators only: the files that hold them (a WDI download names its
   * indicator, {@code API_NY.GDP.PCAP.CD_...csv}), so that another file's export date is not given
   * as theirs, and a file among them that states no export date is named instead; all World Bank
   * files, as before, when none is recognised.
   */
  public static SourceNote worldBank(MartSnapshot s, List<String> indicatorCodes) {
    List<RunSummary.Input> all = s.run().inputs("worldbank");
    List<RunSummary.Input> holding = all.stream().filter(i -> i.file() != null
        && indicatorCodes.stream().anyMatch(c -> i.file().contains("_" + c + "_") || i.file().startsWith(c + "_")
            || i.file().equals(c + ".csv"))).toList();
    return of(holding.isEmpty() ? all : holding, s.version(), "World Bank", "World Development Indicators",
        "Indicator values as published (e.g. GDP per capita, current US$); aggregates set aside.", !holding.isEmpty());
  }

  /** The note for the conflict mart: UCDP/PRIO's conflict locations and what they mean. */
  public static SourceNote ucdp(MartSnapshot s, String location) {
    return of(s, List.of("ucdp"), "UCDP/PRIO", "Armed Conflict Dataset", location);
  }

  /** The note for answers from the GLOTIP marts (victims_by_year, flows, flow_shares). */
  public static SourceNote glotip(MartSnapshot s) {
    return of(s, List.of("unodc"), "UNODC", "Global Report on Trafficking in Persons (GLOTIP) data", GLOTIP_NOTE);
  }

  /** The note for answers from {@code justice_by_year} (the same GLOTIP files). */
  public static SourceNote glotipJustice(MartSnapshot s) {
    return of(s, List.of("unodc"), "UNODC", "Global Report on Trafficking in Persons (GLOTIP) data", JUSTICE_NOTE);
  }

  /**
   * The publishers and export dates of the files of some sources the run read.
   *
   * @param defaultPublisher who publishes the dataset (named when no file states it, and in "in the
   *     layout of ..." for generated files)
   */
  public static SourceNote of(MartSnapshot s, List<String> sources, String defaultPublisher, String dataset,
      String note) {
    List<RunSummary.Input> inputs = new ArrayList<>();
    sources.forEach(source -> inputs.addAll(s.run().inputs(source)));
    return of(inputs, s.version(), defaultPublisher, dataset, note, false);
  }

  private static SourceNote of(List<RunSummary.Input> inputs, String version, String defaultPublisher,
      String dataset, String note, boolean nameUndated) {
    // "World Bank, World Development Indicators" and "World Bank, data package population" name the World Bank once
    List<String> publishers = inputs.stream().map(RunSummary.Input::publisher).filter(Objects::nonNull)
        .flatMap(p -> java.util.Arrays.stream(p.split(", "))).distinct().toList();
    List<String> dates = inputs.stream().map(RunSummary.Input::exportDate).filter(Objects::nonNull)
        .distinct().sorted().toList();
    boolean generated = inputs.stream().anyMatch(RunSummary.Input::generated);
    // a data file that states no export date is named instead (a package's descriptor dates its data)
    List<String> undated = generated || !nameUndated ? List.of() : inputs.stream()
        .filter(i -> i.exportDate() == null && i.file() != null && !"datapackage".equals(i.format()))
        .map(RunSummary.Input::file).distinct().sorted().toList();
    return new SourceNote(publishers.isEmpty() ? defaultPublisher : String.join(", ", publishers),
        generated ? "in the layout of " + defaultPublisher + "'s " + dataset : dataset, dates, version,
        generated ? "Generated sample data, not official statistics (tip-trends generate). " + note : note,
        generated, undated);
  }

  /**
   * The source in one line, for chart footnotes and CSV downloads: "UNODC, Global Report on
   * Trafficking in Persons (GLOTIP) data (export of 2023-05-30)", or for generated inputs
   * "tip-trends generate (generated sample data, not official statistics), in the layout of ...".
   */
  public String citation() {
    List<String> when = new ArrayList<>();
    if (exportDates != null && !exportDates.isEmpty()) {
      when.add("export of " + String.join(", ", exportDates));
    }
    if (undatedFiles != null && !undatedFiles.isEmpty()) {
      when.add("file " + String.join(", ", undatedFiles) + ", which states no export date");
    }
    String exported = when.isEmpty() ? "" : " (" + String.join("; ", when) + ")";
    // a publisher that names its dataset ("World Bank, World Development Indicators") says it once
    return (publisher.contains(dataset) ? publisher : publisher + ", " + dataset) + exported;
  }
}
