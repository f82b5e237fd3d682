package org.tiptrends.notebooks.display;

/** HTML a cell shows as it is. */
public record Html(String html) {}
