package org.tiptrends.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What some tests need from the machine: the real exports beside the checkout
 * ({@code ../shared/realdata}) and Chromium. Where it is missing such a test is skipped with a
 * message, as on a user's machine; where it is required it fails instead: with
 * {@code -Dtiptrends.requireRealData=true} / {@code -Dtiptrends.requireBrowser=true} (which
 * {@code .ci/run} passes), or whenever the environment says {@code CI=true}. Every real-data test of
 * jobs and api asks here (api through this module's test jar), so none can skip quietly in CI.
 */
public final class Prerequisites {
  public static final String REAL_DATA = "tiptrends.requireRealData";
  public static final String BROWSER = "tiptrends.requireBrowser";

  private Prerequisites() {}

  /** {@code ../shared/realdata} (system property {@code tiptrends.realdata}), or skip or fail. */
  public static Path realData() {
    Path dir = Path.of(System.getProperty("tiptrends.realdata", "../../shared/realdata")).toAbsolutePath().normalize();
    require(Files.isDirectory(dir), REAL_DATA, dir + " (the real UNODC, World Bank, ILO and UCDP exports, "
        + "see ../shared/realdata/README.md) is not on this machine");
    return dir;
  }

  /**
   * The real exports where they are on this machine, without skipping: for code that prepares cases
   * before the tests that use them ask {@link #require} (so CI still fails where they are missing).
   */
  public static java.util.Optional<Path> realDataIfPresent() {
    Path dir = Path.of(System.getProperty("tiptrends.realdata", "../../shared/realdata")).toAbsolutePath().normalize();
    return Files.isDirectory(dir) ? java.util.Optional.of(dir) : java.util.Optional.empty();
  }

  /**
   * One file of the real exports. A folder that is there but lacks the file is a broken copy: that
   * fails even where the real data are not required.
   */
  public static Path realDataFile(String relative) {
    Path file = realData().resolve(relative);
    if (!Files.isRegularFile(file)) {
      Assertions.fail(file + " is missing from the real exports: the folder is incomplete");
    }
    return file;
  }

  /** Skips the calling test (or class, from {@code @BeforeAll}) when absent, or fails it when required. */
  public static void require(boolean present, String property, String whatIsMissing) {
    if (present) {
      return;
    }
    if (required(property)) {
      Assertions.fail("required (-D" + property + "=true or CI=true) but " + whatIsMissing);
    }
    Assumptions.abort("skipped: " + whatIsMissing);
  }

  static boolean required(String property) {
    return Boolean.getBoolean(property) || "true".equalsIgnoreCase(System.getenv("CI"));
  }
}
