package org.tiptrends.api.charts.render;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SvgRendererTest {
  static SvgRenderer renderer;

  @BeforeAll
  static void start() {
    long t0 = System.nanoTime();
    renderer = new SvgRenderer(1);
    renderer.warmUp();
    System.out.printf("warm-up %.0f ms%n", (System.nanoTime() - t0) / 1e6);
  }

  @AfterAll
  static void stop() {
    renderer.close();
  }

  @Test
  void drawsTheOptionAsAnSvgDocument() {
    String option = "{\"title\":{\"text\":\"Detected victims\"},\"xAxis\":{\"type\":\"category\",\"data\":[\"2019\",\"2020\"]},"
        + "\"yAxis\":{\"type\":\"value\"},\"series\":[{\"type\":\"line\",\"data\":[10,20]}]}";
    long t0 = System.nanoTime();
    String svg = renderer.svg(option, 640, 360);
    System.out.printf("render %.0f ms%n", (System.nanoTime() - t0) / 1e6);
    assertTrue(svg.startsWith("<svg"), svg.substring(0, 100));
    assertTrue(svg.contains("Detected victims"));
    assertTrue(svg.contains("width=\"640\""));
  }

  @Test
  void refusesAnOptionThatIsNotJson() {
    assertThrows(SvgRenderer.RenderException.class, () -> renderer.svg("{not json", 100, 100));
  }
}
