package org.tiptrends.api.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.tiptrends.api.snapshot.SnapshotHolder;

/**
 * Answers memoised: every GET answered from the marts is a pure function of the immutable mart
 * version, the path and the sorted query (the ETag's inputs), so the first answer's bytes, type and
 * file name are kept and served again, serialised once. Bounded by bytes, least recently used first
 * (Caffeine); keys carry the version, and the entries of older versions are dropped when a new one
 * is first served. Drawn images are left to the charts' own cache ({@code RenderedCharts}).
 */
public final class AnswerMemo {
  /** Bytes of answers kept: 64 MB. */
  public static final long MAX_BYTES = 64L << 20;
  /** One memo per snapshot holder (one per server), gone with it. */
  private static final Map<SnapshotHolder, AnswerMemo> BY_HOLDER = Collections.synchronizedMap(new WeakHashMap<>());

  /** One memoised answer. */
  public record Reply(String contentType, String disposition, String etag, byte[] body) {}

  private final Cache<String, Reply> replies;
  private volatile String liveVersion;

  public AnswerMemo(long maxBytes) {
    this.replies = Caffeine.newBuilder().maximumWeight(maxBytes)
        .weigher((String k, Reply r) -> k.length() * 2 + r.body().length + 64).build();
  }

  /** The memo of the answers served from {@code holder}'s versions. */
  public static AnswerMemo of(SnapshotHolder holder) {
    return BY_HOLDER.computeIfAbsent(holder, h -> new AnswerMemo(MAX_BYTES));
  }

  /** The memoised answer for {@code key} of {@code version}, or {@code null}. */
  public Reply get(String version, String key) {
    if (!version.equals(liveVersion)) {
      // a new version went live (or an old one came back): the older answers can go
      liveVersion = version;
      replies.asMap().keySet().removeIf(k -> !k.startsWith(version + '\n'));
    }
    return replies.getIfPresent(key);
  }

  /** Keeps the 200 answer {@code ctx} holds under {@code key}, unless it is an image or a stream. */
  public void keep(String key, String etag, Context ctx) throws IOException {
    String type = ctx.res().getContentType();
    if (type == null || type.startsWith("image/")) {
      return;
    }
    InputStream body = ctx.resultInputStream();
    if (!(body instanceof java.io.ByteArrayInputStream)) {
      return;
    }
    byte[] bytes = body.readAllBytes();
    ctx.result(bytes);
    replies.put(key, new Reply(type, ctx.res().getHeader("Content-Disposition"), etag, bytes));
  }

  /** Answers {@code ctx} with a memoised reply. */
  public static void send(Context ctx, Reply reply) {
    ctx.contentType(reply.contentType());
    if (reply.disposition() != null) {
      ctx.header("Content-Disposition", reply.disposition());
    }
    // no Content-Length of our own: Javalin sets it, or compresses (gzip, brotli) and sets the
    // compressed length; a length set here would contradict a compressed body (a 500 from Jetty)
    ctx.result(reply.body());
  }

  public long size() {
    return replies.estimatedSize();
  }
}
