package org.tiptrends.api.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.SnapshotHolder;

/**
 * A GET answered from the marts. The wrapper takes the live snapshot once (the whole answer comes
 * from that version even if a new one goes live meanwhile), gives the answer an ETag of the mart
 * version, path and sorted query, and answers {@code 304} when {@code If-None-Match} matches. The
 * answer is memoised ({@link AnswerMemo}) under the same inputs, so a repeated request is served its bytes.
 */
public final class SnapshotGet {
  /** A handler that answers from one snapshot. */
  @FunctionalInterface
  public interface SnapshotHandler {
    void handle(Context ctx, MartSnapshot snapshot) throws Exception;
  }

  private SnapshotGet() {}

  public static Handler of(SnapshotHolder holder, SnapshotHandler handler) {
    AnswerMemo answers = AnswerMemo.of(holder);
    return ctx -> {
      MartSnapshot snapshot = holder.current();
      String etag = ETags.of(snapshot.version(), ctx.path(), Params.query(ctx));
      if (ETags.matches(ctx.header(Header.IF_NONE_MATCH), etag)) {
        ctx.status(HttpStatus.NOT_MODIFIED).header(Header.ETAG, etag)
            .header(Header.CACHE_CONTROL, Responses.CACHE_DATA);
        return;
      }
      // issue 18: the answer is a pure function of (version, path, sorted query): memoised
      String key = snapshot.version() + '\n' + etag;
      AnswerMemo.Reply memo = answers.get(snapshot.version(), key);
      if (memo != null) {
        AnswerMemo.send(ctx, memo);
        ctx.header(Header.ETAG, etag).header(Header.CACHE_CONTROL, Responses.CACHE_DATA);
        return;
      }
      handler.handle(ctx, snapshot);
      if (ctx.statusCode() == HttpStatus.OK.getCode()) {
        ctx.header(Header.ETAG, etag).header(Header.CACHE_CONTROL, Responses.CACHE_DATA);
        answers.keep(key, ctx);
      }
    };
  }
}
