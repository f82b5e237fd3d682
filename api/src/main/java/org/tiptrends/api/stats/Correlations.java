package org.tiptrends.api.stats;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Correlation statistics with Commons Math, computed the way R's {@code cor.test} does (with
 * {@code exact = FALSE}), so figures can be checked against it:
 * <ul>
 *   <li>Pearson r with the t-test p-value (n − 2 degrees of freedom);
 *   <li>Spearman rho = Pearson r of the ranks, ties averaged, with the t approximation p-value;
 *   <li>Kendall tau-b with the normal approximation of its statistic, variance corrected for ties.
 * </ul>
 * 95% intervals use Fisher's z: standard error 1/√(n−3) for Pearson, √(1.06/(n−3)) for Spearman
 * and √(0.437/(n−4)) for Kendall (Fieller, Hartley and Pearson 1957). Fits: OLS with r², and the
 * Theil–Sen slope as the robust alternative. With {@code logX}, x is taken as log10(x) for Pearson
 * and the fits; rank methods are unchanged by it.
 */
public final class Correlations {
  private static final double Z_975 = new NormalDistribution().inverseCumulativeProbability(0.975);

  private Correlations() {}

  /**
   * @throws IllegalArgumentException when fewer than 4 points, lengths differ, a value is not
   *     finite, or {@code logX} meets a non-positive x
   */
  public static CorrelationResult compute(double[] xIn, double[] y, CorrelationMethod method, boolean logX) {
    int n = xIn.length;
    if (n != y.length) {
      throw new IllegalArgumentException("x and y differ in length");
    }
    if (n < 4) {
      throw new IllegalArgumentException("at least 4 points are needed, got " + n);
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(xIn[i]) || !Double.isFinite(y[i])) {
        throw new IllegalArgumentException("values must be finite");
      }
      if (logX && xIn[i] <= 0) {
        throw new IllegalArgumentException("log scale needs positive x, got " + xIn[i]);
      }
      x[i] = logX ? Math.log10(xIn[i]) : xIn[i];
    }
    double r;
    double p;
    double se;
    switch (method) {
      case PEARSON -> {
        r = new PearsonsCorrelation().correlation(x, y);
        p = tTestP(r, n);
        se = 1 / Math.sqrt(n - 3.0);
      }
      case SPEARMAN -> {
        NaturalRanking ranking = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
        r = new PearsonsCorrelation().correlation(ranking.rank(x), ranking.rank(y));
        p = tTestP(r, n);
        se = Math.sqrt(1.06 / (n - 3.0));
      }
      case KENDALL -> {
        r = new KendallsCorrelation().correlation(x, y);
        p = kendallP(r, x, y);
        se = Math.sqrt(0.437 / (n - 4.0));
      }
      default -> throw new IllegalArgumentException(method.toString());
    }
    double[] ci = fisherInterval(r, se);
    SimpleRegression ols = new SimpleRegression();
    for (int i = 0; i < n; i++) {
      ols.addData(x[i], y[i]);
    }
    double ts = theilSenSlope(x, y);
    double[] residual = new double[n];
    for (int i = 0; i < n; i++) {
      residual[i] = y[i] - ts * x[i];
    }
    return new CorrelationResult(method, n, r, p, ci[0], ci[1], ols.getSlope(), ols.getIntercept(),
        ols.getRSquare(), ts, new Median().evaluate(residual), logX);
  }

  /** Two-sided p of r under H0: rho = 0, from t = r √((n−2)/(1−r²)). */
  static double tTestP(double r, int n) {
    if (Math.abs(r) >= 1) {
      return 0;
    }
    double t = r * Math.sqrt((n - 2) / (1 - r * r));
    return 2 * new TDistribution(n - 2).cumulativeProbability(-Math.abs(t));
  }

  /** R's cor.test(method = "kendall", exact = FALSE): normal statistic with tie-corrected variance. */
  static double kendallP(double tauB, double[] x, double[] y) {
    int n = x.length;
    double n0 = n * (n - 1) / 2.0;
    Ties tx = Ties.of(x);
    Ties ty = Ties.of(y);
    double s = tauB * Math.sqrt((n0 - tx.pairs()) * (n0 - ty.pairs()));
    double vs = (n * (n - 1.0) * (2 * n + 5) - tx.v0() - ty.v0()) / 18
        + tx.v1() * ty.v1() / (9.0 * n * (n - 1) * (n - 2))
        + tx.v2() * ty.v2() / (2.0 * n * (n - 1));
    if (vs <= 0) {
      return Double.NaN;
    }
    double z = s / Math.sqrt(vs);
    return 2 * new NormalDistribution().cumulativeProbability(-Math.abs(z));
  }

  /** Tie-group sums of one variable (t = size of each group of equal values), as R's cor.test uses them. */
  private record Ties(double pairs, double v0, double v1, double v2) {
    static Ties of(double[] v) {
      Map<Double, Integer> groups = new HashMap<>();
      for (double d : v) {
        groups.merge(d, 1, Integer::sum);
      }
      double pairs = 0;
      double v0 = 0;
      double v1 = 0;
      double v2 = 0;
      for (int t : groups.values()) {
        pairs += t * (t - 1) / 2.0;
        v0 += t * (t - 1.0) * (2 * t + 5);
        v1 += t * (t - 1.0) * (t - 2);
        v2 += t * (t - 1.0);
      }
      return new Ties(pairs, v0, v1, v2);
    }
  }

  static double[] fisherInterval(double r, double se) {
    if (Math.abs(r) >= 1) {
      return new double[] {r, r};
    }
    double z = 0.5 * Math.log((1 + r) / (1 - r));
    return new double[] {Math.tanh(z - Z_975 * se), Math.tanh(z + Z_975 * se)};
  }

  /** Median of the slopes of every pair of points with distinct x. */
  static double theilSenSlope(double[] x, double[] y) {
    int n = x.length;
    double[] slopes = new double[n * (n - 1) / 2];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (x[i] != x[j]) {
          slopes[k++] = (y[j] - y[i]) / (x[j] - x[i]);
        }
      }
    }
    return k == 0 ? Double.NaN : new Median().evaluate(Arrays.copyOf(slopes, k));
  }
}
