package org.tiptrends.api.charts.render;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Drawn charts kept for reuse. A chart's SVG or PNG depends only on the mart version and the request
 * (the ETag's inputs), and drawing takes JavaScript time, so a report author's second download and
 * every reader of a shared link get the drawn bytes. Least recently used entries go first once the
 * cache holds {@code maxBytes}; a new mart version's keys never match an old one's.
 */
public final class RenderedCharts {
  private final long maxBytes;
  private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true);
  private final java.util.Map<String, java.util.concurrent.CompletableFuture<byte[]>> inFlight = new java.util.HashMap<>();
  private long bytes;
  private long hits;
  private long misses;

  public RenderedCharts(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * The bytes drawn for {@code key}, drawing them with {@code draw} when absent. Two requests for
   * the same absent key draw once: the second waits for the first's drawing (or its error).
   */
  public byte[] get(String key, Supplier<byte[]> draw) {
    java.util.concurrent.CompletableFuture<byte[]> mine;
    java.util.concurrent.CompletableFuture<byte[]> theirs;
    synchronized (this) {
      byte[] hit = entries.get(key);
      if (hit != null) {
        hits++;
        return hit;
      }
      misses++;
      // one draw per absent key: requests for a chart being drawn wait for that drawing (issue 18:
      // after a new version goes live, a popular chart is drawn once, not once per request)
      theirs = inFlight.get(key);
      mine = theirs == null ? new java.util.concurrent.CompletableFuture<>() : null;
      if (mine != null) {
        inFlight.put(key, mine);
      }
    }
    if (theirs != null) {
      try {
        return theirs.join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
    }
    byte[] drawn;
    try {
      drawn = draw.get();
    } catch (RuntimeException | Error e) {
      synchronized (this) {
        inFlight.remove(key);
      }
      mine.completeExceptionally(e);
      throw e;
    }
    synchronized (this) {
      inFlight.remove(key);
    }
    mine.complete(drawn);
    synchronized (this) {
      if (drawn.length <= maxBytes) {
        byte[] previous = entries.put(key, drawn);
        bytes += drawn.length - (previous == null ? 0 : previous.length);
      }
      Iterator<Map.Entry<String, byte[]>> oldest = entries.entrySet().iterator();
      while (bytes > maxBytes && oldest.hasNext()) {
        bytes -= oldest.next().getValue().length;
        oldest.remove();
      }
    }
    return drawn;
  }

  public synchronized long hits() {
    return hits;
  }

  public synchronized long misses() {
    return misses;
  }

  public synchronized long bytes() {
    return bytes;
  }
}
