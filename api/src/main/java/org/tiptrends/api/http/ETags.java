package org.tiptrends.api.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Strong entity tags for GET answers: a hash of the mart version, the path and the sorted query. */
public final class ETags {
  private ETags() {}

  /** {@code "<32 hex>"} (quoted) for one version of one answer. */
  public static String of(String version, String path, List<Map.Entry<String, String>> sortedQuery) {
    StringBuilder s = new StringBuilder(version).append('\n').append(path).append('\n');
    for (Map.Entry<String, String> e : sortedQuery) {
      s.append(e.getKey()).append('=').append(e.getValue()).append('&');
    }
    return quoted(s.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** {@code "<32 hex>"} (quoted) for one version of one answer, its query already in canonical form. */
  public static String of(String version, String path, String canonicalQuery) {
    return quoted((version + '\n' + path + '\n' + canonicalQuery).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code "<32 hex>"} (quoted) for fixed content. */
  public static String quoted(byte[] content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Whether an {@code If-None-Match} header matches: {@code *}, or a list of tags compared weakly
   * (RFC 9110 §13.1.2: a {@code W/} prefix does not prevent a match).
   */
  public static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.strip();
      if (c.equals("*")) {
        return true;
      }
      if (c.startsWith("W/")) {
        c = c.substring(2);
      }
      if (c.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
