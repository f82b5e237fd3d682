package org.tiptrends.api.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextMeasureTest {
  @Test
  void readsSizeAndWeightFromACssFont() {
    double plain12 = TextMeasure.width("Detected victims", "12px sans-serif");
    double plain24 = TextMeasure.width("Detected victims", "normal 24px DejaVu Sans, sans-serif");
    double bold12 = TextMeasure.width("Detected victims", "bold 12px sans-serif");
    assertEquals(2 * plain12, plain24, 0.5, "width scales with the size");
    assertTrue(bold12 > plain12, "bold is wider");
    assertTrue(TextMeasure.width("WWW", "12px") > TextMeasure.width("iii", "12px"), "proportional, not fixed-width");
    assertEquals(plain12, TextMeasure.width("Detected victims", null), 1e-9, "12px when the font is not given");
  }

  @Test
  void wrapsAtSpacesToTheWidthGiven() {
    double word = TextMeasure.width("word", 12, false);
    double space = TextMeasure.width(" ", 12, false);
    assertEquals(1, TextMeasure.lines("word word", 12, false, 2 * word + space + 0.1));
    assertEquals(2, TextMeasure.lines("word word", 12, false, 2 * word + space - 0.1));
    assertEquals(3, TextMeasure.lines("word\nword word", 12, false, word + 0.1), "paragraphs and wraps");
    assertEquals(0, TextMeasure.lines("", 12, false, 100));
  }
}
