package org.tiptrends.core.geo;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/** Opens the reference tables of {@code datasets/reference}, packaged on the classpath. */
public final class ReferenceTables {
  private static final String RESOURCE_DIR = "/org/tiptrends/reference/";

  private ReferenceTables() {}

  public static Reader open(String fileName) {
    InputStream in = ReferenceTables.class.getResourceAsStream(RESOURCE_DIR + fileName);
    if (in == null) {
      throw new IllegalStateException("reference table missing from the classpath: " + fileName);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
