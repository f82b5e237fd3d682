package org.tiptrends.notebooks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.tiptrends.api.http.Responses.CsvTable;
import org.tiptrends.api.queries.Breakdown;
import org.tiptrends.api.queries.ConflictQuery;
import org.tiptrends.api.queries.CorrelationQuery;
import org.tiptrends.api.queries.FlowQuery;
import org.tiptrends.api.queries.Places;
import org.tiptrends.api.queries.SectorQuery;
import org.tiptrends.api.queries.ShareQuery;
import org.tiptrends.api.queries.SourceNote;
import org.tiptrends.api.queries.TrendQuery;
import org.tiptrends.api.routes.CorrelationRoutes;
import org.tiptrends.api.routes.FlowRoutes;
import org.tiptrends.api.routes.SectorConflictRoutes;
import org.tiptrends.api.routes.ShareRoutes;
import org.tiptrends.api.routes.TrendRoutes;
import org.tiptrends.api.snapshot.Geography;
import org.tiptrends.api.snapshot.MartSnapshot;
import org.tiptrends.api.snapshot.RunSummary;
import org.tiptrends.api.snapshot.SnapshotHolder;
import org.tiptrends.api.stats.CorrelationMethod;
import org.tiptrends.notebooks.display.Displayable;
import org.tiptrends.notebooks.display.Markdown;
import tech.tablesaw.api.Table;

/**
 * The published marts for a notebook, in one line: {@code var marts = Marts.open();}.
 *
 * <p>A thin facade over what the API serves: the version {@code CURRENT} names, loaded by
 * {@link MartSnapshot} (Tablesaw, indexed), and the API's queries, whose answers carry bounds,
 * reporting-country counts and their source. Each query has two forms: the answer itself
 * ({@code trendAnswer}, {@code gdpTransregional}, ...) and a Tablesaw table with the columns of the
 * API's {@code format=csv} download, captioned with the mart version and run id. Anything else is
 * one call away on {@link #snapshot()}.
 */
public final class Marts implements Displayable {
  /** Environment variable naming the marts root (what {@code notebooks/run-all} sets). */
  public static final String ENV = "TIPTRENDS_MARTS";
  /** The marts root seen from {@code notebooks/}: the one the README's set-up command publishes. */
  public static final String DEFAULT_ROOT = "../marts";

  private final Path root;
  private final MartSnapshot snapshot;

  private Marts(Path root, MartSnapshot snapshot) {
    this.root = root;
    this.snapshot = snapshot;
  }

  /** The marts root {@code $TIPTRENDS_MARTS} names, else {@code ../marts}. */
  public static Marts open() {
    String env = System.getenv(ENV);
    return open(env == null || env.isBlank() ? DEFAULT_ROOT : env);
  }

  /**
   * The live version of a marts root: the one its {@code CURRENT} names.
   *
   * @throws IllegalStateException when there is no {@code CURRENT} or the version does not load
   */
  public static Marts open(String martsRoot) {
    SnapshotHolder holder = new SnapshotHolder(Path.of(martsRoot));
    SnapshotHolder.ReloadResult r = holder.reload(true);
    if (r.outcome() == SnapshotHolder.Outcome.NO_CURRENT) {
      throw new IllegalStateException("no CURRENT under " + holder.martsRoot() + ": publish marts first, e.g. "
          + "java -jar jobs/target/tiptrends-jobs.jar run --input datasets/raw --marts marts");
    }
    if (r.outcome() == SnapshotHolder.Outcome.FAILED) {
      throw new IllegalStateException(r.message());
    }
    return new Marts(holder.martsRoot(), holder.current());
  }

  /** Everything the marts hold, indexed (victims, flows, shares, indicators, panel, sectors, run report). */
  public MartSnapshot snapshot() {
    return snapshot;
  }

  public Path root() {
    return root;
  }

  public String version() {
    return snapshot.version();
  }

  public String runId() {
    return snapshot.run().runId();
  }

  /**
   * {@code mart v… · run …}: what every table's caption ends with, and, for marts built from the
   * generator's files, "generated sample data, not official statistics".
   */
  public String provenance() {
    return "mart " + version() + " · run " + runId()
        + (snapshot.run().anyGenerated() ? " · " + SourceNote.GENERATED : "");
  }

  /**
   * The input files of the run: source, publisher, file, export date, whether it is generated sample
   * data (not official statistics), rows read, sha256 (first 12).
   */
  public Table sources() {
    List<List<Object>> rows = snapshot.run().inputs().stream().map(in -> Arrays.<Object>asList(in.source(),
        in.publisher(), in.file(), in.exportDate(), in.generated(), in.rowsRead(),
        in.sha256() == null ? null : in.sha256().substring(0, Math.min(12, in.sha256().length())))).toList();
    return table(new CsvTable("inputs", List.of("source", "publisher", "file", "export_date", "generated", "rows_read",
        "sha256"), rows), "Inputs of the run");
  }

