package org.tiptrends.notebooks.display;

/** Text a cell shows as Markdown (a sentence with the numbers it computed). */
public record Markdown(String text) {}
