package org.tiptrends.api.queries;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tiptrends.api.snapshot.CountTable;
import org.tiptrends.api.snapshot.MartSnapshot;

/** The measures of {@code justice_by_year}, by their code in the mart and in paths. */
public enum JusticeMeasure {
  FORMAL_CONTACT("formal_contact", "persons brought into formal contact", "persons"),
  PROSECUTED("prosecuted", "persons prosecuted", "persons"),
  CONVICTED("convicted", "persons convicted", "persons"),
  /** Counted in offences, not persons, though the mart publishes it in the same column. */
  OFFENCES("offences", "offences of trafficking in persons", "offences");

  private final String code;
  private final String label;
  private final String unit;

  JusticeMeasure(String code, String label, String unit) {
    this.code = code;
    this.label = label;
    this.unit = unit;
  }

  public String code() {
    return code;
  }

  /** What is counted, in words ("persons prosecuted"). */
  public String label() {
    return label;
  }

  /** {@code persons} or {@code offences}. */
  public String unit() {
    return unit;
  }

  /** The rows of this measure in the snapshot (empty when the version has none). */
  public CountTable counts(MartSnapshot s) {
    return s.justice().of(code);
  }

  public static Optional<JusticeMeasure> of(String code) {
    return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(JusticeMeasure::code).toList();
  }
}
