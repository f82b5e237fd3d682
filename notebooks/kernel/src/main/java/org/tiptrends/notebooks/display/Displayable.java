package org.tiptrends.notebooks.display;

/** An object that says how a notebook shows it: as a table, a chart, Markdown or HTML. */
public interface Displayable {
  /** A {@code Table}, {@link EChart}, {@link Markdown} or {@link Html}. */
  Object display();
}
