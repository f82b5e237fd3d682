package org.tiptrends.jobs.marts;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A published table: its name (the directory under the version) and how it is built. */
public interface Mart {
  String name();

  /** Columns every reader may rely on, in order (the contract). */
  java.util.List<String> contractColumns();

  Dataset<Row> build(MartInputs inputs);
}
