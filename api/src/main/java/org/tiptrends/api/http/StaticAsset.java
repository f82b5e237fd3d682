package org.tiptrends.api.http;

import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A file the server holds in memory and serves as it is (a page, a script, a document), with an
 * ETag of its content: read once at start-up, so a missing resource fails the start, not a request.
 */
public record StaticAsset(byte[] body, String etag, String contentType) {
  private static final String CACHE = "public, max-age=300";

  public static StaticAsset of(byte[] body, String contentType) {
    return new StaticAsset(body, ETags.quoted(body), contentType);
  }

  /** A class-path resource ({@code /org/...}), or an error naming it when it is missing. */
  public static StaticAsset resource(String resource, String contentType) {
    return of(read(resource), contentType);
  }

  public static byte[] read(String resource) {
    try (InputStream in = StaticAsset.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers the asset, or {@code 304} when the client holds this content; no query is accepted. */
  public void serve(Context ctx) {
    Params.of(ctx);
    answer(ctx);
  }

  /**
   * Answers the asset whatever the query: a page that reads its own state from the URL (the
   * dashboard), where a shared link with a stale parameter should still open.
   */
  public void serveWithAnyQuery(Context ctx) {
    answer(ctx);
  }

  private void answer(Context ctx) {
    ctx.header(Header.ETAG, etag).header(Header.CACHE_CONTROL, CACHE);
    if (ETags.matches(ctx.header(Header.IF_NONE_MATCH), etag)) {
      ctx.status(304);
      return;
    }
    ctx.contentType(contentType).result(body);
  }
}
