package org.tiptrends.jobs.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Compares the live versions of two marts roots: the same marts, the same schema, and the same
 * rows as multisets (each distinct row counted on both sides, the semantics of {@code exceptAll}
 * both ways: duplicates count, doubles compare exactly). Used by {@code jobs/bin/cluster-smoke} to check a cluster run against a local run.
 *
 * <pre>java -cp "jobs/target/test-classes:jobs/target/lib/*" &lt;opens&gt; org.tiptrends.jobs.ops.MartsDiff MARTS_A MARTS_B</pre>
 *
 * Prints one line per mart and exits 0 when every mart is equal, 1 when any differs, 2 on usage.
 * It depends on Spark only (not on the job's classes), so it can also run from source.
 */
public final class MartsDiff {
  private static final String A = "__marts_diff_first";
  private static final String B = "__marts_diff_second";

  private MartsDiff() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: MartsDiff MARTS_ROOT_A MARTS_ROOT_B");
      System.exit(2);
    }
    Path a = live(Path.of(args[0]));
    Path b = live(Path.of(args[1]));
    org.apache.logging.log4j.core.config.Configurator.setRootLevel(org.apache.logging.log4j.Level.ERROR);
    SparkSession spark = SparkSession.builder().appName("marts-diff").master("local[2]")
        .config("spark.ui.enabled", false)
        .config("spark.sql.shuffle.partitions", 2)
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    int exit;
    try {
      exit = compare(spark, a, b) ? 0 : 1;
    } finally {
      spark.stop();
    }
    System.exit(exit);
  }

  /** The version directory {@code CURRENT} names. */
  static Path live(Path martsRoot) throws IOException {
    Path current = martsRoot.resolve("CURRENT");
    if (!Files.isRegularFile(current)) {
      throw new IllegalArgumentException("no CURRENT in " + martsRoot);
    }
    return martsRoot.resolve(Files.readString(current).strip());
  }

  /** Mart directories of one version: the sub-directories Spark completed ({@code _SUCCESS}). */
  static Set<String> marts(Path version) throws IOException {
    try (Stream<Path> s = Files.list(version)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("_SUCCESS")))
          .map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  static boolean compare(SparkSession spark, Path a, Path b) throws IOException {
    Set<String> martsA = marts(a);
    Set<String> martsB = marts(b);
    List<String> problems = new ArrayList<>();
    if (!martsA.equals(martsB)) {
      problems.add("different marts: " + martsA + " in " + a + " vs " + martsB + " in " + b);
    }
    if (martsA.isEmpty()) {
      problems.add("no marts in " + a);
    }
    for (String mart : martsA) {
      if (!martsB.contains(mart)) {
        continue;
      }
      Dataset<Row> x = spark.read().parquet(a.resolve(mart).toUri().toString());
      Dataset<Row> y = spark.read().parquet(b.resolve(mart).toUri().toString());
      if (!x.schema().equals(y.schema())) {
        problems.add(mart + ": schemas differ: " + x.schema().simpleString() + " vs " + y.schema().simpleString());
        System.out.println("marts-diff: " + mart + ": DIFFERENT schema");
        continue;
      }
      // one pass per mart: count each distinct row on both sides (as exceptAll does, both ways)
      Column[] cols = java.util.Arrays.stream(x.columns()).map(functions::col).toArray(Column[]::new);
      Dataset<Row> counted = x.withColumn(A, functions.lit(1L)).withColumn(B, functions.lit(0L))
          .unionByName(y.withColumn(A, functions.lit(0L)).withColumn(B, functions.lit(1L)))
          .groupBy(cols).agg(functions.sum(A).as(A), functions.sum(B).as(B));
      Row t = counted.agg(functions.sum(A), functions.sum(B),
          functions.sum(functions.greatest(functions.col(A).minus(functions.col(B)), functions.lit(0L))),
          functions.sum(functions.greatest(functions.col(B).minus(functions.col(A)), functions.lit(0L)))).first();
      long rows = t.isNullAt(0) ? 0 : t.getLong(0);
      long rowsB = t.isNullAt(1) ? 0 : t.getLong(1);
      long onlyA = t.isNullAt(2) ? 0 : t.getLong(2);
      long onlyB = t.isNullAt(3) ? 0 : t.getLong(3);
      boolean equal = rows == rowsB && onlyA == 0 && onlyB == 0;
      System.out.printf("marts-diff: %s: %d vs %d rows, %d only in the first, %d only in the second: %s%n",
          mart, rows, rowsB, onlyA, onlyB, equal ? "equal" : "DIFFERENT");
      if (!equal) {
        problems.add(mart + " differs");
        x.exceptAll(y).limit(3).collectAsList().forEach(r -> System.out.println("  only in the first:  " + r));
        y.exceptAll(x).limit(3).collectAsList().forEach(r -> System.out.println("  only in the second: " + r));
      }
    }
    if (problems.isEmpty()) {
      System.out.println("marts-diff: " + martsA.size() + " marts equal");
      return true;
    }
    problems.forEach(p -> System.err.println("marts-diff: " + p));
    return false;
  }
}
