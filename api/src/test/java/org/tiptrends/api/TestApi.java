package org.tiptrends.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.tiptrends.api.snapshot.SnapshotHolder;

/** An API server on a random port over a marts root, and an HTTP client for it. */
public final class TestApi implements AutoCloseable {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static TestApi shared;

  private final SnapshotHolder snapshots;
  private final Javalin app;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public TestApi(Path martsRoot, String adminToken, boolean watch) {
    snapshots = new SnapshotHolder(martsRoot);
    snapshots.reload();
    if (watch) {
      snapshots.startWatching(SnapshotHolder.DEFAULT_WATCH_PERIOD);
    }
    app = ApiApp.create(snapshots, adminToken).start("127.0.0.1", 0);
  }

  /** One server over the sample marts for the whole test JVM (read-only tests share it). */
  public static synchronized TestApi shared() {
    if (shared == null) {
      shared = new TestApi(TestMarts.root(), null, false);
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  public Javalin app() {
    return app;
  }

  public SnapshotHolder snapshots() {
    return snapshots;
  }

  public URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + app.port() + pathAndQuery);
  }

  public HttpResponse<String> get(String pathAndQuery, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response read off a raw socket. */
  public record RawResponse(int status, Map<String, String> headers, String body) {
    public String contentType() {
      return headers.getOrDefault("content-type", "").split(";")[0].strip();
    }
  }

  /**
   * Sends {@code GET <target>} as written, over a plain socket: for request targets that
   * {@link java.net.URI} refuses to build (malformed escapes, raw special characters).
   */
  public RawResponse raw(String target) {
    return exchange("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  }

  /** Sends {@code request} as written (ISO-8859-1) over a plain socket and reads the answer to its end. */
  public RawResponse exchange(String request) {
    try (Socket socket = new Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      byte[] all = socket.getInputStream().readAllBytes();
      String text = new String(all, StandardCharsets.UTF_8);
      int headEnd = text.indexOf("\r\n\r\n");
      String[] head = text.substring(0, headEnd).split("\r\n");
      int status = Integer.parseInt(head[0].split(" ")[1]);
      Map<String, String> headers = new HashMap<>();
      for (int i = 1; i < head.length; i++) {
        int colon = head[i].indexOf(':');
        headers.put(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip());
      }
      String body = text.substring(headEnd + 4);
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = dechunk(body);
      }
      return new RawResponse(status, headers, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String dechunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
      if (size == 0) {
        return out.toString();
      }
      out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
  }

  /** GET expecting 200 JSON. */
  public JsonNode json(String pathAndQuery) {
    HttpResponse<String> r = get(pathAndQuery);
    if (r.statusCode() != 200) {
      throw new AssertionError(pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
    }
    return parse(r.body());
  }

  public static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  @Override
  public void close() {
    app.stop();
    snapshots.close();
  }
}
