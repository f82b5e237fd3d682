package org.tiptrends.api.queries;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tiptrends.api.snapshot.CellKey;

/** How a trend is split into series: each series is one cell key of {@code victims_by_year}. */
public enum Breakdown {
  NONE(series("total", "total", "total", "total")),
  SEX(series("female", "female", "total", "total"), series("male", "male", "total", "total"),
      series("other", "other", "total", "total"), series("unknown", "unknown", "total", "total")),
  AGE(series("adult", "total", "adult", "total"), series("child", "total", "child", "total"),
      series("unknown", "total", "unknown", "total")),
  FORM(series("sexual_exploitation", "total", "total", "sexual_exploitation"),
      series("forced_labour", "total", "total", "forced_labour"),
      series("other", "total", "total", "other")),
  /** Women, men, girls, boys: female/male × adult/child. */
  DEMOGRAPHIC(series("women", "female", "adult", "total"), series("men", "male", "adult", "total"),
      series("girls", "female", "child", "total"), series("boys", "male", "child", "total"));

  /** One series: its key in answers and the cell it reads. */
  public record Series(String key, CellKey cell) {}

  private final List<Series> series;

  Breakdown(Series... series) {
    this.series = List.of(series);
  }

  private static Series series(String key, String sex, String age, String form) {
    return new Series(key, new CellKey(sex, age, form));
  }

  public List<Series> series() {
    return series;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(Breakdown::code).toList();
  }

  public static Breakdown of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }

  public List<String> keys() {
    return series.stream().map(Series::key).toList();
  }
}
