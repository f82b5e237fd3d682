package org.tiptrends.core.citizenship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tiptrends.core.geo.ReferenceData;
import org.tiptrends.core.geo.ReferenceTables;

/**
 * The resolver scored against 300 citizenship labels of the real GLOTIP export that a person
 * labelled by reading them ({@code glotip-citizenship-sample.csv}; its header says how they were
 * drawn and labelled). Two runs:
 *
 * <ul>
 *   <li>the resolver as the job uses it (M49 names and the alias table);
 *   <li>for each label, a resolver built without the alias-table entries the label would hit
 *       (the rows whose alias has the label's normalised key): the alias table was built from this
 *       same export, so only this run measures the normalising, repair and fuzzy steps on their own.
 * </ul>
 *
 * <p>Precision: of the labels the resolver gives an origin (any outcome but unknown), the share
 * whose outcome (kind and code) is the hand label. Recall: of the labels whose hand label is an
 * origin, the share resolved to exactly that. An unknown label left unknown is right but counts in
 * neither. The figures are printed and stated in README.md (checked here, so README stays true).
 */
class CitizenshipSampleScoreTest {
  static final String SAMPLE = "glotip-citizenship-sample.csv";

  record Labelled(String label, OriginKind kind, String code, String reason) {}

  record Score(int assigned, int expectedOrigins, int correctOrigins, List<String> errors) {
    double precision() {
      return (double) correctOrigins / assigned;
    }

    double recall() {
      return (double) correctOrigins / expectedOrigins;
    }

    String summary() {
      return String.format(Locale.ROOT, "precision %.3f (%d of %d), recall %.3f (%d of %d)", precision(),
          correctOrigins, assigned, recall(), correctOrigins, expectedOrigins);
    }
  }

  static List<Labelled> sample;
  static List<String> aliasHeader;
  static List<CSVRecord> aliases;
  static java.util.Set<String> aliasKeys;

  @BeforeAll
  static void load() throws IOException {
    sample = new ArrayList<>();
    try (Reader in = new InputStreamReader(Objects.requireNonNull(
        CitizenshipSampleScoreTest.class.getResourceAsStream(SAMPLE), SAMPLE), StandardCharsets.UTF_8)) {
      for (CSVRecord r : CSVFormat.RFC4180.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
          .get().parse(in)) {
        sample.add(new Labelled(r.get("label"), OriginKind.fromCode(r.get("kind")),
            r.get("code").isBlank() ? null : r.get("code"), r.get("reason")));
      }
    }
    try (Reader in = ReferenceTables.open("citizenship_aliases.csv");
        var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      aliasHeader = parser.getHeaderNames();
      aliases = parser.getRecords();
    }
    aliasKeys = new java.util.HashSet<>();
    aliases.forEach(a -> aliasKeys.add(LabelNormalizer.normalise(a.get("alias"))));
  }

  static Score score(List<Labelled> labels, Function<String, Resolution> resolver) {
    int assigned = 0;
    int expectedOrigins = 0;
    int correct = 0;
    List<String> errors = new ArrayList<>();
    for (Labelled l : labels) {
      Resolution r = resolver.apply(l.label());
      boolean right = r.kind() == l.kind() && Objects.equals(r.code(), l.code());
      if (r.kind() != OriginKind.UNKNOWN) {
        assigned++;
      }
      if (l.kind() != OriginKind.UNKNOWN) {
        expectedOrigins++;
        correct += right ? 1 : 0;
      }
      if (!right) {
        errors.add(String.format(Locale.ROOT, "'%s': hand %s %s, resolver %s %s (%s)%s", l.label(), l.kind().code(),
            Objects.toString(l.code(), ""), r.kind().code(), Objects.toString(r.code(), ""), r.method(),
            l.reason().isBlank() ? "" : " [" + l.reason() + "]"));
      }
    }
    return new Score(assigned, expectedOrigins, correct, errors);
  }

