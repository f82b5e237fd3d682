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
 */
public record SourceNote(String publisher, String dataset, List<String> exportDates, String martVersion,
    String note, boolean generated) {
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

  /** The note for World Bank indicators (GDP per capita): current US$, as the World Bank published them. */
  public static SourceNote worldBank(MartSnapshot s) {
    return of(s, List.of("worldbank"), "World Bank", "World Development Indicators",
        "Indicator values as published (e.g. GDP per capita, current US$); aggregates set aside.");
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
    List<String> publishers = inputs.stream().map(RunSummary.Input::publisher).filter(Objects::nonNull)
        .distinct().toList();
    List<String> dates = inputs.stream().map(RunSummary.Input::exportDate).filter(Objects::nonNull)
        .distinct().sorted().toList();
    boolean generated = inputs.stream().anyMatch(RunSummary.Input::generated);
    return new SourceNote(publishers.isEmpty() ? defaultPublisher : String.join(", ", publishers),
        generated ? "in the layout of " + defaultPublisher + "'s " + dataset : dataset, dates, s.version(),
        generated ? "Generated sample data, not official statistics (tip-trends generate). " + note : note,
        generated);
  }

  /**
   * The source in one line, for chart footnotes and CSV downloads: "UNODC, Global Report on
   * Trafficking in Persons (GLOTIP) data (export of 2023-05-30)", or for generated inputs
   * "tip-trends generate (generated sample data, not official statistics), in the layout of ...".
   */
  public String citation() {
    String exported = exportDates == null || exportDates.isEmpty() ? ""
        : " (export of " + String.join(", ", exportDates) + ")";
    // a publisher that names its dataset ("World Bank, World Development Indicators") says it once
    return (publisher.endsWith(dataset) ? publisher : publisher + ", " + dataset) + exported;
  }
}
