package jakarta.servlet;

/**
 * Test-only shim. The API runs on Jetty 12 (Servlet 6.0, which dropped this deprecated marker
 * interface); the tests also run the Spark job in-process, and Spark's shaded Jetty 11 checks
 * servlets against it when it builds its (unused) metrics servlet. Same empty interface as in
 * Servlet 5.0; never on the API's runtime class path.
 */
@Deprecated
public interface SingleThreadModel {}
