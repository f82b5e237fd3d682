package org.tiptrends.api.charts.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.tiptrends.api.charts.TextMeasure;

/**
 * Draws an ECharts option as SVG inside the JVM: ECharts itself (the webjar the dashboard serves)
 * runs in GraalJS with its server-side renderer, so a downloaded SVG is the chart the browser shows.
 * No browser, no external process.
 *
 * <p>A GraalJS context runs one thread at a time, so the renderer keeps a small pool of contexts on
 * one shared engine (parsed code is shared). Loading ECharts into a context takes seconds on a stock
 * JDK (interpreted JavaScript), so {@link #warmUp()} is meant to run at start-up, off the request
 * path; a render then takes tens of milliseconds.
 */
public final class SvgRenderer implements AutoCloseable {
  public static final String ECHARTS_VERSION = "5.3.1";
  public static final String ECHARTS_RESOURCE = "/META-INF/resources/webjars/echarts/" + ECHARTS_VERSION
      + "/dist/echarts.min.js";
  /** ECharts schedules work with timers; server-side rendering draws synchronously and needs none. */
  private static final String PRELUDE = """
      var setTimeout = function () { return 0; };
      var clearTimeout = function () {};
      var setInterval = function () { return 0; };
      var clearInterval = function () {};
      """;
  /**
   * ECharts 5.3's server-side renderer writes text without XML escaping, so "<5" would break the
   * document. Texts go in with &, < and > replaced by private-use characters, which
   * {@link #svg} turns into entities afterwards.
   */
  private static final String RENDER = """
      function protect(v) {
        if (typeof v === 'string') {
          return v.replace(/&/g, '\\uE000').replace(/</g, '\\uE001').replace(/>/g, '\\uE002');
        }
        if (Array.isArray(v)) {
          return v.map(protect);
        }
        if (v !== null && typeof v === 'object') {
          for (var k in v) {
            v[k] = protect(v[k]);
          }
        }
        return v;
      }
      (function (optionJson, width, height) {
        var chart = echarts.init(null, null, {renderer: 'svg', ssr: true, width: width, height: height});
        try {
          var option = protect(JSON.parse(optionJson));
          option.animation = false;
          // aria writes to a DOM element, which server-side rendering has not; the caller labels the SVG
          delete option.aria;
          chart.setOption(option);
          return chart.renderToSVGString();
        } finally {
          chart.dispose();
        }
      })
      """;
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final Engine engine;
  private final Source echarts;
  private final int size;
  private final BlockingQueue<Slot> idle;
  private int created;

  /** A context with ECharts loaded, and its render function. */
  private record Slot(Context context, Value render) {}

  /** @param contexts how many renders may run at once (one context each) */
  public SvgRenderer(int contexts) {
    if (contexts < 1) {
      throw new IllegalArgumentException("contexts < 1");
    }
    this.engine = Engine.newBuilder("js")
        .option("engine.WarnInterpreterOnly", "false")
        .build();
    this.echarts = Source.newBuilder("js", readEcharts(), "echarts.min.js").cached(true).buildLiteral();
    this.size = contexts;
    this.idle = new ArrayBlockingQueue<>(contexts);
  }

  private static String readEcharts() {
    try (InputStream in = SvgRenderer.class.getResourceAsStream(ECHARTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("ECharts " + ECHARTS_VERSION + " is not on the class path ("
            + ECHARTS_RESOURCE + ")");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates every context and draws a small chart in each, so that the first request is fast. */
  public void warmUp() {
    String probe = "{\"xAxis\":{\"type\":\"category\",\"data\":[\"a\",\"b\"]},\"yAxis\":{\"type\":\"value\"},"
        + "\"title\":{\"text\":\"warm-up\"},\"series\":[{\"type\":\"line\",\"data\":[1,2]}]}";
    java.util.List<Slot> slots = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < size; i++) {
        Slot slot = take();
        slots.add(slot);
        slot.render().execute(probe, 200, 100);
      }
    } finally {
      idle.addAll(slots);
    }
  }

  /**
   * The SVG document of {@code optionJson} drawn at {@code width} × {@code height} pixels.
   *
   * @throws RenderException when ECharts refuses the option
   */
  public String svg(String optionJson, int width, int height) {
    Slot slot = take();
    try {
      return slot.render().execute(optionJson, width, height).asString()
          .replace("\uE000", "&amp;").replace("\uE001", "&lt;").replace("\uE002", "&gt;");
    } catch (org.graalvm.polyglot.PolyglotException e) {
      throw new RenderException("ECharts could not draw the chart: " + e.getMessage(), e);
    } finally {
      idle.add(slot);
    }
  }

  private Slot take() {
    Slot slot = idle.poll();
    if (slot != null) {
      return slot;
    }
    synchronized (this) {
      if (created < size) {
        created++;
        return newSlot();
      }
    }
    try {
      slot = idle.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RenderException("interrupted while waiting for a chart renderer", e);
    }
    if (slot == null) {
      throw new RenderException("no chart renderer became free within " + WAIT.toSeconds() + " s", null);
    }
    return slot;
  }

  private Slot newSlot() {
    // no host access, no I/O: the context runs ECharts only
    Context context = Context.newBuilder("js").engine(engine).allowAllAccess(false).build();
    context.eval("js", PRELUDE);
    context.eval(echarts);
    // without a canvas ECharts guesses text widths (and reads every font as 12px); measure them with
    // the font the PNG is drawn in, so titles wrap and legends space as they will be drawn
    context.getBindings("js").putMember("measureTextWidth",
        (ProxyExecutable) args -> TextMeasure.width(args[0].asString(), args[1].isNull() ? null : args[1].asString()));
    context.eval("js", """
        var measured = new Map();
        echarts.setPlatformAPI({measureText: function (text, font) {
          var key = (font || '') + '|' + text;
          var width = measured.get(key);
          if (width === undefined) {
            width = measureTextWidth(String(text || ''), font || null);
            if (measured.size > 20000) {
              measured.clear();
            }
            measured.set(key, width);
          }
          return {width: width};
        }});
        """);
    // issue 14: the world map's shapes (no I/O in the context: the JSON goes in as a string)
    context.getBindings("js").putMember("worldGeoJson", org.tiptrends.api.charts.WorldMap.get().geoJson());
    context.eval("js", "echarts.registerMap('" + org.tiptrends.api.charts.WorldMap.NAME
        + "', {geoJSON: JSON.parse(worldGeoJson)}); delete this.worldGeoJson;");
    Value render = context.eval("js", RENDER);
    return new Slot(context, render);
  }

  @Override
  public void close() {
    Slot slot;
    while ((slot = idle.poll()) != null) {
      slot.context().close();
    }
    engine.close();
  }

  /** ECharts could not draw an option, or no renderer was free. */
  public static final class RenderException extends RuntimeException {
    RenderException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
