package org.tiptrends.api.queries;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.Panel;
import org.tiptrends.core.geo.ReferenceData;

/**
 * Countries in armed conflict (UCDP/PRIO: at least one conflict located there in the year) against
 * countries not in conflict, on one panel measure (e.g. the child share of detected victims), year
 * by year: the countries of each group with their values and bounds, the groups' means and medians,
 * and a Mann–Whitney U test of the difference. Years the conflict data do not cover are left out.
 */
public final class ConflictQuery {
  public static final List<String> MEASURES = List.of("child_share", "female_share", "forced_labour_share",
      "transregional_share", "domestic_share", "detected_victims");
  public static final String NOTE = "Detections, not prevalence; countries in conflict may detect and report "
      + "victims differently. A comparison of countries, not of people, and not a causal estimate.";
  /** What "in conflict" means here, from UCDP's own definition of gwno_loc. */
  public static final String LEFT_OUT = "Country-years whose share rests only on <5 cells (anywhere from 0 to 1) "
      + "are left out of the groups (leftOut, by year): their midpoint would pull both medians to one half.";
  public static final String LOCATION = "In conflict follows UCDP's gwno_loc: the country of the government "
      + "party (where the incompatibility is), which is not always where the fighting happens: the United "
      + "States is in conflict in the years of its war with al-Qaida.";

  private ConflictQuery() {}

  public record Country(String iso3, String name, double value, double low, double high, int intensity) {}

  public record Group(int n, Double mean, Double median, List<Country> countries) {}

  /**
   * @param leftOut countries with a conflict-data row and the measure whose share rests only on
   *     {@code <5} cells (anywhere from 0 to 1): left out of the groups, which they would pull to the
   *     midpoint
   */
  public record Year(int year, Group inConflict, Group notInConflict, Double mannWhitneyP, int leftOut) {}

  public record Answer(String measure, String description, List<Year> years, List<String> caveats,
      SourceNote source) {}

  public static Answer compare(MartSnapshot s, String measure, Integer from, Integer to) {
    Panel panel = s.panel();
    List<Year> years = new ArrayList<>();
    java.util.TreeSet<Integer> allYears = new java.util.TreeSet<>();
    panel.byCountry("conflict_max_intensity").values().forEach(m -> allYears.addAll(m.keySet()));
    ReferenceData ref = ReferenceData.standard();
    for (int year : allYears) {
      if ((from != null && year < from) || (to != null && year > to)) {
        continue;
      }
      List<Country> in = new ArrayList<>();
      List<Country> out = new ArrayList<>();
      int leftOut = 0;
      for (var e : panel.byCountry(measure).entrySet()) {
        Panel.Value v = e.getValue().get(year);
        NavigableMap<Integer, Panel.Value> conflict = panel.byCountry("conflict_max_intensity").get(e.getKey());
        Panel.Value intensity = conflict == null ? null : conflict.get(year);
        if (v == null || intensity == null) {
          continue;
        }
        if (v.isUninformativeShare()) {
          leftOut++;
          continue;
        }
        Country c = new Country(e.getKey(), ref.country(e.getKey()).map(x -> x.name()).orElse(e.getKey()),
            v.value(), v.low(), v.high(), (int) intensity.value());
        (c.intensity() > 0 ? in : out).add(c);
      }
      if (in.isEmpty() && out.isEmpty()) {
        continue;
      }
      Double p = in.size() >= 2 && out.size() >= 2
          ? new MannWhitneyUTest().mannWhitneyUTest(values(in), values(out)) : null;
      years.add(new Year(year, group(in), group(out), p, leftOut));
    }
    return new Answer(measure, Panel.MEASURES.get(measure), years,
        List.of(NOTE, LOCATION, CorrelationQuery.CAVEATS.get(0), SourceNote.SUPPRESSION, LEFT_OUT),
        SourceNote.of(s, List.of("unodc", "ucdp"), "UNODC and UCDP/PRIO",
            "GLOTIP data and Armed Conflict Dataset (country_year_panel)", SourceNote.GLOTIP_NOTE + " " + LOCATION));
  }

  private static double[] values(List<Country> cs) {
    return cs.stream().mapToDouble(Country::value).toArray();
  }

  private static Group group(List<Country> cs) {
    if (cs.isEmpty()) {
      return new Group(0, null, null, cs);
    }
    DescriptiveStatistics d = new DescriptiveStatistics(values(cs));
    return new Group(cs.size(), d.getMean(), d.getPercentile(50), cs);
  }
}
