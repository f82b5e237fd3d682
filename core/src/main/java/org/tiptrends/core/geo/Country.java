package org.tiptrends.core.geo;

import java.io.Serializable;

/**
 * A country or area of the M49 list (plus Kosovo and Taiwan, which UNODC reports separately).
 *
 * @param code ISO 3166-1 alpha-3, or {@code M} + the M49 code for an area without one (Sark)
 */
public record Country(String code, String iso3, String m49, String name, String regionCode,
    String regionName, String subregionCode, String subregionName, String intermediateCode,
    String intermediateName) implements Serializable {}
