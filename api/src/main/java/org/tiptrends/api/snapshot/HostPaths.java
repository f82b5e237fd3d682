package org.tiptrends.api.snapshot;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host paths out of texts the API shows (the job's warnings and check details name the files they
 * read with the machine's absolute paths): an absolute path becomes its file name, so that an answer
 * tells nobody how the machine's disks are laid out (the API's own routes, {@code /api/...}, stay); a source stays named by its file name and hash.
 */
public final class HostPaths {
  /** An absolute Unix path of at least two segments, a {@code file:} URI, or a Windows drive path. */
  private static final Pattern ABSOLUTE = Pattern.compile(
      "(?<![\\w.:/])(?:file:)?(?:/+[^/\\s'\"`,;()\\[\\]<>]+){2,}|\\b[A-Za-z]:\\\\(?:[^\\\\\\s'\"`,;()]+\\\\)*([^\\\\\\s'\"`,;()]+)");

  private HostPaths() {}

  public static String strip(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = ABSOLUTE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String path = m.group();
      if (path.startsWith("/api/") || path.startsWith("/assets/")) {
        continue; // the API's own routes
      }
      String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
      m.appendReplacement(out, Matcher.quoteReplacement(name));
    }
    m.appendTail(out);
    return out.toString();
  }
}
