import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * CI's verdict on a test run, from the surefire and failsafe XML reports under a directory
 * ({@code *}{@code /target/surefire-reports/TEST-*.xml}, {@code .../failsafe-reports/TEST-*.xml}):
 * each {@code <testsuite>}'s {@code tests}, {@code failures}, {@code errors} and {@code skipped},
 * summed into one line that counts tests run, failed and skipped separately. The run fails when no
 * test ran, when any test failed or skipped (CI has the real data and the browser, so a skip means a
 * test that did not run), when a class reports no test at all (what surefire writes for a class whose
 * {@code @BeforeAll} was aborted by an assumption), or when a report cannot be read.
 *
 * <pre>
 * java .ci/TestReports.java DIR        # exit 0: the run is trusted; 1: it is not (reasons on stderr)
 * java .ci/TestReports.java --self-check  # the verdicts above on made-up reports; exit 1 if any is wrong
 * </pre>
 */
public class TestReports {
  record Verdict(int reports, int tests, int failed, int skipped, List<String> problems) {
    int ran() {
      return tests - skipped;
    }

    String summary() {
      return "ci: " + tests + " tests in " + reports + " test classes: " + ran() + " ran, " + failed + " failed, "
          + skipped + " skipped";
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("--self-check")) {
      System.exit(selfCheck() ? 0 : 1);
    }
    if (args.length != 1) {
      System.err.println("usage: java .ci/TestReports.java DIR | --self-check");
      System.exit(2);
    }
    Verdict v = judge(Path.of(args[0]));
    System.out.println(v.summary());
    v.problems().forEach(p -> System.err.println("ci: " + p));
    System.exit(v.problems().isEmpty() ? 0 : 1);
  }

