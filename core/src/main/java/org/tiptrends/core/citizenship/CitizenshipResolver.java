package org.tiptrends.core.citizenship;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.tiptrends.core.geo.Country;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.core.geo.ReferenceTables;

/**
 * The one resolver of free-text citizenship labels, used by every job and view. Steps, first hit
 * wins: exact M49 name or alias → normalised key (case, accents, punctuation, repaired
 * mojibake) → the same key with lost characters (U+FFFD) as wildcards, when exactly one target
 * fits → bounded fuzzy match (Levenshtein ≤ 1 for keys up to 9 letters, ≤ 2 above, keys of at
 * least 5 letters) when the nearest keys all name the same target. Everything else stays unknown.
 * The bound is tight on purpose: "Congolese" is two edits from "Togolese".
 */
public final class CitizenshipResolver {
  private static final String ALIASES = "citizenship_aliases.csv";

  private record Target(OriginKind kind, String code) {}

  private final Map<String, Target> exact = new HashMap<>();
  private final Map<String, Target> byKey = new HashMap<>();
  private final Map<String, String> keySource = new HashMap<>();
  private final Map<String, Resolution> cache = new ConcurrentHashMap<>();
  private final LevenshteinDistance distance = new LevenshteinDistance(2);

  private CitizenshipResolver(ReferenceData reference, Reader aliasesCsv) throws IOException {
    for (Country c : reference.countries()) {
      put(c.name(), new Target(OriginKind.COUNTRY, c.code()), "normalised");
    }
    for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(aliasesCsv)) {
      OriginKind kind = OriginKind.fromCode(r.get("kind"));
      String code = r.get("target").isBlank() ? null : r.get("target").strip();
      if ((kind == OriginKind.COUNTRY && reference.country(code).isEmpty())
          || ((kind == OriginKind.REGION || kind == OriginKind.SUBREGION)
              && reference.region(code).isEmpty())) {
        throw new IllegalStateException("alias '" + r.get("alias") + "' points to unknown code " + code);
      }
      put(r.get("alias"), new Target(kind, code), "alias");
    }
  }

  private void put(String label, Target target, String method) {
    exact.put(label, target);
    String key = LabelNormalizer.normalise(label);
    Target previous = byKey.put(key, target);
    if (previous != null && !previous.equals(target)) {
      throw new IllegalStateException("label key '" + key + "' names two targets: " + previous + ", " + target);
    }
    keySource.putIfAbsent(key, method);
  }

  private static final class Holder {
    static final CitizenshipResolver STANDARD = create();

    private static CitizenshipResolver create() {
      try (Reader aliases = ReferenceTables.open(ALIASES)) {
        return new CitizenshipResolver(ReferenceData.standard(), aliases);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The resolver over the packaged reference and alias tables (thread-safe, cached per JVM). */
  public static CitizenshipResolver standard() {
    return Holder.STANDARD;
  }

  public static CitizenshipResolver create(ReferenceData reference, Reader aliasesCsv) throws IOException {
    return new CitizenshipResolver(reference, aliasesCsv);
  }

  public Resolution resolve(String label) {
    String safe = label == null ? "" : label;
    return cache.computeIfAbsent(safe, this::resolveUncached);
  }

  private Resolution resolveUncached(String label) {
    if (label.isBlank()) {
      return new Resolution(label, OriginKind.UNKNOWN, null, "empty");
    }
    Target t = exact.get(label.strip());
    if (t != null) {
      return of(label, t, "exact");
    }
    String key = LabelNormalizer.normalise(label);
    t = byKey.get(key);
    if (t != null) {
      return of(label, t, keySource.get(key));
    }
    if (key.indexOf(LabelNormalizer.LOST_CHARACTER) >= 0) {
      Target repaired = uniqueWildcardMatch(key);
      if (repaired != null) {
        return of(label, repaired, "repaired");
      }
    }
    Target fuzzy = uniqueFuzzyMatch(key);
    if (fuzzy != null) {
      return of(label, fuzzy, "fuzzy");
    }
    return new Resolution(label, OriginKind.UNKNOWN, null, Resolution.UNRESOLVED);
  }

  private static Resolution of(String label, Target t, String method) {
    return new Resolution(label, t.kind(), t.code(), method);
  }

  private Target uniqueWildcardMatch(String key) {
    StringBuilder regex = new StringBuilder();
    for (String part : key.split(String.valueOf(LabelNormalizer.LOST_CHARACTER), -1)) {
      if (regex.length() > 0) {
        regex.append(".{0,2}"); // one lost character may stand for a one- or two-letter sequence
      }
      regex.append(Pattern.quote(part));
    }
    Pattern p = Pattern.compile(regex.toString());
    return uniqueTarget(byKey.entrySet().stream()
        .filter(e -> p.matcher(e.getKey()).matches()).map(Map.Entry::getValue).toList());
  }

  private Target uniqueFuzzyMatch(String key) {
    if (key.length() < 5) {
      return null;
    }
    int limit = key.length() <= 9 ? 1 : 2;
    int best = Integer.MAX_VALUE;
    List<Target> nearest = new ArrayList<>();
    for (Map.Entry<String, Target> e : byKey.entrySet()) {
      if (e.getKey().length() < 5) {
        continue;
      }
      int d = distance.apply(key, e.getKey());
      if (d < 0 || d > limit) {
        continue;
      }
      if (d < best) {
        best = d;
        nearest.clear();
      }
      if (d == best) {
        nearest.add(e.getValue());
      }
    }
    return uniqueTarget(nearest);
  }

  private static Target uniqueTarget(List<Target> targets) {
    if (targets.isEmpty()) {
      return null;
    }
    Target first = targets.get(0);
    return targets.stream().allMatch(first::equals) ? first : null;
  }
}
