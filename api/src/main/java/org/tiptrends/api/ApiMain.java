package org.tiptrends.api;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tiptrends.api.charts.render.ChartRenderer;
import org.tiptrends.api.snapshot.SnapshotHolder;

/**
 * {@code java -jar api/target/tiptrends-api.jar --marts DIR [--port 7070] [--host ADDR]
 * [--admin-token-file FILE]}. Exit codes: 2 invalid command line, 1 the server could not start.
 */
public final class ApiMain {
  static final String USAGE = String.join("\n",
      "usage: java -jar api/target/tiptrends-api.jar --marts DIR [--port 7070] [--host 0.0.0.0] [--admin-token-file FILE]",
      "  --marts DIR             the marts root the job publishes to (DIR/CURRENT names the live version)",
      "  --port N                HTTP port (default 7070; 0 picks a free one)",
      "  --host ADDR             address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 exposes every interface)",
      "  --admin-token-file F    enables POST /api/v1/admin/reload for Authorization: Bearer <the file's content>",
      "  --help                  this text");
  private static final Logger LOG = LoggerFactory.getLogger(ApiMain.class);

  /** The parsed command line. */
  record Options(Path marts, int port, String host, String adminToken) {}

  /** A command line that cannot be used; the message says why in one line. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  private ApiMain() {}

  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(USAGE);
      return;
    }
    Options options;
    try {
      options = parse(args);
    } catch (UsageException e) {
      fail(System.err, 2, e.getMessage() + "\n" + USAGE);
      return;
    }
    try {
      Javalin app = start(options);
      LOG.info("tip-trends listening on http://{}:{}/ (dashboard), /api/v1 (API), /api/docs (docs)", options.host(),
          app.port());
    } catch (RuntimeException e) {
      LOG.debug("the API could not start", e);
      fail(System.err, 1, "cannot start the API: " + e.getMessage());
    }
  }

  private static void fail(PrintStream err, int code, String message) {
    err.println("tiptrends-api: " + message);
    System.exit(code);
  }

  /** Loads the live version (if any), starts watching {@code CURRENT}, and starts the server. */
  static Javalin start(Options o) {
    SnapshotHolder snapshots = new SnapshotHolder(o.marts());
    SnapshotHolder.ReloadResult first = snapshots.reload();
    if (first.outcome() != SnapshotHolder.Outcome.LOADED) {
      LOG.warn("no mart version is served yet ({}); answering 503 until one loads", first.message());
    }
    Javalin app = ApiApp.create(snapshots, o.adminToken());
    try {
      app.start(o.host(), o.port());
    } catch (RuntimeException e) {
      snapshots.close();
      throw e;
    }
    snapshots.startWatching(SnapshotHolder.DEFAULT_WATCH_PERIOD);
    // SVG and PNG charts need ECharts loaded in GraalJS: seconds of work, done before the first ask
    ChartRenderer.shared().warmUpInBackground();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      snapshots.close();
    }, "api-shutdown"));
    return app;
  }

  static Options parse(String[] args) throws UsageException {
    Path marts = null;
    int port = 7070;
    String host = "127.0.0.1";
    String token = null;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (!flag.startsWith("--")) {
        throw new UsageException("unexpected argument '" + flag + "'");
      }
      if (i + 1 >= args.length) {
        throw new UsageException(flag + " needs a value");
      }
      String value = args[++i];
      switch (flag) {
        case "--marts" -> marts = Path.of(value);
        case "--port" -> port = port(value);
        case "--host" -> host = value;
        case "--admin-token-file" -> token = token(Path.of(value));
        default -> throw new UsageException("unknown option " + flag);
      }
    }
    if (marts == null) {
      throw new UsageException("--marts DIR is required");
    }
    if (!Files.isDirectory(marts)) {
      throw new UsageException("marts directory not found: " + marts);
    }
    return new Options(marts, port, host, token);
  }

  private static int port(String value) throws UsageException {
    try {
      int p = Integer.parseInt(value);
      if (p < 0 || p > 65535) {
        throw new NumberFormatException();
      }
      return p;
    } catch (NumberFormatException e) {
      throw new UsageException("--port must be a number from 0 to 65535, got '" + value + "'");
    }
  }

  private static String token(Path file) throws UsageException {
    try {
      String t = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (t.isEmpty()) {
        throw new UsageException("admin token file is empty: " + file);
      }
      if (t.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
        throw new UsageException("admin token must be printable ASCII without spaces: " + file);
      }
      return t;
    } catch (IOException e) {
      throw new UsageException("cannot read admin token file " + file + ": " + e.getMessage());
    }
  }
}
