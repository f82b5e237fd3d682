package org.tiptrends.jobs.sources.ilo;

/**
 * One ILOSTAT value: an indicator by geography, sex, age band and economic sector.
 *
 * @param geoLevel world | country | ilo_region (ILO's regions are not M49 regions)
 */
public record SectorObservation(int year, String geoLevel, String geoCode, String geoName, String indicator,
    String indicatorCode, String sex, String ageBand, String sector, double value, String unit, String source) {}
