package org.tiptrends.jobs.sources.ucdp;

import java.util.HashMap;
import java.util.Map;

/**
 * Gleditsch–Ward state codes written down by hand from the published list (Gleditsch and Ward, "A
 * revised list of independent states since the Congress of Vienna", 1999, and its updates), for tests
 * to count conflicts with instead of {@code datasets/reference/gleditsch_ward.csv}, which the job and
 * the sample generator both read. Only codes known for certain, and for each country every code the
 * list gives its territory: a historical state carries the present country holding it (the
 * reference table's convention), e.g. the German Democratic Republic (265) is DEU.
 */
public final class PublishedGleditschWard {
  private PublishedGleditschWard() {}

  /** Code → ISO3. */
  public static final Map<Integer, String> CODES;

  /** The states among {@link #CODES} that ended, with their last year in the list. */
  public static final Map<Integer, Integer> ENDED = Map.of(255, 1945, 265, 1990, 315, 1992, 511, 1964, 680, 1990,
      711, 1950, 751, 1948, 817, 1975);

  static {
    Map<Integer, String> m = new HashMap<>();
    String[] pairs = {
      // the Americas
      "2 USA", "20 CAN", "40 CUB", "41 HTI", "42 DOM", "51 JAM", "52 TTO", "70 MEX", "90 GTM", "91 HND", "92 SLV",
      "93 NIC", "94 CRI", "95 PAN", "100 COL", "101 VEN", "110 GUY", "130 ECU", "135 PER", "140 BRA", "145 BOL",
      "150 PRY", "155 CHL", "160 ARG", "165 URY",
      // Europe
      "200 GBR", "205 IRL", "210 NLD", "211 BEL", "220 FRA", "225 CHE", "230 ESP", "235 PRT", "255 DEU", "260 DEU",
      "265 DEU", "290 POL", "310 HUN", "315 CZE", "316 CZE", "317 SVK", "325 ITA", "339 ALB", "344 HRV", "345 SRB",
      "346 BIH", "349 SVN", "350 GRC", "352 CYP", "355 BGR", "359 MDA", "360 ROU", "365 RUS", "369 UKR", "370 BLR",
      "371 ARM", "373 AZE", "375 FIN", "380 SWE", "385 NOR", "390 DNK",
      // Africa
      "432 MLI", "433 SEN", "436 NER", "438 GIN", "450 LBR", "451 SLE", "452 GHA", "471 CMR", "475 NGA", "482 CAF",
      "483 TCD", "484 COG", "490 COD", "500 UGA", "501 KEN", "510 TZA", "511 TZA", "516 BDI", "517 RWA", "520 SOM",
      "530 ETH", "531 ERI", "540 AGO", "541 MOZ", "552 ZWE", "560 ZAF", "600 MAR", "615 DZA", "616 TUN", "620 LBY",
      "625 SDN", "626 SSD", "651 EGY",
      // Asia
      "630 IRN", "640 TUR", "645 IRQ", "652 SYR", "660 LBN", "663 JOR", "666 ISR", "670 SAU", "678 YEM", "680 YEM",
      "700 AFG", "701 TKM", "702 TJK", "703 KGZ", "704 UZB", "705 KAZ", "710 CHN", "711 CHN", "731 PRK", "732 KOR",
      "740 JPN", "750 IND", "751 IND", "770 PAK", "771 BGD", "775 MMR", "780 LKA", "790 NPL", "800 THA", "811 KHM",
      "812 LAO", "816 VNM", "817 VNM", "820 MYS", "840 PHL", "850 IDN",
      // Oceania
      "900 AUS", "910 PNG", "920 NZL",
    };
    for (String p : pairs) {
      String[] codeIso = p.split(" ");
      if (m.put(Integer.parseInt(codeIso[0]), codeIso[1]) != null) {
        throw new IllegalStateException("code listed twice: " + p);
      }
    }
    CODES = Map.copyOf(m);
  }
}
