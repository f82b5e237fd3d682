package org.tiptrends.api.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tiptrends.core.counts.CountInterval;
import org.tiptrends.core.counts.Shares;
import org.tiptrends.core.flows.FlowType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One published version of the marts, in memory and immutable: the rows of {@code victims_by_year},
 * {@code flows}, {@code flow_shares} and (when the version has them) {@code indicators},
 * {@code country_year_panel}, {@code rates_by_year} and {@code justice_by_year}, read with
 * Tablesaw, plus its {@code run.json}. Every lookup a request makes is a map access on indexes built
 * here at load time; requests never scan a table.
 */
public final class MartSnapshot {
  public static final String VICTIMS_BY_YEAR = "victims_by_year";
  public static final String FLOWS = "flows";
  public static final String FLOW_SHARES = "flow_shares";
  public static final String INDICATORS = "indicators";
  public static final String RUN_JSON = "run.json";
  /** The flow types of the known-origin denominator, in the order answers list them. */
  public static final List<String> KNOWN_FLOW_TYPES = List.of(FlowType.DOMESTIC.code(),
      FlowType.SUBREGIONAL.code(), FlowType.REGIONAL.code(), FlowType.TRANSREGIONAL.code());

  static final List<String> VICTIMS_COLUMNS = List.of("year", "geo_level", "geo_code", "geo_name", "sex",
      "age", "form", "victims", "victims_low", "victims_high", "reporting_countries", "suppressed_only_countries");
  static final List<String> FLOWS_COLUMNS = List.of("year", "destination_iso3", "origin_code",
      "origin_level", "flow_type", "victims", "victims_low", "victims_high", "source_rows");
  static final List<String> FLOW_SHARES_COLUMNS = flowSharesColumns();
  static final List<String> INDICATORS_COLUMNS = List.of("year", "iso3", "indicator_code",
      "indicator_name", "value", "source");


  private final String version;
  private final Path directory;
  private final Instant loadedAt;
  private final RunSummary run;
  private final CountTable victims;
  private final List<FlowRow> flows;
  private final Map<String, List<FlowRow>> flowsByDestination;
  private final Map<String, List<FlowRow>> flowsByOrigin;
  private final NavigableSet<Integer> flowYears;
  private final Map<String, NavigableMap<Integer, FlowShareRow>> flowShares;
  private final Indicators indicators;
  private final Panel panel;
  private final RateRows rates;
  private final JusticeRows justice;
  private final java.util.Map<PlacePairs.Kind, PlacePairs> placePairs;
  private final Sectors sectors;

  private MartSnapshot(Builder b) {
    this.version = b.version;
    this.directory = b.directory;
    this.loadedAt = Instant.now();
    this.run = b.run;
    this.victims = b.victims;
    this.flows = b.flows;
    this.flowsByDestination = b.flowsByDestination;
    this.flowsByOrigin = b.flowsByOrigin;
    this.flowYears = b.flowYears;
    this.flowShares = b.flowShares;
    this.indicators = b.indicators;
    this.panel = b.panel;
    this.rates = b.rates;
    this.justice = b.justice;
    this.placePairs = java.util.Map.copyOf(b.placePairs);
    this.sectors = b.sectors;
  }

