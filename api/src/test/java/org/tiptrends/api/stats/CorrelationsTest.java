package org.tiptrends.api.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Expected values computed independently with R 4.2 ({@code cor.test}, {@code lm}), script:
 * <pre>
 * x &lt;- c(850, 1200, 1200, 2300, 4100, 5200, 9800, 15500, 23000, 41000, 41000, 62000)
 * y &lt;- c(0.05, 0.02, 0.10, 0.08, 0.15, 0.12, 0.30, 0.22, 0.41, 0.35, 0.55, 0.48)
 * cor.test(x, y, method = "pearson"); cor.test(log10(x), y, method = "pearson")
 * cor.test(x, y, method = "spearman", exact = FALSE); cor.test(x, y, method = "kendall", exact = FALSE)
 * lm(y ~ log10(x)); Theil-Sen: median of pairwise slopes on log10(x), intercept median(y - b*log10(x))
 * Spearman/Kendall CI: tanh(atanh(r) -/+ qnorm(0.975) * sqrt(1.06/(n-3))), sqrt(0.437/(n-4))
 * </pre>
 * The data have ties in x and in y, so rank averaging and tie corrections are exercised.
 */
class CorrelationsTest {
  static final double[] X = {850, 1200, 1200, 2300, 4100, 5200, 9800, 15500, 23000, 41000, 41000, 62000};
  static final double[] Y = {0.05, 0.02, 0.10, 0.08, 0.15, 0.12, 0.30, 0.22, 0.41, 0.35, 0.55, 0.48};
  static final double TOL = 1e-9;

  @Test
  void pearsonMatchesRCorTest() {
    CorrelationResult c = Correlations.compute(X, Y, CorrelationMethod.PEARSON, false);
    assertEquals(12, c.n());
    assertEquals(0.881298491844466, c.r(), TOL);
    assertEquals(0.000151571713662412, c.pValue(), 1e-12);
    assertEquals(0.621982158615563, c.ci95Low(), TOL);
    assertEquals(0.966410387495753, c.ci95High(), TOL);
  }

  @Test
  void pearsonOnLogXAndTheFitsMatchR() {
    CorrelationResult c = Correlations.compute(X, Y, CorrelationMethod.PEARSON, true);
    assertEquals(0.928156920694307, c.r(), TOL);
    assertEquals(1.33490532710917e-05, c.pValue(), 1e-12);
    assertEquals(0.75804223567082, c.ci95Low(), TOL);
    assertEquals(0.980026878069698, c.ci95High(), TOL);
    assertEquals(0.250977311529819, c.slope(), TOL);
    assertEquals(-0.733347794576012, c.intercept(), TOL);
    assertEquals(0.861475269432738, c.r2(), TOL);
    assertEquals(0.238577135351346, c.theilSenSlope(), TOL);
    assertEquals(-0.687641351970935, c.theilSenIntercept(), TOL);
  }

  @Test
  void spearmanAveragesTiesAndMatchesR() {
    CorrelationResult c = Correlations.compute(X, Y, CorrelationMethod.SPEARMAN, false);
    assertEquals(0.940356665802155, c.r(), TOL);
    assertEquals(5.37516587798199e-06, c.pValue(), 1e-12);
    assertEquals(0.788890466030568, c.ci95Low(), TOL);
    assertEquals(0.984114411542678, c.ci95High(), TOL);
    assertEquals(c.r(), Correlations.compute(X, Y, CorrelationMethod.SPEARMAN, true).r(), 0,
        "ranks do not change under log x");
  }

  @Test
  void kendallTauBWithTieCorrectedVarianceMatchesR() {
    CorrelationResult c = Correlations.compute(X, Y, CorrelationMethod.KENDALL, false);
    assertEquals(0.800094691365663, c.r(), TOL);
    assertEquals(0.000340114918796872, c.pValue(), 1e-12);
    assertEquals(0.565439088294619, c.ci95Low(), TOL);
    assertEquals(0.914926260781488, c.ci95High(), TOL);
  }

  @Test
  void refusesWhatCannotBeComputed() {
    assertThrows(IllegalArgumentException.class,
        () -> Correlations.compute(new double[] {1, 2, 3}, new double[] {1, 2, 3}, CorrelationMethod.PEARSON, false));
    assertThrows(IllegalArgumentException.class,
        () -> Correlations.compute(new double[] {1, 2, 0, 4}, new double[] {1, 2, 3, 4}, CorrelationMethod.PEARSON, true));
    assertThrows(IllegalArgumentException.class,
        () -> Correlations.compute(new double[] {1, 2, Double.NaN, 4}, new double[] {1, 2, 3, 4}, CorrelationMethod.KENDALL, false));
  }

  @Test
  void methodNamesParseCaseInsensitivelyAndUnknownIsNull() {
    assertEquals(CorrelationMethod.KENDALL, CorrelationMethod.parse(" Kendall "));
    assertEquals(null, CorrelationMethod.parse("spearmann"));
    assertTrue(CorrelationMethod.parse(null) == null);
  }
}
