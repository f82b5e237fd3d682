package org.tiptrends.api.http;

import io.javalin.http.Context;

/**
 * Security headers on every answer: no content sniffing, no referrer sent to other sites, and a
 * Content-Security-Policy. Pages (the dashboard, the docs) may load scripts, styles and images from
 * this origin only (no inline script; ECharts' inline styles allowed) and may not be framed; other
 * answers (JSON, CSV, SVG, PNG) may load nothing. {@link Policy#EMBEDDABLE} is for a future
 * per-chart embed page: the page policy, but framing allowed.
 */
public final class SecurityHeaders {
  /** The Content-Security-Policy of an answer. */
  public enum Policy {
    /** Data, images, documents: nothing to load, not to be framed (an SVG opened directly runs no script). */
    DATA("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"),
    /** The dashboard and the docs page: same-origin scripts, styles, images and fetches, no framing. */
    PAGE("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    /** A page meant to be framed by other sites (a per-chart embed page). */
    EMBEDDABLE("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors *");

    private final String csp;

    Policy(String csp) {
      this.csp = csp;
    }

    public String csp() {
      return csp;
    }
  }

  private SecurityHeaders() {}

  /** The policy for a request path: {@code /} and {@code /api/docs} are pages; the rest is data. */
  public static Policy policyFor(String path) {
    return path.equals("/") || path.equals("/api/docs") ? Policy.PAGE : Policy.DATA;
  }

  /** Sets the headers for {@code ctx}'s path (a route may call {@link #apply(Context, Policy)} to change its policy). */
  public static void apply(Context ctx) {
    apply(ctx, policyFor(ctx.path()));
  }

  public static void apply(Context ctx, Policy policy) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Content-Security-Policy", policy.csp());
    if (policy != Policy.EMBEDDABLE) {
      ctx.header("X-Frame-Options", "DENY");
    } else {
      ctx.res().setHeader("X-Frame-Options", null);
    }
  }
}
