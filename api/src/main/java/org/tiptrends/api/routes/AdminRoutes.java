package org.tiptrends.api.routes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tiptrends.api.http.Params;
import org.tiptrends.api.http.Problem;
import org.tiptrends.api.http.Responses;
import org.tiptrends.api.snapshot.SnapshotHolder;

/**
 * {@code POST /api/v1/admin/reload}: loads the version {@code CURRENT} names now (and retries one
 * that failed before). The only route that changes state, so it needs {@code Authorization: Bearer
 * <token>} with the configured token: 401 without credentials, 403 with wrong ones. Without a
 * configured token the route does not exist (404).
 */
public final class AdminRoutes implements ApiRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(AdminRoutes.class);
  private final SnapshotHolder snapshots;
  private final byte[] tokenDigest;

  public AdminRoutes(SnapshotHolder snapshots, String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("an admin token is required");
    }
    this.snapshots = snapshots;
    this.tokenDigest = sha256(token);
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post("/api/v1/admin/reload", ctx -> {
      if (!authorised(ctx)) {
        return;
      }
      Params.of(ctx);
      SnapshotHolder.ReloadResult r = snapshots.reload(true);
      LOG.info("admin reload from {}: {} {}", ctx.ip(), r.outcome(), r.message());
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
      body.put("version", r.version());
      body.put("previousVersion", r.previousVersion());
      body.put("message", r.message());
      boolean ok = r.outcome() == SnapshotHolder.Outcome.LOADED || r.outcome() == SnapshotHolder.Outcome.UNCHANGED;
      ctx.status(ok ? 200 : 409).header(Header.CACHE_CONTROL, Responses.NO_STORE);
      Responses.json(ctx, body);
    });
  }

  private boolean authorised(Context ctx) {
    String auth = ctx.header(Header.AUTHORIZATION);
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7) || auth.substring(7).isBlank()) {
      ctx.header(Header.WWW_AUTHENTICATE, "Bearer realm=\"tip-trends admin\"");
      Responses.problem(ctx, Problem.of("unauthorized", "Unauthorized", 401,
          "This route needs Authorization: Bearer <admin token>.", ctx.path()));
      return false;
    }
    if (!MessageDigest.isEqual(sha256(auth.substring(7).strip()), tokenDigest)) {
      refusedLog(ctx.ip());
      Responses.problem(ctx, Problem.of("forbidden", "Forbidden", 403,
          "The token is not the admin token.", ctx.path()));
      return false;
    }
    return true;
  }

  /** Refused tokens logged per minute at most; the rest are counted and reported once a minute. */
  static final int REFUSALS_LOGGED_PER_MINUTE = 5;
  private long refusalWindowStart;
  private int refusalsInWindow;

  /** A refused token is logged, at most {@link #REFUSALS_LOGGED_PER_MINUTE} a minute (no log flood). */
  private synchronized void refusedLog(String ip) {
    long now = System.nanoTime();
    if (now - refusalWindowStart > 60_000_000_000L) {
      if (refusalsInWindow > REFUSALS_LOGGED_PER_MINUTE) {
        LOG.warn("admin reload refused {} more wrong tokens in the last minute (not logged one by one)",
            refusalsInWindow - REFUSALS_LOGGED_PER_MINUTE);
      }
      refusalWindowStart = now;
      refusalsInWindow = 0;
    }
    if (++refusalsInWindow <= REFUSALS_LOGGED_PER_MINUTE) {
      LOG.warn("admin reload refused: wrong token from {}", ip);
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