  /** The run's data-quality checks: name, status (pass, warn, fail), detail. */
  public Table checks() {
    List<List<Object>> rows = snapshot.run().checks().stream()
        .map(c -> Arrays.<Object>asList(c.name(), c.status(), c.detail())).toList();
    return table(new CsvTable("checks", List.of("check", "status", "detail"), rows), "Data-quality checks");
  }

  /** {@code WLD}, an M49 region or sub-region code, or an ISO3 code. */
  public Geography geo(String code) {
    return Places.geography(snapshot, code)
        .orElseThrow(() -> new IllegalArgumentException(Places.whyNotAGeography(code)));
  }

  public int firstYear() {
    return snapshot.years().first();
  }

  public int lastYear() {
    return snapshot.years().last();
  }

  /**
   * Detected victims in a geography over [from, to], one series per value of {@code by} (none, sex,
   * age, form, demographic), each point with bounds and the number of countries it sums.
   *
   * @param balanced sum only the countries that reported in every year (the answer lists them)
   */
  public TrendQuery.Answer trendAnswer(String geo, String by, int from, int to, boolean balanced) {
    return TrendQuery.victims(snapshot, geo(geo), Breakdown.of(by), from, to, balanced);
  }

  /** {@link #trendAnswer} as a table: geo, by, key, year, value, low, high, reporting_countries, balanced. */
  public Table trend(String geo, String by, int from, int to, boolean balanced) {
    return table(TrendRoutes.csv(trendAnswer(geo, by, from, to, balanced)),
        "Detected victims, " + geo(geo).name() + ", by " + by + (balanced ? ", balanced panel" : "") + ", "
            + from + "–" + to);
  }

  /** Every year of the marts, every reporting country. */
  public Table trend(String geo, String by) {
    return trend(geo, by, firstYear(), lastYear(), false);
  }

  /**
   * Shares of detected victims in a geography and year, with bounds and their denominator.
   *
   * @param breakdown {@code demographic} (women, men, girls, boys) or {@code forms} (of exploitation)
   */
  public ShareQuery.Answer sharesAnswer(String geo, String breakdown, int year) {
    return switch (breakdown) {
      case "demographic" -> ShareQuery.demographic(snapshot, geo(geo), year);
      case "forms" -> ShareQuery.forms(snapshot, geo(geo), year);
      default -> throw new IllegalArgumentException("breakdown is demographic or forms, not " + breakdown);
    };
  }

  public Table shares(String geo, String breakdown, int year) {
    return table(ShareRoutes.csv(sharesAnswer(geo, breakdown, year)),
        "Shares of detected victims, " + geo(geo).name() + ", " + breakdown + ", " + year);
  }

  /**
   * GDP per capita (World Bank) against the transregional share of known-origin victims, one point
   * per destination country, as the API's {@code /correlations/gdp-transregional} answers it.
   *
   * @param year a year, or {@code null} for each country's latest year that qualifies
   * @param method {@code spearman}, {@code pearson} or {@code kendall}
   * @param minVictims known-origin victims a country-year needs (the API's default is
   *     {@link CorrelationQuery#DEFAULT_MIN_VICTIMS})
   * @throws CorrelationQuery.NotEnoughPoints when fewer than four countries qualify
   */
  public CorrelationQuery.Answer gdpTransregional(Integer year, String method, int minVictims) {
    CorrelationQuery.Measure x = measure(CorrelationQuery.GDP);
    CorrelationQuery.Measure y = measure(CorrelationQuery.TRANSREGIONAL);
    CorrelationMethod m = Objects.requireNonNull(CorrelationMethod.parse(method),
        () -> "method is spearman, pearson or kendall, not " + method);
    return CorrelationQuery.correlate(snapshot, x, y, year, m, CorrelationQuery.defaultLogX(x), minVictims,
        CorrelationQuery.thresholdMeasure(snapshot, x, y));
  }

  /** With the API's defaults: each country's latest year, Spearman, at least 20 known-origin victims. */
  public CorrelationQuery.Answer gdpTransregional() {
    return gdpTransregional(null, "spearman", CorrelationQuery.DEFAULT_MIN_VICTIMS);
  }

  private CorrelationQuery.Measure measure(String name) {
    return CorrelationQuery.measure(snapshot, name).orElseThrow(() -> new IllegalStateException(
        "mart version " + version() + " has no " + name + " (it needs the World Bank and GLOTIP inputs)"));
  }

  /** The points of a correlation: iso3, name, year, x, y, y_low, y_high, victims. */
  public Table points(CorrelationQuery.Answer a) {
    return table(CorrelationRoutes.csv(a), "Points: " + a.x().name() + " against " + a.y().name()
        + " (year " + a.year() + ", at least " + (int) a.minVictims() + " victims)");
  }

