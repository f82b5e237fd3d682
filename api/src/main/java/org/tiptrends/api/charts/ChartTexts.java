package org.tiptrends.api.charts;

/**
 * The words around a chart.
 *
 * @param title what is shown, e.g. "Detected victims of trafficking, World"
 * @param subtitle the selection and the key statistic (years, breakdown, r and n)
 * @param description one or two sentences for readers who cannot see the chart (screen readers,
 *     {@code aria}); it states the latest values with their bounds
 * @param footnote source, export date, mark of generated sample data, mart version and the caveats
 *     (detections, the {@code <5} convention)
 * @param source the sources in one line, as the chart's CSV cites them on every row
 */
public record ChartTexts(String title, String subtitle, String description, String footnote, String source) {}
