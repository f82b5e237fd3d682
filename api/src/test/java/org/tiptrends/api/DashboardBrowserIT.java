package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tiptrends.jobs.Prerequisites;

/**
 * The dashboard in real headless Chromium (Debian's {@code chromium} and {@code chromium-driver})
 * against the API serving marts built from the bundled sample: it loads without console errors,
 * every chart draws, a filter changed from the keyboard changes the chart and the URL, and a
 * download button saves a file. A screenshot is kept in {@code api/target/e2e/}.
 *
 * <p>Without Chromium the test is skipped, unless required ({@code -Dtiptrends.requireBrowser=true},
 * as {@code .ci/run} passes, or {@code CI=true}): see {@link Prerequisites}.
 */
class DashboardBrowserIT {
  // Debian's paths; the properties exist so that a missing browser can be tried on a machine that has one
  static final Path CHROMIUM = Path.of(System.getProperty("tiptrends.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("tiptrends.chromedriver", "/usr/bin/chromedriver"));
  static final Duration WAIT = Duration.ofSeconds(90);
  static TestApi api;
  static ChromeDriver driver;
  static Path profile;
  static Path downloads;
  static Path artifacts;

  @BeforeAll
  static void start() throws IOException {
    Prerequisites.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), Prerequisites.BROWSER,
        CHROMIUM + " or " + CHROMEDRIVER + " is missing (apt-get install chromium chromium-driver)");
    api = TestApi.shared();
    artifacts = Path.of(System.getProperty("tiptrends.artifacts", "target/e2e"));
    Files.createDirectories(artifacts);
    profile = Files.createTempDirectory("tiptrends-chromium-profile");
    downloads = Files.createTempDirectory("tiptrends-downloads");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
        "--user-data-dir=" + profile, "--window-size=1400,2600");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
        "download.prompt_for_download", false));
    // the driver from Debian's package, named explicitly so that Selenium downloads nothing
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.executeCdpCommand("Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    for (Path dir : new Path[] {profile, downloads}) {
      if (dir != null) {
        TestMarts.delete(dir);
      }
    }
  }

  private static void waitForCharts() {
    new WebDriverWait(driver, WAIT).until(d -> "ready".equals(
        d.findElement(By.tagName("body")).getDomAttribute("data-charts")));
  }

  private static List<WebElement> cards() {
    return driver.findElements(By.cssSelector("section.card"));
  }

  @Test
  void dashboardDrawsEveryChartChangesWithAFilterAndDownloads() throws Exception {
    driver.get(api.uri("/").toString());
    waitForCharts();

    List<String> ids = cards().stream().map(c -> c.getDomAttribute("data-chart")).toList();
    assertEquals(ChartsContractTest.CHARTS, ids);
    for (WebElement card : cards()) {
      String id = card.getDomAttribute("data-chart");
      assertEquals("ready", card.getDomAttribute("data-state"), id + ": " + card.getText());
      List<WebElement> shapes = card.findElements(By.cssSelector(".chart svg path"));
      assertTrue(shapes.size() > 5, id + " drew " + shapes.size() + " paths");
      assertFalse(card.findElement(By.tagName("h2")).getText().isBlank(), id + " has a title");
      assertFalse(card.findElement(By.cssSelector(".desc")).getText().isBlank(), id + " has a description");
      assertFalse(card.findElement(By.cssSelector(".chart")).getDomAttribute("aria-label").isBlank(), id);
    }
    Files.write(artifacts.resolve("dashboard.png"), driver.getScreenshotAs(OutputType.BYTES));

    // a filter changed with the keyboard: the breakdown select, focused, then arrow down to "sex"
    WebElement by = driver.findElement(By.name("by"));
    WebElement trend = driver.findElement(By.id("card-victims-trend"));
    String before = trend.findElement(By.tagName("h2")).getText();
    by.sendKeys(Keys.ARROW_DOWN);
    new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("by=sex"));
    waitForCharts();
    String after = driver.findElement(By.id("card-victims-trend")).findElement(By.tagName("h2")).getText();
    assertTrue(after.contains("by sex") && !after.equals(before), before + " -> " + after);
    String legend = driver.findElement(By.cssSelector("#card-victims-trend .chart")).getDomProperty("innerHTML");
    assertTrue(legend.contains("Female"), legend);
    assertEquals("sex", new Select(driver.findElement(By.name("by"))).getFirstSelectedOption().getDomAttribute("value"));

    // the state is in the URL: a fresh load of it shows the same view
    driver.get(driver.getCurrentUrl());
    waitForCharts();
    assertEquals("sex", new Select(driver.findElement(By.name("by"))).getFirstSelectedOption().getDomAttribute("value"));

    // a download button saves the chart's CSV
    driver.findElement(By.cssSelector("#card-victims-trend .links a[data-format='csv']")).click();
    Path csv = waitForDownload(".csv");
    String content = Files.readString(csv);
    assertTrue(content.startsWith("geo,by,series,year,value,low,high"), content.substring(0, Math.min(80, content.length())));
    assertTrue(content.contains(",sex,female,"), "the downloaded CSV is the chart as filtered");
    Files.write(artifacts.resolve("dashboard-by-sex.png"), driver.getScreenshotAs(OutputType.BYTES));

    List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    assertTrue(errors.isEmpty(), "console errors: " + errors);
  }

  private static Path waitForDownload(String extension) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      try (Stream<Path> files = Files.list(downloads)) {
        List<Path> done = files.filter(p -> p.toString().endsWith(extension)).toList();
        if (!done.isEmpty()) {
          return done.get(0);
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no " + extension + " file downloaded to " + downloads);
  }
}
