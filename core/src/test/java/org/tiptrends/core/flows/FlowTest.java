package org.tiptrends.core.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tiptrends.core.citizenship.CitizenshipResolver;
import org.tiptrends.core.citizenship.OriginKind;
import org.tiptrends.core.citizenship.Resolution;
import org.tiptrends.core.geo.Country;
import org.tiptrends.core.geo.ReferenceData;

class FlowTest {
  private static final ReferenceData REF = ReferenceData.standard();
  /** Spain: Southern Europe (039), Europe (150). */
  private static final Country SPAIN = REF.country("ESP").orElseThrow();

  @ParameterizedTest(name = "to ESP from {0} {1} -> {2} {3} {4}")
  @CsvSource(nullValues = "-", value = {
      // kind,              origin code, flow code, level,               type
      "COUNTRY,             ESP, ESP, country,             DOMESTIC",
      "COUNTRY,             PRT, PRT, country,             SUBREGIONAL",   // Southern Europe
      "COUNTRY,             XKX, XKX, country,             SUBREGIONAL",   // Southern Europe
      "COUNTRY,             ROU, ROU, country,             REGIONAL",      // Eastern Europe
      "COUNTRY,             GBR, GBR, country,             REGIONAL",      // Northern Europe
      "COUNTRY,             NGA, NGA, country,             TRANSREGIONAL", // Africa
      "COUNTRY,             TWN, TWN, country,             TRANSREGIONAL", // Asia
      "COUNTRY,             ATA, ATA, country,             TRANSREGIONAL", // no region at all
      "SUBREGION,           039, 039, subregion,           SUBREGIONAL",
      "SUBREGION,           151, 151, subregion,           REGIONAL",
      "SUBREGION,           155, 155, subregion,           REGIONAL",
      "SUBREGION,           202, 202, subregion,           TRANSREGIONAL",
      "REGION,              150, 150, region,              FOREIGN_UNSPECIFIED",
      "REGION,              002, 002, region,              TRANSREGIONAL",
      "REGION,              019, 019, region,              TRANSREGIONAL",
      "DOMESTIC,            -,   ESP, country,             DOMESTIC",
      "FOREIGN_UNSPECIFIED, -,   UNK, foreign_unspecified, FOREIGN_UNSPECIFIED",
      "UNKNOWN,             -,   UNK, unknown,             UNKNOWN",
  })
  void classifyForSpain(OriginKind kind, String originCode, String flowCode, String level,
      FlowType type) {
    Flow f = Flow.classify(SPAIN, new Resolution("label", kind, originCode, "exact"), REF);
    assertEquals(new Flow(flowCode, level, type), f);
  }

  @Test
  void notOriginIsNoFlow() {
    Resolution total = new Resolution("TOTAL", OriginKind.NOT_ORIGIN, null, "exact");
    assertThrows(IllegalArgumentException.class, () -> Flow.classify(SPAIN, total, REF));
  }

  @ParameterizedTest(name = "to {0} from \"{1}\" -> {2}")
  @CsvSource(delimiter = '|', value = {
      "ESP | Romania                 | REGIONAL",
      "ESP | Nationals               | DOMESTIC",
      "ESP | Former Yugoslavia       | SUBREGIONAL",
      "ESP | M49 Region: Europe      | FOREIGN_UNSPECIFIED",
      "ESP | M49 Region: Africa      | TRANSREGIONAL",
      "ESP | Unknown                 | UNKNOWN",
      "ESP | Xyz                     | UNKNOWN",
      "NGA | Ghana                   | SUBREGIONAL",
      "NGA | M49 Region: Africa      | FOREIGN_UNSPECIFIED",
      "NGA | Viet Nam                | TRANSREGIONAL",
      "ROU | Kosovo under UNSCR 1244 | REGIONAL",
  })
  void classifyResolvedLabels(String destination, String label, FlowType type) {
    Country dest = REF.country(destination).orElseThrow();
    Flow f = Flow.classify(dest, CitizenshipResolver.standard().resolve(label), REF);
    assertEquals(type, f.type(), f::toString);
  }

  @ParameterizedTest(name = "{0}.knownOrigin() == {1}")
  @CsvSource({
      "DOMESTIC, true",
      "SUBREGIONAL, true",
      "REGIONAL, true",
      "TRANSREGIONAL, true",
      "FOREIGN_UNSPECIFIED, false",
      "UNKNOWN, false",
  })
  void knownOrigin(FlowType type, boolean known) {
    assertEquals(known, type.knownOrigin());
  }

  @Test
  void sixFlowTypes() {
    assertEquals(6, FlowType.values().length);
    assertEquals("foreign_unspecified", FlowType.FOREIGN_UNSPECIFIED.code());
  }
}
