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

  /** The note for answers from the GLOTIP marts (victims_by_year, flows, flow_shares). */
  public static SourceNote glotip(MartSnapshot s) {
    List<RunSummary.Input> inputs = s.run().inputs("unodc");
    List<String> publishers = inputs.stream().map(RunSummary.Input::publisher).filter(Objects::nonNull)
        .distinct().sorted().toList();
    List<String> dates = inputs.stream().map(RunSummary.Input::exportDate).filter(Objects::nonNull)
        .distinct().sorted().toList();
    return new SourceNote(publishers.isEmpty() ? "UNODC" : String.join(", ", publishers),
        "Global Report on Trafficking in Persons (GLOTIP) data", dates, s.version(), GLOTIP_NOTE);
  }
}
