package org.tiptrends.core.geo;

import java.io.Serializable;

/** An M49 grouping: the world, a region, a sub-region or an intermediate region. */
public record Region(String code, GeoLevel level, String name, String parentCode)
    implements Serializable {}
