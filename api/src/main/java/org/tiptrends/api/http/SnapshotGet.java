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
 * version, path and the query as the endpoint understood it ({@link Params#canonicalQuery()}:
 * defaults, case and order normalised; the sorted query as asked where the endpoint read no
 * parameters), and answers {@code 304} when {@code If-None-Match} matches. The answer is memoised
 * ({@link AnswerMemo}) under the query as asked, so a repeated request is served its bytes.
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
      String asked = ETags.of(snapshot.version(), ctx.path(), Params.query(ctx));
      // issue 18: the answer is a pure function of (version, path, query): memoised under the query as
      // asked, with the ETag of the query as understood (defaults, case and order normalised)
      String key = snapshot.version() + '\n' + asked;
      String ifNoneMatch = ctx.header(Header.IF_NONE_MATCH);
      AnswerMemo.Reply memo = answers.get(snapshot.version(), key);
      if (memo != null) {
        if (ETags.matches(ifNoneMatch, memo.etag())) {
          notModified(ctx, memo.etag());
        } else {
          AnswerMemo.send(ctx, memo);
          cacheable(ctx, memo.etag());
        }
        return;
      }
      handler.handle(ctx, snapshot);
      if (ctx.statusCode() == HttpStatus.OK.getCode()) {
        Params used = Params.current(ctx);
        String etag = used == null ? asked : used.canonicalQuery()
            .map(q -> ETags.of(snapshot.version(), ctx.path(), q)).orElse(asked);
        answers.keep(key, etag, ctx);
        if (ETags.matches(ifNoneMatch, etag)) {
          ctx.result(new byte[0]);
          notModified(ctx, etag);
        } else {
          cacheable(ctx, etag);
        }
      }
    };
  }

  private static void notModified(Context ctx, String etag) {
    ctx.status(HttpStatus.NOT_MODIFIED);
    cacheable(ctx, etag);
  }

  private static void cacheable(Context ctx, String etag) {
    ctx.header(Header.ETAG, etag).header(Header.CACHE_CONTROL, Responses.CACHE_DATA);
  }
}
