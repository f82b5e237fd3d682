package org.tiptrends.api.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * HTTP done by the book for every route, wherever and in whichever style it is registered (the app
 * factory installs this before the route groups): a {@code GET} route also answers {@code HEAD}
 * (the same headers, no body); a known path asked with another method is a 405 with {@code Allow};
 * {@code OPTIONS} on a known path is a 204 with {@code Allow}; every answer has the
 * {@link SecurityHeaders}.
 */
public final class HttpSemantics {
  /** A registered path, as a pattern, and the methods it answers. */
  private record Route(String path, Pattern pattern, Set<String> methods) {}

  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final Map<String, Handler> gets = new java.util.LinkedHashMap<>();

  private HttpSemantics() {}

  /** Installs the semantics on {@code config}; call before the routes are registered. */
  public static HttpSemantics install(JavalinConfig config) {
    HttpSemantics semantics = new HttpSemantics();
    config.http.prefer405over404 = true;
    config.events.handlerAdded(info -> semantics.added(info.getHttpMethod(), info.getPath(), info.getHandler()));
    config.routes.before(ctx -> {
      SecurityHeaders.apply(ctx);
      Set<String> allowed = semantics.allowed(ctx.path());
      if (!allowed.isEmpty()) {
        ctx.header(Header.ALLOW, String.join(", ", allowed));
      }
    });
    return semantics;
  }

  /**
   * Registers {@code HEAD} for every {@code GET} route registered so far that has none: the GET
   * handler runs and Jetty sends its headers (type, length, ETag, caching) without the body. Call
   * after the route groups.
   */
  public void addHeadRoutes(JavalinConfig config) {
    for (Map.Entry<String, Handler> get : List.copyOf(gets.entrySet())) {
      Route route = route(get.getKey());
      if (route.methods().add("HEAD")) {
        Handler getHandler = get.getValue();
        config.routes.head(get.getKey(), ctx -> {
          getHandler.handle(ctx);
          withLength(ctx);
        });
      }
    }
  }

  /**
   * Sets {@code Content-Length} to the length of the answer's body (kept as bytes), uncompressed: a
   * HEAD answer sends no body to compress, and a length of our own beside Javalin's gzip would be a 500.
   */
  static void withLength(Context ctx) throws java.io.IOException {
    java.io.InputStream body = ctx.resultInputStream();
    if (body != null) {
      ctx.disableCompression();
      byte[] bytes = body.readAllBytes();
      ctx.result(bytes).header(Header.CONTENT_LENGTH, Integer.toString(bytes.length));
    }
  }

  private void added(HandlerType method, String path, Handler handler) {
    if (!method.isHttpMethod()) {
      return;
    }
    Route route = route(path);
    route.methods().add(method.name());
    route.methods().add("OPTIONS");
    if (method.equals(HandlerType.GET)) {
      gets.putIfAbsent(path, handler);
    }
  }

  private synchronized Route route(String path) {
    Route route = routes.stream().filter(r -> r.path().equals(path)).findFirst().orElse(null);
    if (route == null) {
      route = new Route(path, pattern(path), new java.util.concurrent.ConcurrentSkipListSet<>());
      routes.add(route);
    }
    return route;
  }

  /** Javalin's path syntax as a pattern: {@code {name}} one segment, {@code <name>} and {@code *} anything. */
  static Pattern pattern(String path) {
    StringBuilder p = new StringBuilder();
    for (String part : path.split("((?=\\{)|(?<=\\}))|((?=<)|(?<=>))|((?=\\*)|(?<=\\*))")) {
      if (part.startsWith("{") && part.endsWith("}")) {
        p.append("[^/]+");
      } else if ((part.startsWith("<") && part.endsWith(">")) || part.equals("*")) {
        p.append(".*");
      } else {
        p.append(Pattern.quote(part));
      }
    }
    return Pattern.compile(p.toString());
  }

  /** The methods {@code path} answers, or an empty set for an unknown path. */
  public Set<String> allowed(String path) {
    Set<String> out = new TreeSet<>();
    for (Route r : routes) {
      if (r.pattern().matcher(path).matches()) {
        out.addAll(r.methods());
      }
    }
    return out;
  }
}
