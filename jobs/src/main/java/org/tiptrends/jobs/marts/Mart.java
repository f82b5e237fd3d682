package org.tiptrends.jobs.marts;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A published table: its name (the directory under the version), its contract and how it is built. */
public abstract class Mart {
  private final String name;
  private final List<String> contractColumns;

  protected Mart(String name, List<String> contractColumns) {
    this.name = name;
    this.contractColumns = List.copyOf(contractColumns);
  }

  public final String name() {
    return name;
  }

  /** Columns every reader may rely on, in order (the contract; the run checks the written table has them). */
  public final List<String> contractColumns() {
    return contractColumns;
  }

  public abstract Dataset<Row> build(MartInputs inputs);
}