  /**
   * Loads the version in {@code versionDir} (its name is the version).
   *
   * @throws MartLoadException when a mart, a column or {@code run.json} is missing or malformed
   */
  public static MartSnapshot load(Path versionDir) {
    try {
      Builder b = new Builder();
      b.version = versionDir.getFileName().toString();
      b.directory = versionDir;
      Path runJson = versionDir.resolve(RUN_JSON);
      if (!Files.isRegularFile(runJson)) {
        throw new MartLoadException(RUN_JSON + " missing");
      }
      JsonNode runTree = new ObjectMapper().readTree(runJson.toFile());
      if (runTree == null || !runTree.isObject()) {
        throw new MartLoadException(RUN_JSON + " is not a JSON object");
      }
      b.run = RunSummary.of(runTree);
      b.victims = CountTable.read(MartTables.read(versionDir.resolve(VICTIMS_BY_YEAR), VICTIMS_COLUMNS),
          VICTIMS_BY_YEAR, "victims", null).get("");
      b.loadFlows(MartTables.read(versionDir.resolve(FLOWS), FLOWS_COLUMNS));
      b.loadFlowShares(MartTables.read(versionDir.resolve(FLOW_SHARES), FLOW_SHARES_COLUMNS));
      Path indicators = versionDir.resolve(INDICATORS);
      b.indicators = Files.isDirectory(indicators)
          ? loadIndicators(MartTables.read(indicators, INDICATORS_COLUMNS)) : Indicators.absent();
      b.panel = Panel.load(versionDir);
      b.sectors = Sectors.load(versionDir);
      b.rates = RateRows.load(versionDir); // issue 14
      b.justice = JusticeRows.load(versionDir); // issue 13
      for (PlacePairs.Kind kind : PlacePairs.Kind.values()) {
        b.placePairs.put(kind, PlacePairs.load(versionDir, kind));
      }
      return new MartSnapshot(b);
    } catch (MartLoadException e) {
      throw new MartLoadException(versionDir.getFileName() + ": " + e.getMessage(), e.getCause());
    } catch (IOException | RuntimeException e) {
      throw new MartLoadException(versionDir.getFileName() + ": " + e, e);
    }
  }

  public String version() {
    return version;
  }

  public Path directory() {
    return directory;
  }

  public Instant loadedAt() {
    return loadedAt;
  }

  public RunSummary run() {
    return run;
  }

  /** Geographies with rows in {@code victims_by_year}: world, regions, sub-regions, countries. */
  public Collection<Geography> geographies() {
    return victims.geographies().values();
  }

  public Optional<Geography> geography(String code) {
    return Optional.ofNullable(victims.geographies().get(code));
  }

  /** The rows of {@code victims_by_year}, indexed as every request reads them. */
  public CountTable victimCounts() {
    return victims;
  }

  /** Year → cell of one geography and breakdown; empty when the marts have none. */
  public NavigableMap<Integer, VictimCell> victims(String geoCode, CellKey key) {
    return victims.cells(geoCode, key);
  }

  /**
   * Countries with rows in {@code victims_by_year} that lie in a geography (the world, an M49
   * region or sub-region, or the country itself), by the packaged M49 reference tables.
   */
  public List<String> countriesIn(String geoCode) {
    return victims.countriesIn(geoCode);
  }

  /** Years of {@code victims_by_year}. */
  public NavigableSet<Integer> years() {
    return victims.years();
  }

  /** The values of {@code sex}, {@code age} and {@code form} that occur in {@code victims_by_year}. */
  public Map<String, List<String>> breakdownValues() {
    return victims.breakdownValues();
  }

  public int victimRows() {
    return victims.rows();
  }

  public List<FlowRow> flows() {
    return flows;
  }

  /** Flows into a destination country, by year, then victims (largest first). */
  public List<FlowRow> flowsTo(String destination) {
    return flowsByDestination.getOrDefault(destination, List.of());
  }

  /** Flows whose {@code origin_code} is exactly this code, by year, then victims. */
  public List<FlowRow> flowsFrom(String originCode) {
    return flowsByOrigin.getOrDefault(originCode, List.of());
  }

  public boolean isFlowDestination(String code) {
    return flowsByDestination.containsKey(code);
  }

  public boolean isFlowOrigin(String code) {
    return flowsByOrigin.containsKey(code);
  }

  /** Years of {@code flows}. */
  public NavigableSet<Integer> flowYears() {
    return flowYears;
  }

  public Optional<FlowShareRow> flowShares(String destination, int year) {
    NavigableMap<Integer, FlowShareRow> byYear = flowShares.get(destination);
    return byYear == null ? Optional.empty() : Optional.ofNullable(byYear.get(year));
  }

  /** Year → flow shares of one destination. */
  public NavigableMap<Integer, FlowShareRow> flowShares(String destination) {
    return flowShares.getOrDefault(destination, Collections.emptyNavigableMap());
  }

  /** The {@code indicators} mart; {@link Indicators#present()} is false for versions without it. */
  public Indicators indicators() {
    return indicators;
  }

