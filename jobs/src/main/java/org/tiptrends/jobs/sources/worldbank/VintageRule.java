package org.tiptrends.jobs.sources.worldbank;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tiptrends.jobs.sources.InputException;

/**
 * Where two World Bank files give the same indicator for the same country-year, in either layout (an
 * old and a new download side by side, a wide WDI file beside a data package), one value is kept, so
 * that no country-year is ever counted twice:
 *
 * <ol>
 *   <li>the file of the newer vintage wins ({@code Last Updated Date}, a data package's
 *       {@code version} or {@code last_updated}); the other file's value for that country-year is
 *       set aside; its country-years the newer file lacks are kept;
 *   <li>where the vintage cannot tell (the same date, a file stating none, a date that reads either
 *       way and matters), the files must agree: equal values are kept once (the same download saved
 *       twice); different values stop the run naming both files, since which is right cannot be known.
 * </ol>
 *
 * Every pair of files that met is reported ({@code worldbank.overlaps} in run.json). A value repeated
 * within one file is not this rule's to settle: the {@code unique_keys} gate stops the run on it.
 */
final class VintageRule {
  private VintageRule() {}

  /** One value, with the file it came from. */
  record Observation(int year, String iso3, String indicatorCode, String indicatorName, double value,
      WorldBankFile file) {}

  record Resolved(List<Observation> kept, List<Map<String, Object>> overlaps) {}

  private record Key(String indicatorCode, String iso3, int year) {}

  /** What happened between two files of one indicator. */
  private static final class Meeting {
    final String indicator;
    final WorldBankFile kept;
    final WorldBankFile setAside;
    final String rule;
    long countryYears;
    long valuesDiffer;
    String example;

    Meeting(String indicator, WorldBankFile kept, WorldBankFile setAside, String rule) {
      this.indicator = indicator;
      this.kept = kept;
      this.setAside = setAside;
      this.rule = rule;
    }
  }

  static Resolved resolve(List<Observation> all) {
    Map<Key, List<Observation>> byKey = new LinkedHashMap<>();
    for (Observation o : all) {
      byKey.computeIfAbsent(new Key(o.indicatorCode(), o.iso3(), o.year()), k -> new ArrayList<>()).add(o);
    }
    List<Observation> kept = new ArrayList<>();
    Map<List<String>, Meeting> meetings = new LinkedHashMap<>();
    Meeting conflict = null;
    for (Map.Entry<Key, List<Observation>> e : byKey.entrySet()) {
      List<Observation> group = e.getValue();
      Set<WorldBankFile> files = Collections.newSetFromMap(new IdentityHashMap<>()); // a file is itself, not its cells
      group.forEach(o -> files.add(o.file()));
      if (files.size() == 1) {
        kept.addAll(group); // one file (a repeat within it is the unique_keys gate's to name)
        continue;
      }
      WorldBankFile newest = newest(files);
      boolean agree = group.stream().allMatch(o -> o.value() == group.get(0).value());
      String rule = newest != null ? "newer vintage" : agree ? "identical values" : "conflict";
      Observation winner = newest == null ? group.get(0)
          : group.stream().filter(o -> o.file() == newest).findFirst().orElseThrow();
      for (Observation o : group) {
        if (o.file() == winner.file()) {
          kept.add(o);
          continue;
        }
        Meeting m = meetings.computeIfAbsent(List.of(e.getKey().indicatorCode(), winner.file().file().toString(),
            o.file().file().toString()), k -> new Meeting(e.getKey().indicatorCode(), winner.file(), o.file(), rule));
        m.countryYears++;
        if (o.value() != winner.value()) {
          m.valuesDiffer++;
          if (m.example == null) {
            m.example = String.format(Locale.ROOT, "%s %d: %s against %s", o.iso3(), o.year(),
                number(winner.value()), number(o.value()));
          }
        }
        if (rule.equals("conflict") && conflict == null) {
          conflict = m;
        }
      }
    }
    if (conflict != null) {
      Meeting c = conflict;
      throw new InputException(c.kept.file().toString(), "gives " + c.indicator + " for country-years that "
          + c.setAside.file() + " gives too, with different values (e.g. " + c.example + ") and no vintage to tell "
          + "which is newer (" + c.kept.vintage().describe(c.kept.file().name()) + "; "
          + c.setAside.vintage().describe(c.setAside.file().name()) + "): keep one of the two files");
    }
    return new Resolved(named(kept), report(meetings, kept));
  }

  /** The file newer than every other, however their dates are read; null when the vintages cannot tell. */
  private static WorldBankFile newest(Set<WorldBankFile> files) {
    for (WorldBankFile f : files) {
      if (files.stream().allMatch(o -> o == f || f.vintage().newerThan(o.vintage()))) {
        return f;
      }
    }
    return null;
  }

  /** One name per indicator code: the newest file's, so the mart does not carry two names for one code. */
  private static List<Observation> named(List<Observation> kept) {
    Map<String, Observation> newest = new HashMap<>();
    for (Observation o : kept) {
      newest.merge(o.indicatorCode(), o, (a, b) -> b.file().vintage().newerThan(a.file().vintage()) ? b : a);
    }
    List<Observation> out = new ArrayList<>(kept.size());
    for (Observation o : kept) {
      String name = newest.get(o.indicatorCode()).indicatorName();
      out.add(name.equals(o.indicatorName()) ? o
          : new Observation(o.year(), o.iso3(), o.indicatorCode(), name, o.value(), o.file()));
    }
    return out;
  }

  private static List<Map<String, Object>> report(Map<List<String>, Meeting> meetings, List<Observation> kept) {
    Map<WorldBankFile, Set<Key>> keptKeys = new IdentityHashMap<>();
    for (Observation o : kept) {
      keptKeys.computeIfAbsent(o.file(), f -> new HashSet<>()).add(new Key(o.indicatorCode(), o.iso3(), o.year()));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Meeting m : meetings.values()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("indicator_code", m.indicator);
      r.put("kept", m.kept.file().toString());
      r.put("kept_vintage", m.kept.vintage().iso());
      r.put("set_aside", m.setAside.file().toString());
      r.put("set_aside_vintage", m.setAside.vintage().iso());
      r.put("rule", m.rule);
      r.put("country_years", m.countryYears);
      r.put("values_differ", m.valuesDiffer);
      r.put("example", m.example);
      r.put("kept_from_set_aside_file", keptKeys.getOrDefault(m.setAside, Set.of()).stream()
          .filter(k -> k.indicatorCode().equals(m.indicator)).count());
      out.add(r);
    }
    return out;
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