  /** A resolver over the packaged tables minus every alias row that shares the label's normalised key. */
  static CitizenshipResolver withoutAliasOf(String label) {
    String key = LabelNormalizer.normalise(label);
    StringWriter csv = new StringWriter();
    try (CSVPrinter out = new CSVPrinter(csv, CSVFormat.RFC4180)) {
      out.printRecord(aliasHeader);
      for (CSVRecord a : aliases) {
        if (!LabelNormalizer.normalise(a.get("alias")).equals(key)) {
          out.printRecord(a.values());
        }
      }
      return CitizenshipResolver.create(ReferenceData.standard(), new StringReader(csv.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean hasAliasEntry(String label) {
    return aliasKeys.contains(LabelNormalizer.normalise(label));
  }

  @Test
  void theSampleIsWhatItsHeaderSays() {
    assertEquals(300, sample.size());
    assertEquals(300, sample.stream().map(Labelled::label).distinct().count(), "distinct labels");
    for (Labelled l : sample) {
      switch (l.kind()) {
        case COUNTRY -> assertTrue(ReferenceData.standard().country(l.code()).isPresent(), l.toString());
        case REGION, SUBREGION -> assertTrue(ReferenceData.standard().region(l.code()).isPresent(), l.toString());
        default -> assertNull(l.code(), l.toString());
      }
    }
  }

  @Test
  void withTheAliasTable() throws IOException {
    Score s = score(sample, CitizenshipResolver.standard()::resolve);
    report("with the alias table", s);
    // No wrong origin at all: the table was written and reviewed from this very export, so a wrong
    // origin for one of its labels is a wrong row or a broken step, and it would move victims into a
    // wrong flow with nothing in run.json to show it. Measured: none.
    assertEquals(1.0, s.precision(), s.summary() + "\n" + String.join("\n", s.errors()));
    // A miss only moves victims to unknown, which run.json lists with their victims. Measured: 9 of
    // 290, 5 of them readings the sample marks doubtful where the table's convention differs
    // (stateless people and a form's instruction left unknown rather than foreign-unspecified; a
    // cell mixing two countries), 4 plain gaps (a count before a demonym, two former states).
    // 0.95 (276 of 290) leaves room for 5 more before a change of the table must be looked at.
    assertTrue(s.recall() >= 0.95, s.summary() + "\n" + String.join("\n", s.errors()));
    assertReadmeStates("with the alias table", s);
  }

  @Test
  void withoutEachLabelsAliasEntry() throws IOException {
    List<Labelled> entered = sample.stream().filter(l -> hasAliasEntry(l.label())).toList();
    assertTrue(entered.size() > 250, entered.size() + " labels have an alias entry of their own");
    for (Labelled l : entered) {
      assertNotEquals("alias", withoutAliasOf(l.label()).resolve(l.label()).method(), "entry not removed: " + l);
    }
    Score s = score(sample, label -> (hasAliasEntry(label) ? withoutAliasOf(label) : CitizenshipResolver.standard())
        .resolve(label));
    report("without each label's alias entry", s);
    // The bounded fuzzy step is there to leave a label unknown rather than guess (README), so even
    // without the table at most 1 assigned label in 50 may get a wrong origin. Measured: 1 of 233,
    // "Central africa" taken for the Central African Republic (one edit from its demonym; the hand
    // label is the sub-region that country lies in).
    assertTrue(s.precision() >= 0.98, s.summary() + "\n" + String.join("\n", s.errors()));
    // What normalising, repairing lost characters and the fuzzy step find alone: official names in
    // any case, accent or encoding, and near misspellings; not translations, demonyms, abbreviations,
    // region or domestic words, which only the table knows (the 58 measured misses are those). 0.75
    // (218 of 290) lets a stricter fuzzy bound, should precision call for one, cost about a dozen
    // near misses; a larger loss means a step stopped working.
    assertTrue(s.recall() >= 0.75, s.summary() + "\n" + String.join("\n", s.errors()));
    assertReadmeStates("without each label's alias entry", s);
  }

  static void report(String run, Score s) {
    System.out.println("citizenship sample, " + run + ": " + s.summary());
    s.errors().forEach(e -> System.out.println("  " + e));
  }

  static void assertReadmeStates(String run, Score s) throws IOException {
    Path readme = Path.of(System.getProperty("tiptrends.readme", "../README.md"));
    String line = run + ": " + s.summary();
    assertTrue(Files.readString(readme).contains(line), "README.md should state: " + line);
  }
}