  static Verdict judge(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(TestReports::isReport).sorted().toList();
    }
    int tests = 0;
    int failed = 0;
    int skipped = 0;
    List<String> problems = new ArrayList<>();
    for (Path f : files) {
      Element suite;
      try {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setExpandEntityReferences(false);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
          @Override
          public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
            throw e; // reported below, once, instead of printed by the parser
          }
        });
        suite = builder.parse(f.toFile()).getDocumentElement();
      } catch (Exception e) {
        problems.add("cannot read " + f + " (" + e.getMessage() + "): a report nobody can read is not a pass");
        continue;
      }
      if (!suite.getTagName().equals("testsuite")) {
        problems.add(f + " is not a <testsuite> report");
        continue;
      }
      String name = suite.getAttribute("name");
      try {
        int t = count(suite, "tests");
        int fe = count(suite, "failures") + count(suite, "errors");
        int sk = count(suite, "skipped");
        tests += t;
        failed += fe;
        skipped += sk;
        if (t == 0) {
          problems.add(name + " reports no test: surefire writes that for a class whose @BeforeAll was aborted"
              + " (an assumption, e.g. missing real data), so its tests did not run");
        }
      } catch (NumberFormatException e) {
        problems.add(f + ": " + e.getMessage());
      }
      NodeList cases = suite.getElementsByTagName("testcase");
      for (int i = 0; i < cases.getLength(); i++) {
        Element c = (Element) cases.item(i);
        String test = c.getAttribute("classname") + "." + c.getAttribute("name");
        for (Node n = c.getFirstChild(); n != null; n = n.getNextSibling()) {
          if (n instanceof Element e) {
            switch (e.getTagName()) {
              case "skipped" -> problems.add("skipped: " + test + ": " + message(e)
                  + " (CI requires the real data and the browser: a skipped test did not run)");
              case "failure", "error" -> problems.add("failed: " + test + ": " + message(e));
              default -> { }
            }
          }
        }
      }
    }
    if (files.isEmpty()) {
      problems.add("no test report under " + root + ": no test ran");
    } else if (tests - skipped == 0) {
      problems.add("no test ran");
    }
    if (failed > 0 && problems.stream().noneMatch(p -> p.startsWith("failed: "))) {
      problems.add(failed + " tests failed");
    }
    if (skipped > 0 && problems.stream().noneMatch(p -> p.startsWith("skipped: "))) {
      problems.add(skipped + " tests skipped");
    }
    return new Verdict(files.size(), tests, failed, skipped, problems);
  }

  static boolean isReport(Path p) {
    String file = p.getFileName().toString();
    Path dir = p.getParent();
    return file.startsWith("TEST-") && file.endsWith(".xml") && dir != null && dir.getParent() != null
        && (dir.getFileName().toString().equals("surefire-reports") || dir.getFileName().toString().equals("failsafe-reports"))
        && dir.getParent().getFileName().toString().equals("target");
  }

  /** The message attribute, else the first line of the element's text (where surefire puts the exception). */
  static String message(Element e) {
    String m = e.getAttribute("message");
    return m.isBlank() ? e.getTextContent().strip().lines().findFirst().orElse("") : m;
  }

  static int count(Element suite, String attribute) {
    String v = suite.getAttribute(attribute).strip();
    return v.isEmpty() ? 0 : Integer.parseInt(v);
  }

  /** Made-up reports, each with the verdict it must get. */
  static boolean selfCheck() throws IOException {
    String ok = suite("a.Ok", 2, 0, 0, 0, "<testcase classname=\"a.Ok\" name=\"one\"/><testcase classname=\"a.Ok\" name=\"two\"/>");
    record Case(String what, List<String> reports, boolean trusted, String... mentions) {}
    List<Case> cases = List.of(
        new Case("a clean run", List.of(ok), true, "2 ran, 0 failed, 0 skipped"),
        new Case("a skipped test", List.of(ok, suite("a.Real", 2, 0, 0, 1, "<testcase classname=\"a.Real\" name=\"x\"/>"
            + "<testcase classname=\"a.Real\" name=\"onRealData\"><skipped message=\"no real data\"/></testcase>")),
            false, "skipped: a.Real.onRealData: no real data"),
        new Case("a failed test", List.of(ok, suite("a.Bad", 1, 1, 0, 0,
            "<testcase classname=\"a.Bad\" name=\"x\"><failure message=\"boom\"/></testcase>")), false, "failed: a.Bad.x: boom"),
        new Case("a test in error", List.of(ok, suite("a.Err", 1, 0, 1, 0,
            "<testcase classname=\"a.Err\" name=\"x\"><error message=\"npe\"/></testcase>")), false, "failed: a.Err.x: npe"),
        new Case("a class whose @BeforeAll was aborted", List.of(ok, suite("a.Aborted", 0, 0, 0, 0, "")), false,
            "a.Aborted reports no test"),
        new Case("counts without test cases", List.of(ok, suite("a.Counts", 3, 0, 0, 3, "")), false, "3 tests skipped"),
        new Case("only skipped tests", List.of(suite("a.Real", 1, 0, 0, 1,
            "<testcase classname=\"a.Real\" name=\"x\"><skipped>aborted: no real data</skipped></testcase>")), false, "skipped: a.Real.x: aborted: no real data",
            "no test ran", "0 ran, 0 failed, 1 skipped"),
        new Case("no report at all", List.of(), false, "no test ran"),
        new Case("a truncated report", List.of(ok, "<?xml version=\"1.0\"?><testsuite name=\"a.Cut\" tests=\"1\""), false,
            "cannot read"));
    boolean allRight = true;
    for (Case c : cases) {
      Path dir = Files.createTempDirectory("ci-report-check");
      try {
        Path reports = Files.createDirectories(dir.resolve("m/target/surefire-reports"));
        for (int i = 0; i < c.reports().size(); i++) {
          Files.writeString(reports.resolve("TEST-" + i + ".xml"), c.reports().get(i));
        }
        Files.writeString(reports.resolve("m.txt"), "not a report");
        Verdict v = judge(dir);
        String said = v.summary() + "\n" + String.join("\n", v.problems());
        boolean right = v.problems().isEmpty() == c.trusted() && List.of(c.mentions()).stream().allMatch(said::contains);
        if (!right) {
          System.err.println("ci: the report check is wrong on " + c.what() + ":\n" + said);
          allRight = false;
        }
      } finally {
        try (Stream<Path> s = Files.walk(dir)) {
          s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
    System.out.println(allRight ? "ci: the report check judges " + cases.size() + " made-up runs right" : "");
    return allRight;
  }

  static String suite(String name, int tests, int failures, int errors, int skipped, String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"" + name + "\" tests=\"" + tests
        + "\" failures=\"" + failures + "\" errors=\"" + errors + "\" skipped=\"" + skipped + "\">" + body + "</testsuite>\n";
  }
}
