package org.tiptrends.api.charts.render;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The drawing budget of the process: how large one image may be, and how many SVGs and PNGs are
 * drawn at once. A PNG of {@code width × height × scale²} pixels takes about 16 bytes a pixel while
 * Batik draws it, so {@link #MAX_PIXELS} and {@link #PNG_DRAWS} bound the memory PNGs can take to
 * about half a gigabyte, well inside the heap the README recommends ({@code -Xmx1g}). A request that
 * finds no free permit within {@link #WAIT} is refused with {@link Busy} (answered 503 with
 * {@code Retry-After}), so no Jetty thread waits long for a renderer.
 */
public final class DrawingBudget {
  /** Pixels of one PNG at most: 16.8 million (e.g. 2048 × 2048 at scale 2; the default 960 × 560 at 2 is 2.2 M). */
  public static final long MAX_PIXELS = 1L << 24;
  /** PNGs drawn at once. */
  public static final int PNG_DRAWS = 2;
  /** How long a request waits for a permit before it is refused. */
  public static final Duration WAIT = Duration.ofSeconds(2);
  /** What a refused client is told to wait, in seconds. */
  public static final int RETRY_AFTER_SECONDS = 2;

  private static final DrawingBudget SHARED = new DrawingBudget(ChartRenderer.CONTEXTS, PNG_DRAWS, WAIT);

  private final Semaphore svg;
  private final Semaphore png;
  private final long waitNanos;

  /** Every permit taken for longer than {@code wait}: the renderer is busy; retry later. */
  public static final class Busy extends RuntimeException {
    private final String format;

    Busy(String format) {
      super("every " + format.toUpperCase(java.util.Locale.ROOT) + " renderer is busy; retry in "
          + RETRY_AFTER_SECONDS + " s", null, false, false);
      this.format = format;
    }

    public String format() {
      return format;
    }

    public int retryAfterSeconds() {
      return RETRY_AFTER_SECONDS;
    }
  }

  public DrawingBudget(int svgDraws, int pngDraws, Duration wait) {
    this.svg = new Semaphore(svgDraws, true);
    this.png = new Semaphore(pngDraws, true);
    this.waitNanos = wait.toNanos();
  }

  public static DrawingBudget shared() {
    return SHARED;
  }

  /** The pixels of a PNG drawn at {@code width × height} units and {@code scale} pixels a unit. */
  public static long pixels(int width, int height, int scale) {
    return (long) width * height * scale * scale;
  }

  /** Runs {@code draw} holding an SVG permit. @throws Busy when none became free in time */
  public <T> T svg(Supplier<T> draw) {
    return within(svg, "svg", draw);
  }

  /** Runs {@code draw} holding a PNG permit. @throws Busy when none became free in time */
  public <T> T png(Supplier<T> draw) {
    return within(png, "png", draw);
  }

  private <T> T within(Semaphore permits, String format, Supplier<T> draw) {
    boolean acquired;
    try {
      acquired = permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy(format);
    }
    if (!acquired) {
      throw new Busy(format);
    }
    try {
      return draw.get();
    } finally {
      permits.release();
    }
  }
}
