package org.tiptrends.jobs.marts;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A published table: its name (the directory under the version), its contract (columns and key) and
 * how it is built.
 */
public abstract class Mart {
  private final String name;
  private final List<String> contractColumns;
  private final List<String> key;

  /** @param key the columns that identify a row: no two rows may share them (the unique_keys gate) */
  protected Mart(String name, List<String> contractColumns, List<String> key) {
    this.name = name;
    this.contractColumns = List.copyOf(contractColumns);
    this.key = List.copyOf(key);
    if (key.isEmpty() || !contractColumns.containsAll(key)) {
      throw new IllegalArgumentException(name + ": a key of contract columns is required, not " + key);
    }
  }

  public final String name() {
    return name;
  }

  /** Columns every reader may rely on, in order (the contract; the run checks the written table has them). */
  public final List<String> contractColumns() {
    return contractColumns;
  }

  /** The columns that identify a row; the run fails when two rows share them. */
  public final List<String> key() {
    return key;
  }

  /** The column naming the file each row came from, where the mart has one (for the unique_keys gate). */
  public java.util.Optional<String> fileColumn() {
    return java.util.Optional.empty();
  }

  public abstract Dataset<Row> build(MartInputs inputs);
}
