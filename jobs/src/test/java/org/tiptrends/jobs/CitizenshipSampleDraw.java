package org.tiptrends.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Draws the citizenship labels that core's hand-labelled sample
 * ({@code core/src/test/resources/org/tiptrends/core/citizenship/glotip-citizenship-sample.csv})
 * holds, so anyone can redraw it: the distinct {@code Category} values of the export's
 * {@code by citizenship} rows (every indicator), in {@link String} order, shuffled with
 * {@code java.util.Random(seed)}, the first {@code n} taken. Run it to print a draw, one label per
 * line (a label's exact characters, broken encodings included, matter):
 *
 * <pre>
 * mvn -B -q -pl jobs -am test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.tiptrends.jobs.CitizenshipSampleDraw -Dexec.args="../shared/realdata/unodc/data_glotip.xlsx 19 300"
 * </pre>
 */
public final class CitizenshipSampleDraw {
  /** The draw the committed sample holds. */
  public static final long SEED = 19;
  public static final int SIZE = 300;

  private CitizenshipSampleDraw() {}

  /** Every distinct citizenship label of a GLOTIP export, sorted. */
  public static List<String> population(Path export) throws Exception {
    TreeSet<String> labels = new TreeSet<>();
    for (Map<String, String> r : IndependentGlotip.rows(export)) {
      if (r.get("Dimension").equals("by citizenship")) {
        labels.add(r.get("Category"));
      }
    }
    return new ArrayList<>(labels);
  }

  public static List<String> draw(List<String> population, long seed, int n) {
    List<String> shuffled = new ArrayList<>(population);
    Collections.shuffle(shuffled, new Random(seed));
    return List.copyOf(shuffled.subList(0, Math.min(n, shuffled.size())));
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: CitizenshipSampleDraw EXPORT.xlsx SEED N");
      System.exit(2);
    }
    List<String> population = population(Path.of(args[0]));
    System.err.println(population.size() + " distinct citizenship labels; drawing " + args[2] + " with seed " + args[1]);
    for (String label : draw(population, Long.parseLong(args[1]), Integer.parseInt(args[2]))) {
      System.out.println(label);
    }
  }
}
