package org.tiptrends.api.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tiptrends.api.charts.render.DrawingBudget;
import org.tiptrends.api.snapshot.SnapshotHolder.NoSnapshotException;

/**
 * Every error answer is a problem ({@code application/problem+json}): bad parameters 400, unknown
 * routes 404, no marts loaded yet 503. Anything unexpected is logged here with its stack trace and
 * answered with a generic 500 that tells the client nothing about the server's insides.
 */
public final class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  public static void register(RoutesConfig routes) {
    routes.exception(BadRequest.class, (e, ctx) -> Responses.problem(ctx, new Problem(
        Problem.DOCS + "invalid-parameter", "Invalid request parameter", 400, e.getMessage(),
        instance(ctx), e.parameter(), e.allowed())));
    routes.exception(MissingData.class, (e, ctx) -> Responses.problem(ctx, Problem.of("missing-data",
        "Data not in the live mart version", 409, e.getMessage(), instance(ctx))));
    routes.exception(DrawingBudget.Busy.class, (e, ctx) -> {
      ctx.header(Header.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()));
      Responses.problem(ctx, Problem.of("busy", "Chart renderer busy", 503, "Every " + e.format().toUpperCase(
          java.util.Locale.ROOT) + " drawing slot is taken; retry after " + e.retryAfterSeconds() + " s.", instance(ctx)));
    });
    routes.exception(NoSnapshotException.class, (e, ctx) -> {
      LOG.warn("answered 503 to {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
      ctx.header(Header.RETRY_AFTER, "2");
      Responses.problem(ctx, Problem.of("unavailable", "No mart version loaded", 503,
          "The API has no published mart version to answer from yet; retry shortly.", instance(ctx)));
    });
    routes.exception(HttpResponseException.class, (e, ctx) -> {
      switch (e.getStatus()) {
        case 404 -> notFound(ctx);
        case 405 -> methodNotAllowed(ctx);
        default -> Responses.problem(ctx, Problem.of("http-" + e.getStatus(),
            HttpStatus.forStatus(e.getStatus()).getMessage(), e.getStatus(),
            e.getStatus() >= 500 ? "The request could not be answered." : e.getMessage(), instance(ctx)));
      }
    });
    routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("unexpected error answering {} {}", ctx.method(), instance(ctx), e);
      Responses.problem(ctx, Problem.of("internal", "Internal Server Error", 500,
          "The server could not answer this request; the error has been logged.", instance(ctx)));
    });
    routes.error(404, ctx -> {
      if (!isProblem(ctx)) {
        notFound(ctx);
      }
    });
    routes.error(405, ctx -> {
      if (!isProblem(ctx)) {
        methodNotAllowed(ctx);
      }
    });
  }

  private static void notFound(Context ctx) {
    Responses.problem(ctx, Problem.of("not-found", "Not Found", 404, "No route " + ctx.method() + " "
        + instance(ctx) + "; the routes are listed at /openapi.json and /api/docs.", instance(ctx)));
  }

  private static void methodNotAllowed(Context ctx) {
    String allow = ctx.res().getHeader(Header.ALLOW);
    if (ctx.method().equals(io.javalin.http.HandlerType.OPTIONS) && allow != null) {
      // OPTIONS on a known path: the methods it answers, in Allow (set by HttpSemantics), no body
      ctx.status(204).result(new byte[0]);
      return;
    }
    Responses.problem(ctx, Problem.of("method-not-allowed", "Method Not Allowed", 405,
        ctx.method() + " is not allowed on " + instance(ctx) + (allow == null ? "." : "; it answers " + allow + "."),
        instance(ctx)));
  }

  private static boolean isProblem(Context ctx) {
    String type = ctx.res().getContentType();
    return type != null && type.startsWith(Problem.CONTENT_TYPE);
  }

  /** The request path, made safe to quote. */
  static String instance(Context ctx) {
    return Params.display(ctx.path());
  }
}
