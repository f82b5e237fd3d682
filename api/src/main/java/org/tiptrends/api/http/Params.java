package org.tiptrends.api.http;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The query parameters of one request, parsed strictly: every parameter must be one the endpoint
 * declares, given once, non-empty and short; values are checked against their type and allowed
 * values. Anything else is a {@link BadRequest} naming the parameter.
 */
public final class Params {
  public static final int MAX_VALUE_LENGTH = 200;
  public static final int MAX_PARAMETERS = 32;
  public static final String FORMAT = "format";
  public static final List<String> FORMATS = List.of("json", "csv");
  private static final String PARSED = Params.class.getName();
  private static final String CURRENT = Params.class.getName() + ".current";
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,10}");
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{1,12}");

  private final Map<String, String> values;
  /** Each parameter as the endpoint read it (its default included), for {@link #canonicalQuery()}. */
  private final Map<String, String> resolved = new java.util.TreeMap<>();

  private Params(Map<String, String> values) {
    this.values = values;
  }

  /** No parameters: every default. */
  public static Params none() {
    return new Params(Map.of());
  }

  /**
   * Parses the query of {@code ctx} for an endpoint that accepts {@code accepted} parameters.
   *
   * @throws BadRequest for an unknown, repeated, empty or over-long parameter, or a query that
   *     is not valid percent-encoding
   */
  public static Params of(Context ctx, String... accepted) {
    Set<String> known = Set.of(accepted);
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : query(ctx)) {
      String name = e.getKey();
      if (!known.contains(name)) {
        throw new BadRequest(display(name), "unknown parameter '" + display(name) + "'", List.of(accepted));
      }
      if (values.containsKey(name)) {
        throw new BadRequest(name, name + " is given more than once");
      }
      if (e.getValue().isEmpty()) {
        throw new BadRequest(name, name + " is empty; leave it out to use its default");
      }
      if (e.getValue().length() > MAX_VALUE_LENGTH) {
        throw new BadRequest(name, name + " is longer than " + MAX_VALUE_LENGTH + " characters");
      }
      values.put(name, e.getValue());
    }
    Params params = new Params(values);
    ctx.attribute(CURRENT, params);
    return params;
  }

  /** The parameters the request's endpoint parsed with {@link #of}, or {@code null}. */
  public static Params current(Context ctx) {
    return ctx.attribute(CURRENT);
  }

  /**
   * The query as the endpoint understood it: every parameter it read, in the spelling it uses,
   * defaults included, sorted ({@code format=JSON&by=SEX} and {@code by=sex&format=json} and
   * {@code by=sex} alike); empty when a given parameter was never read through these accessors,
   * so two requests never share it unless the endpoint saw the same values.
   */
  public Optional<String> canonicalQuery() {
    if (!resolved.keySet().containsAll(values.keySet())) {
      return Optional.empty();
    }
    StringBuilder q = new StringBuilder();
    resolved.forEach((k, v) -> q.append(k).append('=').append(v).append('&'));
    return Optional.of(q.toString());
  }

  private <T> T read(String name, T value) {
    if (value != null) {
      resolved.put(name, value.toString());
    }
    return value;
  }

  /**
   * The decoded query as (name, value) pairs sorted by name, then value; parsed once per request.
   *
   * @throws BadRequest when the query is not valid percent-encoding or has too many parameters
   */
  public static List<Map.Entry<String, String>> query(Context ctx) {
    List<Map.Entry<String, String>> parsed = ctx.attribute(PARSED);
    if (parsed == null) {
      parsed = parse(ctx.queryString());
      ctx.attribute(PARSED, parsed);
    }
    return parsed;
  }

  static List<Map.Entry<String, String>> parse(String queryString) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    if (queryString == null || queryString.isEmpty()) {
      return List.of();
    }
    for (String part : queryString.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      if (pairs.size() == MAX_PARAMETERS) {
        throw new BadRequest("query", "more than " + MAX_PARAMETERS + " query parameters");
      }
      int eq = part.indexOf('=');
      String name = decode(eq < 0 ? part : part.substring(0, eq), "query");
      String value = eq < 0 ? "" : decode(part.substring(eq + 1), display(name));
      pairs.add(Map.entry(name, value));
    }
    pairs.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
    return List.copyOf(pairs);
  }

  private static String decode(String s, String parameter) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequest(parameter, "malformed percent-encoding in the query");
    }
  }

  /** A client-sent string made safe to quote in a problem: printable, at most 40 characters. */
  public static String display(String raw) {
    String s = raw.codePoints().filter(c -> c >= 0x20 && c != 0x7f && !Character.isISOControl(c))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public Optional<String> optional(String name) {
    return Optional.ofNullable(read(name, values.get(name)));
  }

  public String required(String name, String what) {
    String v = values.get(name);
    if (v == null) {
      throw new BadRequest(name, name + " is required: " + what);
    }
    return read(name, v);
  }

  /** One of {@code allowed} (case-insensitive; answered in the allowed spelling), or the default. */
  public String choice(String name, List<String> allowed, String defaultValue) {
    String v = values.get(name);
    if (v == null) {
      return read(name, defaultValue);
    }
    for (String a : allowed) {
      if (a.equalsIgnoreCase(v)) {
        return read(name, a);
      }
    }
    throw new BadRequest(name, "unknown " + name + " '" + display(v) + "'", allowed);
  }

  /** {@code json} (default) or {@code csv}. */
  public String format() {
    return choice(FORMAT, FORMATS, "json");
  }

  public boolean bool(String name, boolean defaultValue) {
    String v = choice(name, List.of("true", "false"), null);
    return read(name, v == null ? defaultValue : v.equals("true"));
  }

  /** A whole number in [min, max], or the default when absent ({@code null}: required). */
  public int integer(String name, int min, int max, Integer defaultValue) {
    String v = values.get(name);
    if (v == null) {
      if (defaultValue == null) {
        throw new BadRequest(name, name + " is required: a whole number from " + min + " to " + max);
      }
      return read(name, defaultValue);
    }
    if (!INTEGER.matcher(v).matches()) {
      throw new BadRequest(name, name + " must be a whole number, got '" + display(v) + "'");
    }
    long n = Long.parseLong(v);
    if (n < min || n > max) {
      throw new BadRequest(name, name + " " + n + " is out of range: " + min + " to " + max);
    }
    return read(name, (int) n);
  }

  /** A year in [first, last] (the marts' years), listed as the allowed values when refused. */
  public int year(String name, int first, int last, Integer defaultValue) {
    try {
      return integer(name, first, last, defaultValue);
    } catch (BadRequest e) {
      List<String> years = IntStream.rangeClosed(first, last).mapToObj(Integer::toString).toList();
      throw new BadRequest(name, e.getMessage(), years);
    }
  }

  /** A geography or origin code: letters and digits only, upper-cased; the default when absent. */
  public String code(String name, String defaultValue, String what) {
    String v = values.get(name);
    if (v == null) {
      return read(name, defaultValue);
    }
    if (!CODE.matcher(v).matches()) {
      throw new BadRequest(name, name + " must be " + what + ", got '" + display(v) + "'");
    }
    return read(name, v.toUpperCase(Locale.ROOT));
  }
}
