package org.tiptrends.api.queries;

import java.util.List;
import java.util.Objects;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.RunSummary;

/**
 * Where the numbers of an answer come from: publisher, export dates of the files the run read, the
 * mart version, and what the numbers are (detections, not prevalence).
 */
public record SourceNote(String publisher, String dataset, List<String> exportDates, String martVersion,
    String note) {
  public static final String GLOTIP_NOTE = "Victims detected by national authorities and reported to "
      + "UNODC: detections, not prevalence. A change over time can reflect enforcement, reporting "
      + "or who reports as much as trafficking itself. Values derived from suppressed cells (<5) are "
      + "intervals [low, high]; aggregates sum the countries that reported each cell "
      + "(reportingCountries).";

  /** The note for World Bank indicators (GDP per capita): current US$, as the World Bank published them. */
  public static SourceNote worldBank(MartSnapshot s) {
    return of(s, "worldbank", "World Bank", "World Development Indicators",
        "Indicator values as published (e.g. GDP per capita, current US$); aggregates set aside.");
  }

  /** The publishers and export dates of the files of one source the run read. */
  private static SourceNote of(MartSnapshot s, String source, String defaultPublisher, String dataset, String note) {
    List<RunSummary.Input> inputs = s.run().inputs(source);
    List<String> publishers = inputs.stream().map(RunSummary.Input::publisher).filter(Objects::nonNull)
        .distinct().sorted().toList();
    List<String> dates = inputs.stream().map(RunSummary.Input::exportDate).filter(Objects::nonNull)
        .distinct().sorted().toList();
    return new SourceNote(publishers.isEmpty() ? defaultPublisher : String.join(", ", publishers), dataset, dates,
        s.version(), note);
  }

  /** The note for answers from the GLOTIP marts (victims_by_year, flows, flow_shares). */
  public static SourceNote glotip(MartSnapshot s) {
    return of(s, "unodc", "UNODC", "Global Report on Trafficking in Persons (GLOTIP) data", GLOTIP_NOTE);
  }
}