  /** The {@code rates_by_year} mart (rates per 100,000 population); absent in versions without it. */
  public RateRows rates() {
    return rates;
  }

  /** {@code convicted_by_citizenship} or {@code repatriation_flows}; absent in versions without it. */
  public PlacePairs placePairs(PlacePairs.Kind kind) {
    return placePairs.getOrDefault(kind, PlacePairs.absent());
  }

  /** The {@code justice_by_year} mart (criminal-justice response); absent in versions without it. */
  public JusticeRows justice() {
    return justice;
  }

  /** The {@code country_year_panel} mart; {@link Panel#present()} is false for versions without it. */
  public Panel panel() {
    return panel;
  }

  /** The {@code sectors} mart; {@link Sectors#present()} is false for versions without it. */
  public Sectors sectors() {
    return sectors;
  }

  private static List<String> flowSharesColumns() {
    List<String> c = new ArrayList<>(List.of("year", "destination_iso3", "known_origin_victims",
        "known_origin_low", "known_origin_high"));
    for (String t : KNOWN_FLOW_TYPES) {
      c.addAll(List.of(t + "_share", t + "_share_low", t + "_share_high"));
    }
    c.addAll(List.of("foreign_unspecified_victims", "unknown_origin_victims"));
    return List.copyOf(c);
  }

  private static Indicators loadIndicators(Table t) {
    NumericColumn<?> year = MartTables.numeric(t, "year");
    NumericColumn<?> value = MartTables.numeric(t, "value");
    Column<?> iso3 = MartTables.text(t, "iso3");
    Column<?> code = MartTables.text(t, "indicator_code");
    Column<?> name = MartTables.text(t, "indicator_name");
    Column<?> source = MartTables.text(t, "source");
    List<Indicators.Definition> defs = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<Indicators.Value> values = new ArrayList<>(t.rowCount());
    for (int i = 0; i < t.rowCount(); i++) {
      String c = MartTables.requiredString(code, i);
      if (seen.add(c)) {
        defs.add(new Indicators.Definition(c, MartTables.string(name, i), MartTables.string(source, i)));
      }
      double v = MartTables.numberOrNaN(value, i);
      if (!Double.isNaN(v) && !Double.isInfinite(v)) {
        values.add(new Indicators.Value(MartTables.integer(year, i), MartTables.requiredString(iso3, i), c, v));
      }
    }
    defs.sort(Comparator.comparing(Indicators.Definition::code));
    return Indicators.of(defs, values);
  }

  /** Mutable state while loading; frozen into the snapshot. */
  private static final class Builder {
    String version;
    Path directory;
    RunSummary run;
    CountTable victims;
    List<FlowRow> flows;
    Map<String, List<FlowRow>> flowsByDestination;
    Map<String, List<FlowRow>> flowsByOrigin;
    NavigableSet<Integer> flowYears;
    Map<String, NavigableMap<Integer, FlowShareRow>> flowShares;
    Indicators indicators;
    Panel panel;
    Sectors sectors;
    RateRows rates = RateRows.absent();
    JusticeRows justice = JusticeRows.absent();
    java.util.Map<PlacePairs.Kind, PlacePairs> placePairs = new java.util.EnumMap<>(PlacePairs.Kind.class);

