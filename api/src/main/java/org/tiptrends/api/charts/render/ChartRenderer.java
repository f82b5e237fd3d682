package org.tiptrends.api.charts.render;

import org.apache.commons.text.StringEscapeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tiptrends.api.charts.Chart;

/**
 * Draws charts as SVG (ECharts in GraalJS) and PNG (that SVG through Batik). One per process: the
 * JavaScript engine is expensive to start and is shared by every app in the JVM. It starts on the
 * first use or on {@link #warmUpInBackground()}, which the server calls at start-up.
 */
public final class ChartRenderer {
  private static final Logger LOG = LoggerFactory.getLogger(ChartRenderer.class);
  /** GraalJS contexts of the shared renderer: SVGs drawn at once. */
  static final int CONTEXTS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
  private static final ChartRenderer SHARED = new ChartRenderer(CONTEXTS);

  private final int contexts;
  private final PngRenderer png = new PngRenderer();
  private SvgRenderer svg;

  private ChartRenderer(int contexts) {
    this.contexts = contexts;
  }

  public static ChartRenderer shared() {
    return SHARED;
  }

  private synchronized SvgRenderer svgRenderer() {
    if (svg == null) {
      svg = new SvgRenderer(contexts);
    }
    return svg;
  }

  /** The chart as an SVG document, labelled for screen readers with its title and description. */
  public String svg(Chart chart) {
    String svg = svgRenderer().svg(chart.optionJson(), chart.width(), chart.height());
    int open = svg.indexOf('>', svg.indexOf("<svg"));
    String title = StringEscapeUtils.escapeXml10(chart.texts().title());
    String description = StringEscapeUtils.escapeXml10(chart.texts().description());
    return svg.substring(0, open) + " role=\"img\" aria-label=\"" + title + "\">\n<title>" + title
        + "</title>\n<desc>" + description + "</desc>" + svg.substring(open + 1);
  }

  /** @param scale pixels per chart unit */
  public byte[] png(Chart chart, double scale) {
    return png.png(svg(chart), scale);
  }

  /** An SVG this renderer drew, as a PNG; @param scale pixels per chart unit */
  public byte[] png(String svg, double scale) {
    return png.png(svg, scale);
  }

  /** Loads ECharts into every context on a daemon thread, off the request path. */
  public void warmUpInBackground() {
    Thread t = new Thread(() -> {
      long started = System.nanoTime();
      try {
        svgRenderer().warmUp();
        LOG.info("chart renderer ready in {} ms", (System.nanoTime() - started) / 1_000_000);
      } catch (RuntimeException e) {
        LOG.warn("chart renderer warm-up failed; SVG and PNG charts will retry on request: {}", e.getMessage());
      }
    }, "chart-renderer-warm-up");
    t.setDaemon(true);
    t.start();
  }
}