  /** Correlations side by side, one row each: method, year, threshold, n, r with its 95% interval, p, fits. */
  public Table statistics(List<CorrelationQuery.Answer> answers) {
    List<List<Object>> rows = answers.stream().map(a -> Arrays.<Object>asList(a.method(), a.year(), a.minVictims(),
        a.n(), a.r(), a.ci95()[0], a.ci95()[1], a.pValue(), a.fit().slope(), a.fit().r2(), a.fit().theilSenSlope(),
        a.fit().logX() ? "log10" : "linear")).toList();
    String what = answers.isEmpty() ? "" : ": " + answers.get(0).x().name() + " against " + answers.get(0).y().name();
    return table(new CsvTable("correlations", List.of("method", "year", "min_victims", "n", "r", "ci95_low",
        "ci95_high", "p_value", "ols_slope", "ols_r2", "theil_sen_slope", "x_scale"), rows), "Correlations" + what);
  }

  /** Flows of detected victims into a destination and/or from an origin ({@code null} for either, or every year). */
  public Table flows(String destination, String origin, Integer year) {
    FlowQuery.Answer a = FlowQuery.flows(snapshot,
        destination == null ? null : Places.country(snapshot, destination)
            .orElseThrow(() -> new IllegalArgumentException("no destination country " + destination)),
        origin == null ? null : Places.origin(snapshot, origin)
            .orElseThrow(() -> new IllegalArgumentException("no origin " + origin)),
        year);
    return table(FlowRoutes.csv(a), "Flows of detected victims" + (destination == null ? "" : " into " + destination)
        + (origin == null ? "" : " from " + origin) + (year == null ? "" : ", " + year));
  }

  /** Geographies of the ILOSTAT sectors mart: {@code WLD}, countries, ILO regions ({@code ILO:...}). */
  public List<String> sectorGeos() {
    return List.copyOf(snapshot.sectors().byGeo().keySet());
  }

  /** ILOSTAT values by sector for one geography; {@code null} sex, age band or year means all. */
  public SectorQuery.Answer sectorsAnswer(String geo, String sex, String ageBand, Integer year) {
    return SectorQuery.rows(snapshot, geo, sex, ageBand, year);
  }

  public Table sectors(String geo, String sex, String ageBand, Integer year) {
    SectorQuery.Answer a = sectorsAnswer(geo, sex, ageBand, year);
    return table(SectorConflictRoutes.sectorsCsv(a), (a.indicator() == null ? "ILOSTAT" : a.indicator())
        + (a.unit() == null ? "" : " (" + a.unit() + ")") + ", " + (a.geoName() == null ? geo : a.geoName()));
  }

  /**
   * Countries in armed conflict against the others on a panel measure ({@link ConflictQuery#MEASURES}),
   * year by year, with a Mann–Whitney U test; {@code null} from or to means open.
   */
  public ConflictQuery.Answer conflict(String measure, Integer from, Integer to) {
    if (!ConflictQuery.MEASURES.contains(measure)) {
      throw new IllegalArgumentException("measure is one of " + ConflictQuery.MEASURES + ", not " + measure);
    }
    return ConflictQuery.compare(snapshot, measure, from, to);
  }

  /** One row per country and year: in_conflict, max_intensity, the measure with its bounds. */
  public Table conflictCountries(ConflictQuery.Answer a) {
    return table(SectorConflictRoutes.conflictCsv(a), "Countries by armed conflict: " + a.measure());
  }

  /** One row per year: each group's size, mean and median, and the Mann–Whitney U p-value. */
  public Table conflictSummary(ConflictQuery.Answer a) {
    List<List<Object>> rows = a.years().stream().map(y -> Arrays.<Object>asList(y.year(), y.inConflict().n(),
        y.inConflict().mean(), y.inConflict().median(), y.notInConflict().n(), y.notInConflict().mean(),
        y.notInConflict().median(), y.mannWhitneyP(), y.leftOut())).toList();
    return table(new CsvTable("conflict-years", List.of("year", "n_in_conflict", "mean_in_conflict",
        "median_in_conflict", "n_not_in_conflict", "mean_not_in_conflict", "median_not_in_conflict",
        "mann_whitney_p", "n_left_out"), rows), "Armed conflict and " + a.measure() + ", by year");
  }

  /** A table of an answer (the API's, where it has one), captioned with what it is and where it came from. */
  private Table table(CsvTable csv, String what) {
    return Tables.of(csv, what + " · " + provenance());
  }

  /** Shown when a cell's value is the marts: which version, which run, what it holds. */
  @Override
  public Object display() {
    RunSummary run = snapshot.run();
    return new Markdown("**Marts** `" + root + "` · version `" + version() + "` · run `" + runId() + "`"
        + " (finished " + run.finishedAt() + ")  \n"
        + "Detected victims " + firstYear() + "–" + lastYear() + " in " + snapshot.countriesIn("WLD").size()
        + " countries; flows " + (snapshot.flowYears().isEmpty() ? "none" : snapshot.flowYears().first() + "–"
        + snapshot.flowYears().last()) + "; " + (snapshot.indicators().present() ? snapshot.indicators().rows()
        + " indicator values" : "no indicators") + "; " + (snapshot.sectors().present() ? sectorGeos().size()
        + " ILOSTAT geographies" : "no ILOSTAT sectors") + ".  \n"
        + "Detections, not prevalence: counts of victims that authorities detected and reported.");
  }

  @Override
  public String toString() {
    return "Marts[" + root + ", " + provenance() + "]";
  }
}
