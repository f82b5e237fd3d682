package org.tiptrends.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}). {@code type} is a URI reference
 * to the problem's entry in the API docs; {@code parameter} and {@code allowed} are extension
 * members naming the query parameter at fault and the values it accepts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
    String parameter, List<String> allowed) {
  public static final String CONTENT_TYPE = "application/problem+json";
  public static final String DOCS = "/api/docs#problem-";

  public static Problem of(String slug, String title, int status, String detail, String instance) {
    return new Problem(DOCS + slug, title, status, detail, instance, null, null);
  }
}
