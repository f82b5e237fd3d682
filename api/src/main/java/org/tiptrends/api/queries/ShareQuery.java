package org.tiptrends.api.queries;

import com.fasterxml.jackson.annotation.JsonInclude;
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
  public static final String ONLY_SUPPRESSED = "Every cell of this whole is <5, so it may hold no victim at all: "
      + "the shares are what the split would be if it held any, and their bounds say how little is known.";

  private ShareQuery() {}

  /**
   * One part. {@code value}, {@code low}, {@code high} are {@code null} when the denominator is
   * empty; {@code victims} is {@code null} when no country reported the cell (it then counts as
   * zero in the denominator).
   */
  public record Part(String key, Double value, Double low, Double high, Count victims) {}

  /**
   * The whole the shares divide: what it sums, its point and bounds, and whether it may be empty
   * (every cell in it is {@code <5}), with a note saying so.
   */
  public record Denominator(String definition, List<String> parts, double value, double low, double high,
      boolean mayBeZero, @JsonInclude(JsonInclude.Include.NON_NULL) String note) {}

  /**
   * @param reportedTotal the geography's total cell (sex, age and form total), for context: it can
   *     exceed the denominator when some victims' sex, age or form was not reported
   * @param countries for a balanced panel only: the countries summed
   */
  public record Answer(Geography geo, int year, String breakdown, List<Part> shares,
      Denominator denominator, Count reportedTotal,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<Geography> countries, SourceNote source) {}

  public static Answer demographic(MartSnapshot s, Geography geo, int year) {
    return demographic(s, geo, year, null);
  }

  /** @param panel sum only these countries (a balanced panel), or {@code null} for the geography's cells */
  public static Answer demographic(MartSnapshot s, Geography geo, int year, BalancedPanel panel) {
    return shares(s, geo, year, panel, "demographic", Breakdown.DEMOGRAPHIC,
        "victims whose sex (female, male) and age (adult, child) are both known: women + men + girls + boys");
  }

  public static Answer forms(MartSnapshot s, Geography geo, int year) {
    return shares(s, geo, year, null, "forms", Breakdown.FORM,
        "victims whose form of exploitation is known: sexual exploitation + forced labour + other forms");
  }

  private static Answer shares(MartSnapshot s, Geography geo, int year, BalancedPanel panel, String name,
      Breakdown parts, String definition) {
    List<CountInterval> values = new ArrayList<>();
    List<VictimCell> cells = new ArrayList<>();
    CountInterval whole = CountInterval.ZERO;
    for (Breakdown.Series p : parts.series()) {
      VictimCell c = cell(s, geo, panel, p.cell(), year);
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
      out.add(new Part(parts.series().get(i).key(), share == null ? null : share.point(),
          share == null ? null : share.low(), share == null ? null : share.high(), Count.of(cells.get(i))));
    }
    return new Answer(geo, year, name, List.copyOf(out),
        new Denominator(definition, parts.keys(), whole.point(), whole.low(), whole.high(), whole.mayBeZero(),
            whole.mayBeZero() ? ONLY_SUPPRESSED : null),
        Count.of(cell(s, geo, panel, CellKey.ALL, year)), panel == null ? null : panel.countries(),
        SourceNote.glotip(s));
  }

  private static VictimCell cell(MartSnapshot s, Geography geo, BalancedPanel panel, CellKey key, int year) {
    return panel == null ? s.victims(geo.code(), key).get(year)
        : CountryCells.sum(s.victimCounts(), panel.codes(), key, year);
  }
}
