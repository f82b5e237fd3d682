package org.tiptrends.notebooks.display;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A chart to show inline: any ECharts option (the JSON object {@code echarts.setOption} takes) and the
 * height of its box. A cell whose value is an {@code EChart} shows the chart; {@link EChartsHtml}
 * draws it.
 */
public record EChart(JsonNode option, int height) {
  static final ObjectMapper JSON = new ObjectMapper();
  public static final int DEFAULT_HEIGHT = 420;

  public EChart {
    if (option == null || !option.isObject()) {
      throw new IllegalArgumentException("an ECharts option is a JSON object, got " + option);
    }
    if (height < 100 || height > 2000) {
      throw new IllegalArgumentException("height " + height + " px is outside 100-2000");
    }
  }

  /** An option as JSON text, e.g. what a chart catalogue or {@code echarts-java} serialised. */
  public static EChart of(String optionJson) {
    try {
      return new EChart(JSON.readTree(optionJson), DEFAULT_HEIGHT);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static EChart of(JsonNode option) {
    return new EChart(option, DEFAULT_HEIGHT);
  }

  /** Any object Jackson writes as an ECharts option (a map, a record, an option class). */
  public static EChart of(Object option) {
    return option instanceof String s ? of(s) : of((JsonNode) JSON.valueToTree(option));
  }

  public EChart height(int pixels) {
    return new EChart(option, pixels);
  }

  /** The title's text, or empty. */
  public String title() {
    JsonNode t = option.path("title");
    return (t.isArray() ? t.path(0) : t).path("text").asText("");
  }
}