    void loadFlows(Table t) {
      NumericColumn<?> year = MartTables.numeric(t, "year");
      Column<?> dest = MartTables.text(t, "destination_iso3");
      Column<?> origin = MartTables.text(t, "origin_code");
      Column<?> originLevel = MartTables.text(t, "origin_level");
      Column<?> type = MartTables.text(t, "flow_type");
      NumericColumn<?> point = MartTables.numeric(t, "victims");
      NumericColumn<?> low = MartTables.numeric(t, "victims_low");
      NumericColumn<?> high = MartTables.numeric(t, "victims_high");
      NumericColumn<?> sourceRows = MartTables.numeric(t, "source_rows");
      List<FlowRow> rows = new ArrayList<>(t.rowCount());
      TreeSet<Integer> ys = new TreeSet<>();
      for (int i = 0; i < t.rowCount(); i++) {
        double lo = MartTables.number(low, i);
        double hi = MartTables.number(high, i);
        FlowRow r = new FlowRow(MartTables.integer(year, i), MartTables.requiredString(dest, i),
            MartTables.requiredString(origin, i), MartTables.requiredString(originLevel, i),
            MartTables.requiredString(type, i),
            new CountInterval(lo, hi, MartTables.number(point, i), lo < hi),
            MartTables.integer(sourceRows, i));
        rows.add(r);
        ys.add(r.year());
      }
      Comparator<FlowRow> order = Comparator.comparingInt(FlowRow::year)
          .thenComparing(FlowRow::destination)
          .thenComparing((FlowRow r) -> r.victims().point(), Comparator.reverseOrder())
          .thenComparing(FlowRow::originCode);
      rows.sort(order);
      Map<String, List<FlowRow>> byDest = new HashMap<>();
      Map<String, List<FlowRow>> byOrigin = new HashMap<>();
      for (FlowRow r : rows) {
        byDest.computeIfAbsent(r.destination(), k -> new ArrayList<>()).add(r);
        byOrigin.computeIfAbsent(r.originCode(), k -> new ArrayList<>()).add(r);
      }
      flows = List.copyOf(rows);
      flowsByDestination = freeze(byDest);
      flowsByOrigin = freeze(byOrigin);
      flowYears = Collections.unmodifiableNavigableSet(ys);
    }

    private static Map<String, List<FlowRow>> freeze(Map<String, List<FlowRow>> m) {
      Map<String, List<FlowRow>> out = new HashMap<>();
      m.forEach((k, v) -> out.put(k, List.copyOf(v)));
      return Collections.unmodifiableMap(out);
    }

    void loadFlowShares(Table t) {
      NumericColumn<?> year = MartTables.numeric(t, "year");
      Column<?> dest = MartTables.text(t, "destination_iso3");
      NumericColumn<?> known = MartTables.numeric(t, "known_origin_victims");
      NumericColumn<?> knownLow = MartTables.numeric(t, "known_origin_low");
      NumericColumn<?> knownHigh = MartTables.numeric(t, "known_origin_high");
      NumericColumn<?> foreign = MartTables.numeric(t, "foreign_unspecified_victims");
      NumericColumn<?> unknown = MartTables.numeric(t, "unknown_origin_victims");
      Map<String, NumericColumn<?>[]> shareColumns = new LinkedHashMap<>();
      for (String type : KNOWN_FLOW_TYPES) {
        shareColumns.put(type, new NumericColumn<?>[] {MartTables.numeric(t, type + "_share"),
            MartTables.numeric(t, type + "_share_low"), MartTables.numeric(t, type + "_share_high")});
      }
      Map<String, TreeMap<Integer, FlowShareRow>> byDest = new HashMap<>();
      for (int i = 0; i < t.rowCount(); i++) {
        Map<String, Shares.Share> shares = new LinkedHashMap<>();
        for (Map.Entry<String, NumericColumn<?>[]> e : shareColumns.entrySet()) {
          double p = MartTables.numberOrNaN(e.getValue()[0], i);
          shares.put(e.getKey(), Double.isNaN(p) ? null : new Shares.Share(p,
              MartTables.number(e.getValue()[1], i), MartTables.number(e.getValue()[2], i)));
        }
        double lo = MartTables.number(knownLow, i);
        double hi = MartTables.number(knownHigh, i);
        FlowShareRow r = new FlowShareRow(MartTables.integer(year, i), MartTables.requiredString(dest, i),
            new CountInterval(lo, hi, MartTables.number(known, i), lo < hi),
            Collections.unmodifiableMap(shares), MartTables.number(foreign, i), MartTables.number(unknown, i));
        if (byDest.computeIfAbsent(r.destination(), k -> new TreeMap<>()).put(r.year(), r) != null) {
          throw new MartLoadException(FLOW_SHARES + ": two rows for " + r.destination() + " " + r.year());
        }
      }
      Map<String, NavigableMap<Integer, FlowShareRow>> out = new HashMap<>();
      byDest.forEach((k, v) -> out.put(k, Collections.unmodifiableNavigableMap(v)));
      flowShares = Collections.unmodifiableMap(out);
    }
  }
}
