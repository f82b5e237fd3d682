package org.tiptrends.api.queries;

import java.util.ArrayList;
import java.util.List;
import org.tiptrends.api.snapshot.CellKey;
import org.tiptrends.api.snapshot.Geography;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.VictimCell;
import org.tiptrends.core.counts.CountInterval;
import org.tiptrends.core.counts.Shares;

/**
 * Shares of detected victims in one geography and year: by demographic group (women, men, girls,
 * boys) or by form of exploitation. The denominator is the sum of the parts (victims whose sex and
 * age, or form, is known), stated with its bounds; every share's bounds come from
 * {@link Shares#of}, with the part at one end of its interval and the rest at the other.
 */
public final class ShareQuery {
  private ShareQuery() {}

  /**
   * One part. {@code value}, {@code low}, {@code high} are {@code null} when the denominator is
   * empty; {@code victims} is {@code null} when no country reported the cell (it then counts as
   * zero in the denominator).
   */
  public record Part(String key, Double value, Double low, Double high, Count victims) {}

  /** The whole the shares divide: what it sums, and its point and bounds. */
  public record Denominator(String definition, List<String> parts, double value, double low, double high) {}

  /**
   * @param reportedTotal the geography's total cell (sex, age and form total), for context: it can
   *     exceed the denominator when some victims' sex, age or form was not reported
   */
  public record Answer(Geography geo, int year, String breakdown, List<Part> shares,
      Denominator denominator, Count reportedTotal, SourceNote source) {}

  public static Answer demographic(MartSnapshot s, Geography geo, int year) {
    return shares(s, geo, year, "demographic", Breakdown.DEMOGRAPHIC,
        "victims whose sex (female, male) and age (adult, child) are both known: women + men + girls + boys");
  }

  public static Answer forms(MartSnapshot s, Geography geo, int year) {
    return shares(s, geo, year, "forms", Breakdown.FORM,
        "victims whose form of exploitation is known: sexual exploitation + forced labour + other forms");
  }

  private static Answer shares(MartSnapshot s, Geography geo, int year, String name, Breakdown parts,
      String definition) {
    List<CountInterval> values = new ArrayList<>();
    List<VictimCell> cells = new ArrayList<>();
    CountInterval whole = CountInterval.ZERO;
    for (Breakdown.Series p : parts.series()) {
      VictimCell c = s.victims(geo.code(), p.cell()).get(year);
      cells.add(c);
      CountInterval v = c == null ? CountInterval.ZERO : c.victims();
      values.add(v);
      whole = whole.plus(v);
    }
    List<Part> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      CountInterval rest = CountInterval.ZERO;
      for (int j = 0; j < values.size(); j++) {
        if (j != i) {
          rest = rest.plus(values.get(j));
        }
      }
      Shares.Share share = Shares.of(values.get(i), rest);
      VictimCell c = cells.get(i);
      out.add(new Part(parts.series().get(i).key(), share == null ? null : share.point(),
          share == null ? null : share.low(), share == null ? null : share.high(),
          c == null ? null : Count.of(c.victims(), c.reportingCountries())));
    }
    VictimCell total = s.victims(geo.code(), CellKey.ALL).get(year);
    return new Answer(geo, year, name, List.copyOf(out),
        new Denominator(definition, parts.keys(), whole.point(), whole.low(), whole.high()),
        total == null ? null : Count.of(total.victims(), total.reportingCountries()), SourceNote.glotip(s));
  }
}
