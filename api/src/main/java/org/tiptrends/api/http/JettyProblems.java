package org.tiptrends.api.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches Javalin (a request line or headers too
 * large, a malformed URI): a problem in JSON like every other error, never an HTML page or trace.
 */
public final class JettyProblems extends ErrorHandler {
  /** What {@code OPTIONS *} (the server's capabilities, RFC 9110 §9.3.7) answers in {@code Allow}. */
  static final String SERVER_METHODS = "GET, HEAD, POST, OPTIONS";

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (HttpMethod.OPTIONS.is(request.getMethod()) && "*".equals(request.getHttpURI().getPath())) {
      response.setStatus(HttpStatus.NO_CONTENT_204);
      response.getHeaders().put(HttpHeader.ALLOW, SERVER_METHODS);
      callback.succeeded();
      return true;
    }
    return super.handle(request, response, callback);
  }

  /** Every method gets a problem body, not only GET, POST and HEAD (Jetty's default): OPTIONS, PRI... */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }
  @Override
  protected void generateResponse(Request request, Response response, int code, String message,
      Throwable cause, Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, Responses.NO_STORE);
    response.write(true, ByteBuffer.wrap(body(code)), callback);
  }

  private static byte[] body(int code) {
    String title = HttpStatus.getMessage(code);
    return Json.bytes(Problem.of("http-" + code, title, code,
        code >= 500 ? "The request could not be answered." : "The request was refused: " + title + ".", null));
  }
}
