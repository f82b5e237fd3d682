package org.tiptrends.api.queries;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import org.tiptrends.api.snapshot.CellKey;
import org.tiptrends.api.snapshot.CountTable;
import org.tiptrends.api.snapshot.Geography;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.VictimCell;

/**
 * The balanced panel, defined once for every chart and endpoint that offers {@code balanced=true}:
 * the countries of a geography that reported a total (the cell of all victims: sex, age and form
 * total; a {@code <5} total counts as reported) in every year of [from, to]. Summing only them
 * keeps who reports fixed, so a change in who reports does not pass for a trend.
 *
 * @param countries the panel, by name
 * @param reportedInAnyYear the countries of the geography with a total in at least one year of the range
 * @param note what the panel is, in words: how many of those who reported reported every year, or
 *     that none did
 */
public record BalancedPanel(int from, int to, String definition, @JsonIgnore List<String> codes,
    @JsonIgnore List<Geography> countries, int size, int reportedInAnyYear, String note) {
  public static final String DEFINITION = definitionFor("detected victims");

  /** The definition for a panel of the countries reporting {@code what} (e.g. "persons prosecuted"). */
  public static String definitionFor(String what) {
    return "the countries of the geography that reported a total of " + what
        + " (a <5 total included) in every year of the range; only they are summed, every year";
  }

  /** The panel of detected victims ({@code victims_by_year}). */
  public static BalancedPanel of(MartSnapshot s, String geoCode, int from, int to) {
    return of(s, s.victimCounts(), DEFINITION, geoCode, from, to);
  }

  /** The panel of the countries of {@code counts} (e.g. one justice measure) that reported every year. */
  public static BalancedPanel of(MartSnapshot s, CountTable counts, String definition, String geoCode, int from,
      int to) {
    List<String> codes = new ArrayList<>();
    int any = 0;
    for (String country : counts.countriesIn(geoCode)) {
      NavigableMap<Integer, VictimCell> totals = counts.cells(country, CellKey.ALL).subMap(from, true, to, true);
      any += totals.isEmpty() ? 0 : 1;
      if (totals.size() == to - from + 1) {
        codes.add(country);
      }
    }
    List<Geography> named = codes.stream().map(c -> Places.named(s, c))
        .sorted(Comparator.comparing(Geography::name).thenComparing(Geography::code)).toList();
    return new BalancedPanel(from, to, definition, List.copyOf(codes), named, codes.size(), any,
        note(codes.size(), any, from, to));
  }

  /** "No country reported in every year 2010–2020; 143 reported in at least one." and the like. */
  static String note(int size, int any, int from, int to) {
    if (any == 0) {
      return "No country reported a total " + (from == to ? "in " + from : "in " + from + "–" + to) + ".";
    }
    if (from == to) {
      return Plural.countries(size) + " reported a total in " + from + ".";
    }
    if (size == 0) {
      return "No country reported in every year " + from + "–" + to + "; " + Plural.countries(any)
          + " reported in at least one.";
    }
    return String.format(java.util.Locale.ROOT, "%,d of the %s that reported in %d–%d reported in every year.",
        size, Plural.countries(any), from, to);
  }
}
