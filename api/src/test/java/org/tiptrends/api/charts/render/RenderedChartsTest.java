package org.tiptrends.api.charts.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RenderedChartsTest {
  @Test
  void drawsOnceThenAnswersTheDrawnBytes() {
    RenderedCharts cache = new RenderedCharts(1000);
    AtomicInteger draws = new AtomicInteger();
    byte[] first = cache.get("v1 /a", () -> new byte[] {(byte) draws.incrementAndGet()});
    byte[] second = cache.get("v1 /a", () -> new byte[] {(byte) draws.incrementAndGet()});
    assertSame(first, second);
    assertEquals(1, draws.get());
    assertEquals(1, cache.hits());
    assertEquals(1, cache.misses());
  }

  @Test
  void evictsTheLeastRecentlyUsedOnceOverItsBytes() {
    RenderedCharts cache = new RenderedCharts(250);
    cache.get("a", () -> new byte[100]);
    cache.get("b", () -> new byte[100]);
    cache.get("a", () -> new byte[100]); // a is now the most recent
    cache.get("c", () -> new byte[100]); // over 250: b goes
    assertEquals(200, cache.bytes());
    AtomicInteger draws = new AtomicInteger();
    cache.get("a", () -> new byte[] {(byte) draws.incrementAndGet()});
    assertEquals(0, draws.get(), "a was kept");
    assertArrayEquals(new byte[] {1}, cache.get("b", () -> new byte[] {(byte) draws.incrementAndGet()}), "b was dropped");
  }

  @Test
  void neverKeepsADrawingLargerThanTheWholeCache() {
    RenderedCharts cache = new RenderedCharts(10);
    cache.get("big", () -> new byte[11]);
    assertEquals(0, cache.bytes());
  }
}
