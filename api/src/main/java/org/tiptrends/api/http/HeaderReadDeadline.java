package org.tiptrends.api.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request's line and headers must arrive whole within {@link #DEADLINE}. Jetty's idle timeout
 * only bounds the pause between two bytes, so a client trickling one byte every 9 s (slowloris)
 * would hold its connection for ever; Jetty 12 has no header timeout of its own. A sweep once a
 * second looks at every open HTTP/1 connection: one whose parser has been inside the same request's
 * line or headers for longer than the deadline is answered {@code 408} (problem+json) and closed.
 */
public final class HeaderReadDeadline implements LifeCycle.Listener {
  /** Longest time from a request's first byte to the end of its headers. */
  public static final Duration DEADLINE = Duration.ofSeconds(15);
  private static final Duration SWEEP = Duration.ofSeconds(1);
  private static final Logger LOG = LoggerFactory.getLogger(HeaderReadDeadline.class);
  private static final byte[] TIMED_OUT = timedOut();

  /** When a connection was first seen reading the headers of its {@code messagesIn}-th request. */
  private record Reading(long messagesIn, long sinceNanos) {}

  private final Server server;
  private final long deadlineNanos;
  private final Map<EndPoint, Reading> reading = new ConcurrentHashMap<>();
  private volatile boolean running;

  private HeaderReadDeadline(Server server) {
    this.server = server;
    this.deadlineNanos = DEADLINE.toNanos();
  }

  /** Enforces the deadline on every connector of {@code server} while it runs. */
  public static void install(Server server) {
    server.addEventListener(new HeaderReadDeadline(server));
  }

  @Override
  public void lifeCycleStarted(LifeCycle event) {
    running = true;
    schedule();
  }

  @Override
  public void lifeCycleStopping(LifeCycle event) {
    running = false;
  }

  private void schedule() {
    if (running) {
      server.getScheduler().schedule(this::sweep, SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void sweep() {
    try {
      long now = System.nanoTime();
      reading.keySet().removeIf(endPoint -> !endPoint.isOpen());
      for (Connector connector : server.getConnectors()) {
        if (connector instanceof AbstractConnector c) {
          for (EndPoint endPoint : c.getConnectedEndPoints()) {
            check(endPoint, now);
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("header read deadline sweep failed; next sweep in {} s", SWEEP.toSeconds(), e);
    } finally {
      schedule();
    }
  }

  private void check(EndPoint endPoint, long now) {
    if (!(endPoint.getConnection() instanceof HttpConnection http)) {
      return; // TLS or HTTP/2 connections are not served here
    }
    HttpParser parser = http.getParser();
    boolean inHeaders = !parser.isState(HttpParser.State.START) && parser.inHeaderState();
    if (!inHeaders) {
      reading.remove(endPoint);
      return;
    }
    long request = http.getMessagesIn();
    Reading seen = reading.compute(endPoint, (e, r) -> r != null && r.messagesIn() == request ? r : new Reading(request, now));
    if (now - seen.sinceNanos() > deadlineNanos) {
      reading.remove(endPoint);
      LOG.info("closed a connection from {}: its request headers took longer than {} s",
          endPoint.getRemoteSocketAddress(), DEADLINE.toSeconds());
      endPoint.write(Callback.from(endPoint::close, failed -> endPoint.close()), ByteBuffer.wrap(TIMED_OUT));
    }
  }

  private static byte[] timedOut() {
    byte[] body = Json.bytes(Problem.of("http-408", "Request Timeout", 408,
        "The request line and headers did not arrive within " + DEADLINE.toSeconds() + " s.", null));
    String head = "HTTP/1.1 408 Request Timeout\r\nContent-Type: " + Problem.CONTENT_TYPE
        + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    return all;
  }
}
