package org.tiptrends.api.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Cold start: from launching {@code java -jar api/target/tiptrends-api.jar --marts DIR} to the
 * first 200 on a trends request. Arguments: {@code JAR MARTS_DIR [runs, default 5]}.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    Path marts = Path.of(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    double[] times = new double[runs];
    for (int i = 0; i < runs; i++) {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/trends/victims?by=sex"))
          .timeout(Duration.ofSeconds(5)).GET().build();
      long start = System.nanoTime();
      Process p = new ProcessBuilder("java", "-jar", jar.toString(), "--marts", marts.toString(), "--port",
          Integer.toString(port), "--host", "127.0.0.1").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      try {
        while (true) {
          try {
            HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
              break;
            }
          } catch (java.io.IOException e) {
            // not listening yet
          }
          if (System.nanoTime() - start > 60_000_000_000L) {
            throw new IllegalStateException("no 200 within 60 s");
          }
          Thread.sleep(10);
        }
        times[i] = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "run %d: first 200 after %.2f s%n", i + 1, times[i]);
      } finally {
        p.destroy();
        p.waitFor();
      }
    }
    java.util.Arrays.sort(times);
    System.out.printf(Locale.ROOT, "cold start to first 200: median %.2f s, worst %.2f s%n", times[runs / 2], times[runs - 1]);
  }
}
