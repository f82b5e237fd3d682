package org.tiptrends.api.charts;

import org.icepear.echarts.Option;
import org.icepear.echarts.serializer.EChartsSerializer;
import org.tiptrends.api.http.Responses.CsvTable;

/**
 * One chart drawn from one mart version: the ECharts option (which carries the title, subtitle,
 * footnote and accessible description, so every format shows them), the texts on their own for
 * pages that print them, and the plotted data as a table.
 *
 * @param name a file name for downloads, without extension (e.g. {@code victims-trend-WLD-2003-2021})
 * @param data exactly the numbers drawn, bounds included
 */
public record Chart(String id, String name, ChartTexts texts, int width, int height, Option option, CsvTable data) {
  private static final EChartsSerializer SERIALIZER = new EChartsSerializer();

  /** The option as JSON, ready for ECharts' {@code setOption}. */
  public String optionJson() {
    return SERIALIZER.toJson(option);
  }
}
