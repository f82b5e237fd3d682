package org.tiptrends.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
 * every chart draws, a filter changed from the keyboard changes the chart and the URL, a download
 * button saves a file, and the coverage, balanced-panel and year-range texts are honest. Screenshots
 * are kept in {@code api/target/e2e/}.
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

  /**
   * Issue 14: the dashboard's map card draws the world from the shapes the server ships (no CDN):
   * every country with a rate in its class colour, every other shape "No data" grey, as the
   * option says; a screenshot of the card is kept.
   */
  @Test
  void theMapCardDrawsCountriesWithARateInColourAndTheRestGrey() throws Exception {
    driver.get(api.uri("/").toString());
    waitForCharts();
    WebElement card = driver.findElement(By.cssSelector("section.card[data-chart='map']"));
    assertEquals("ready", card.getDomAttribute("data-state"), card.getText());
    JsonNode option = TestApi.parse(api.get("/api/v1/charts/map?format=echarts").body());
    java.util.Map<String, Integer> expected = new java.util.TreeMap<>();
    option.get("geo").get("regions").forEach(r -> expected.merge(
        r.get("itemStyle").get("areaColor").asText().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum));
    assertTrue(expected.getOrDefault(MapChartTest.GREY, 0) > 0 && expected.size() > 2, expected.toString());
    java.util.Map<String, Integer> drawn = new java.util.TreeMap<>();
    for (WebElement path : card.findElements(By.cssSelector(".chart svg path"))) {
      String fill = path.getDomAttribute("fill");
      if (fill != null) {
        drawn.merge(fill.toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
      }
    }
    for (java.util.Map.Entry<String, Integer> e : expected.entrySet()) {
      int n = drawn.getOrDefault(e.getKey(), 0);
      assertTrue(n >= e.getValue() && n <= e.getValue() + 2, e.getKey() + ": " + n + " paths for " + e.getValue()
          + " shapes; drawn " + drawn);
    }
    WebElement map = card.findElement(By.cssSelector(".chart"));
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true)", map);
    Files.write(artifacts.resolve("dashboard-map.png"), map.getScreenshotAs(OutputType.BYTES));

    // the map's own measure and year: chosen in the page, kept in the URL, drawn as the API's option
    JsonNode panelColumns = api.json("/api/v1/meta").get("panelColumns");
    assertTrue(panelColumns.toString().contains("\"gdp_per_capita\""), panelColumns.toString());
    new Select(driver.findElement(By.name("mapMeasure"))).selectByValue("gdp_per_capita");
    new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("mapMeasure=gdp_per_capita"));
    waitForCharts();
    Select mapYear = new Select(driver.findElement(By.name("mapYear")));
    String year = mapYear.getOptions().get(mapYear.getOptions().size() - 2).getDomAttribute("value");
    mapYear.selectByValue(year);
    new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("mapYear=" + year));
    waitForCharts();
    JsonNode gdp = TestApi.parse(api.get("/api/v1/charts/map?format=echarts&measure=gdp_per_capita&year=" + year).body());
    WebElement redrawn = driver.findElement(By.cssSelector("section.card[data-chart='map']"));
    assertEquals("ready", redrawn.getDomAttribute("data-state"), redrawn.getText());
    assertEquals(gdp.get("title").get(0).get("text").asText(), redrawn.findElement(By.tagName("h2")).getText());
    assertTrue(redrawn.findElement(By.tagName("h2")).getText().contains(year), "the title names the year chosen");
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

  /**
   * What a reader of the dashboard must not misread: the coverage bars split into exact counts and
   * only-{@code <5} countries, the sample's banner, an honest balanced-panel message (the sample has no
   * country reporting every year), a named panel that the shares chart beside the trend uses too, and
   * a country's trend drawn only over the years it reported, without a coverage axis.
   */
  /**
   * Issue 15: with {@code by=form} the trend card draws the forms chart (the API gives both the same
   * title and series), so the page shows it once; another breakdown brings the forms card back.
   */
  @Test
  void byFormShowsTheFormsChartOnce() throws Exception {
    JsonNode trend = TestApi.parse(api.get("/api/v1/charts/victims-trend?geo=202&by=form&format=echarts").body());
    JsonNode forms = TestApi.parse(api.get("/api/v1/charts/forms-trend?geo=202&format=echarts").body());
    String title = forms.get("title").get(0).get("text").asText();
    assertEquals(title, trend.get("title").get(0).get("text").asText(), "by=form is the forms chart");
    assertEquals(forms.get("series"), trend.get("series"), "by=form is the forms chart");
    driver.get(api.uri("/?geo=202&by=form").toString());
    waitForCharts();
    List<WebElement> shown = cards().stream().filter(WebElement::isDisplayed)
        .filter(c -> c.findElement(By.tagName("h2")).getDomProperty("textContent").equals(title)).toList();
    assertEquals(List.of("victims-trend"), shown.stream().map(c -> c.getDomAttribute("data-chart")).toList(),
        "the forms chart is shown once");
    Files.write(artifacts.resolve("dashboard-by-form.png"), driver.getScreenshotAs(OutputType.BYTES));
    new Select(driver.findElement(By.name("by"))).selectByValue("sex");
    new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("by=sex"));
    waitForCharts();
    WebElement formsCard = driver.findElement(By.id("card-forms-trend"));
    assertTrue(formsCard.isDisplayed(), "another breakdown shows the forms card again");
    assertEquals("ready", formsCard.getDomAttribute("data-state"));
    assertEquals(title, formsCard.findElement(By.tagName("h2")).getDomProperty("textContent"));
  }

  @Test
  void dashboardTellsCoverageThePanelAndTheYearsHonestly() throws Exception {
    driver.get(api.uri("/").toString());
    waitForCharts();
    assertTrue(driver.findElement(By.id("generated")).isDisplayed(), "the sample is marked generated");
    assertTrue(driver.findElement(By.id("generated")).getText().contains("Generated sample data, not official statistics"));
    assertTrue(driver.findElement(By.id("about-counts")).getText().contains("0 to 4 victims, point 2"));
    for (String card : List.of("victims-trend", "forms-trend")) {
      String svg = chartSvg(card);
      assertTrue(svg.contains("Countries giving an exact count") && svg.contains("Countries giving only &lt;5 cells"),
          card + " draws and explains both parts of the coverage bars");
      assertTrue(svg.contains("generated sample data, not official statistics"), card + "'s footnote says so");
    }

    // the balanced panel over every year of the sample: nobody reported every year, and the charts say so
    JsonNode meta = api.json("/api/v1/meta");
    int first = meta.get("years").get("from").asInt();
    int last = meta.get("years").get("to").asInt();
    driver.findElement(By.name("balanced")).click();
    new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("balanced=true"));
    waitForCharts();
    int any = TrendsContractTest.reportedInAnyYear(c -> true, first, last);
    String honest = "No country reported in every year " + first + "–" + last + "; " + any
        + " countries reported in at least one.";
    for (String card : List.of("victims-trend", "demographic-shares")) {
      String desc = driver.findElement(By.cssSelector("#card-" + card + " .desc")).getText();
      assertTrue(desc.contains(honest), card + ": " + desc);
    }
    Files.write(artifacts.resolve("dashboard-balanced-empty.png"), driver.getScreenshotAs(OutputType.BYTES));

    // a window with a panel: its countries are named, and the shares chart beside the trend sums them too
    int[] window = TrendsContractTest.widestPanel(c -> true, 3);
    java.util.Set<String> panel = TrendsContractTest.panel(c -> true, window[0], window[0] + 2);
    driver.get(api.uri("/?balanced=true&from=" + window[0] + "&to=" + (window[0] + 2)).toString());
    waitForCharts();
    String trendDesc = driver.findElement(By.cssSelector("#card-victims-trend .desc")).getText();
    for (String iso3 : panel) {
      String name = org.tiptrends.core.geo.ReferenceData.standard().country(iso3).orElseThrow().name();
      assertTrue(trendDesc.contains(name), name + " is named: " + trendDesc);
    }
    assertTrue(trendDesc.contains(panel.size() + " of the "), trendDesc);
    String sharesDesc = driver.findElement(By.cssSelector("#card-demographic-shares .desc")).getText();
    assertTrue(sharesDesc.startsWith("Balanced panel: " + panel.size() + " of the "), sharesDesc);
    Files.write(artifacts.resolve("dashboard-balanced-panel.png"), driver.getScreenshotAs(OutputType.BYTES));

    // a country whose reports start after the sample's first year and end before its last
    String country = trimmedCountry(first, last);
    JsonNode points = api.json("/api/v1/trends/victims?geo=" + country).get("series").get(0).get("points");
    int from = points.get(0).get("year").asInt();
    int to = points.get(points.size() - 1).get("year").asInt();
    driver.get(api.uri("/?geo=" + country).toString());
    waitForCharts();
    String svg = chartSvg("victims-trend");
    java.util.List<Integer> axis = new java.util.ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(">((?:19|20)\\d\\d)</text>").matcher(svg);
    while (m.find()) {
      axis.add(Integer.parseInt(m.group(1)));
    }
    assertEquals(from, java.util.Collections.min(axis), country + ": the axis starts at the first report " + axis);
    assertEquals(to, java.util.Collections.max(axis), country + ": and ends at the last " + axis);
    assertFalse(svg.contains("Reporting countries"), "one country's trend has no coverage axis");
    Files.write(artifacts.resolve("dashboard-country-trimmed.png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  /**
   * Issue 13: the criminal-justice section holds the justice trend and the funnel for the selected
   * geography; its year control offers the years of justice_by_year only, and the funnel follows it.
   */
  @Test
  void justiceSectionDrawsTheTrendAndAFunnelThatFollowsItsYear() throws Exception {
    driver.get(api.uri("/").toString());
    waitForCharts();
    WebElement section = driver.findElement(By.id("justice"));
    assertEquals("Criminal-justice response", section.findElement(By.tagName("h2")).getText());
    for (String id : List.of("justice-trend", "justice-funnel", "justice-ratio-by-region", "convicted-citizenship",
        "repatriation-sankey")) {
      WebElement card = section.findElement(By.cssSelector("section.card[data-chart='" + id + "']"));
      assertEquals("ready", card.getDomAttribute("data-state"), id + ": " + card.getText());
      assertTrue(card.findElements(By.cssSelector(".chart svg path")).size() > 5, id + " drew nothing");
    }
    assertTrue(chartSvg("justice-trend").contains("Criminal-justice response to trafficking in persons, World"));
    // the axis tooltip names the countries behind the point under the pointer
    WebElement trendChart = driver.findElement(By.cssSelector("#card-justice-trend .chart"));
    new org.openqa.selenium.interactions.Actions(driver).moveToElement(trendChart).perform();
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> trendChart.getText()
        .contains("Countries reporting persons convicted"));

    // the trend's own control: persons convicted by sex, drawn as the API answers it
    new Select(driver.findElement(By.name("justiceBy"))).selectByValue("sex");
    new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("justiceBy=sex"));
    waitForCharts();
    new WebDriverWait(driver, WAIT).until(d -> d.findElement(By.cssSelector("#card-justice-trend h2")).getText()
        .startsWith("Persons convicted by sex, World"));
    String bySex = chartSvg("justice-trend");
    assertTrue(bySex.contains("Female") && bySex.contains("Male"), "a line per sex");
    new Select(driver.findElement(By.name("justiceBy"))).selectByValue("none");
    waitForCharts();

    // the year control: the years the API lists for justice_by_year, the latest chosen
    List<String> years = new java.util.ArrayList<>();
    api.json("/api/v1/meta").get("justiceYears").get("list").forEach(y -> years.add(y.asText()));
    Select year = new Select(driver.findElement(By.name("justiceYear")));
    assertEquals(years, year.getOptions().stream().map(WebElement::getText).toList());
    assertTrue(years.size() >= 2, "the sample has several years of convictions: " + years);
    String last = years.get(years.size() - 1);
    assertEquals(last, year.getFirstSelectedOption().getText());
    assertTrue(chartSvg("justice-funnel").contains("From formal contact to conviction, World, " + last));

    String earlier = years.get(0);
    year.selectByVisibleText(earlier);
    new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("justiceYear=" + earlier));
    waitForCharts();
    new WebDriverWait(driver, WAIT).until(d -> chartSvg("justice-funnel")
        .contains("From formal contact to conviction, World, " + earlier));
    String funnel = chartSvg("justice-funnel");
    assertFalse(funnel.contains("From formal contact to conviction, World, " + last), "redrawn for " + earlier);
    // the ratio by region follows the same year
    new WebDriverWait(driver, WAIT).until(d -> chartSvg("justice-ratio-by-region")
        .contains("Persons convicted per 100 detected victims, by region, " + earlier));
    // the convictions drawn are the API's for that year
    JsonNode answer = api.json("/api/v1/justice/funnel?year=" + earlier);
    JsonNode convicted = answer.get("steps").get(2).get("persons");
    assertTrue(funnel.contains(org.tiptrends.api.charts.ChartFrame.bounded(convicted.get("value").asDouble(),
        convicted.get("low").asDouble(), convicted.get("high").asDouble())), "the convictions of " + earlier);

    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", section);
    Files.write(artifacts.resolve("dashboard-justice.png"), section.getScreenshotAs(OutputType.BYTES));
  }

  /**
   * Issue 13: the repatriation chart's control offers exactly the countries that reported victims
   * by country of repatriation, and picking one redraws the chart for it; the citizenship of
   * convicted persons follows the geography.
   */
  @Test
  void repatriationOffersOnlyReportingCountriesAndCitizenshipFollowsTheGeography() throws Exception {
    driver.get(api.uri("/").toString());
    waitForCharts();
    java.util.Map<String, String> names = new java.util.HashMap<>();
    api.json("/api/v1/meta").get("geographies").forEach(g -> names.put(g.get("code").asText(), g.get("name").asText()));
    java.util.Set<String> expected = new java.util.TreeSet<>();
    api.json("/api/v1/meta").get("repatriationCountries").forEach(c -> expected.add(names.getOrDefault(c.asText(),
        c.asText())));
    assertTrue(expected.size() >= 5, "the sample has countries reporting repatriations: " + expected);
    Select country = new Select(driver.findElement(By.name("repatriationCountry")));
    java.util.Set<String> offered = new java.util.TreeSet<>(country.getOptions().stream()
        .filter(o -> !o.getDomAttribute("value").isEmpty()).map(WebElement::getText).toList());
    assertEquals(expected, offered);
    String pick = country.getOptions().get(country.getOptions().size() - 1).getText();
    country.selectByVisibleText(pick);
    new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains("repatriationCountry="));
    waitForCharts();
    // the card's heading is the drawn chart's title (the SVG may wrap it)
    new WebDriverWait(driver, WAIT).until(d -> d.findElement(By.cssSelector("#card-repatriation-sankey h2")).getText()
        .contains("reported by " + pick));

    // a region's convicted persons by citizenship: the card is redrawn for it, or says why there is nothing
    new Select(driver.findElement(By.name("geo"))).selectByValue("150");
    waitForCharts();
    WebElement card = driver.findElement(By.cssSelector("#card-convicted-citizenship"));
    new WebDriverWait(driver, WAIT).until(d -> card.findElement(By.tagName("h2")).getText()
        .startsWith("Citizenship of persons convicted of trafficking, Europe"));
    assertEquals("ready", card.getDomAttribute("data-state"), card.getText());
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()",
        driver.findElement(By.id("card-repatriation-sankey")));
    Files.write(artifacts.resolve("dashboard-repatriation.png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  /**
   * Issue 15: a shared link naming a geography this version lacks does not silently become the
   * World: the page says what it asked for and what it shows instead; a link it can honour says nothing.
   */
  @Test
  void aLinkWithAnUnknownGeographySaysItShowsTheWorldInstead() {
    driver.get(api.uri("/?geo=XYZ&by=sex").toString());
    waitForCharts();
    WebElement notice = driver.findElement(By.id("notice"));
    assertTrue(notice.isDisplayed(), "the notice is shown");
    assertTrue(notice.getText().contains("Geography \"XYZ\" is not in this mart version: showing World instead."),
        notice.getText());
    assertEquals("status", notice.getDomAttribute("role"), "read out by screen readers");
    assertFalse(driver.getCurrentUrl().contains("XYZ"), driver.getCurrentUrl());
    assertTrue(driver.getCurrentUrl().contains("by=sex"), "the rest of the link is kept: " + driver.getCurrentUrl());

    driver.get(api.uri("/?geo=150").toString());
    waitForCharts();
    assertFalse(driver.findElement(By.id("notice")).isDisplayed(), "a link it can honour: no notice");
  }

  /**
   * Issue 15: the Sankey's destinations and the scatter's years are only those the API can draw
   * (meta's flowDestinations and correlationYears), and the last year offered draws.
   */
  @Test
  void theFlowAndCorrelationControlsOfferOnlyChoicesWithData() {
    driver.get(api.uri("/").toString());
    waitForCharts();
    JsonNode meta = api.json("/api/v1/meta");
    List<String> destinations = new java.util.ArrayList<>();
    meta.get("flowDestinations").forEach(c -> destinations.add(c.asText()));
    List<String> offered = new Select(driver.findElement(By.name("destination"))).getOptions().stream()
        .map(o -> o.getDomAttribute("value")).filter(v -> !v.isEmpty()).sorted().toList();
    assertEquals(destinations.stream().sorted().toList(), offered);
    List<String> years = new java.util.ArrayList<>();
    meta.get("correlationYears").forEach(y -> years.add(y.asText()));
    Select year = new Select(driver.findElement(By.name("year")));
    assertEquals(years, year.getOptions().stream().map(o -> o.getDomAttribute("value")).filter(v -> !v.isEmpty())
        .toList());
    year.selectByValue(years.get(years.size() - 1));
    waitForCharts();
    WebElement scatter = driver.findElement(By.id("card-gdp-transregional-scatter"));
    new WebDriverWait(driver, WAIT).until(d -> "ready".equals(scatter.getDomAttribute("data-state")));
  }

  private static String chartSvg(String card) {
    return driver.findElement(By.cssSelector("#card-" + card + " .chart")).getDomProperty("innerHTML");
  }

  /** A country of the sample with a total reported after the first year and none after some year before the last. */
  private static String trimmedCountry(int first, int last) {
    java.util.Map<String, java.util.TreeSet<Integer>> years = new java.util.TreeMap<>();
    for (org.apache.spark.sql.Row r : MartRows.victims()) {
      if (MartRows.s(r, "geo_level").equals("country") && MartRows.s(r, "sex").equals("total")
          && MartRows.s(r, "age").equals("total") && MartRows.s(r, "form").equals("total")) {
        years.computeIfAbsent(MartRows.s(r, "geo_code"), k -> new java.util.TreeSet<>()).add(MartRows.i(r, "year"));
      }
    }
    return years.entrySet().stream().filter(e -> e.getValue().first() > first + 1 && e.getValue().last() < last - 1
            && e.getValue().size() >= 3).map(java.util.Map.Entry::getKey).findFirst()
        .orElseThrow(() -> new AssertionError("the sample has a country reporting only in the middle years"));
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
