package org.tiptrends.api.stats;

/**
 * A correlation with its uncertainty, and the straight-line fits drawn on the chart.
 *
 * @param r the coefficient (Pearson r, Spearman rho or Kendall tau-b)
 * @param pValue two-sided p-value of "no association"
 * @param ci95Low lower end of the 95% confidence interval of {@code r} (Fisher z)
 * @param slope OLS slope of y on x (x on log10 scale when {@code logX})
 * @param theilSenSlope the robust slope: median of the pairwise slopes
 */
public record CorrelationResult(CorrelationMethod method, int n, double r, double pValue, double ci95Low,
    double ci95High, double slope, double intercept, double r2, double theilSenSlope,
    double theilSenIntercept, boolean logX) {}
