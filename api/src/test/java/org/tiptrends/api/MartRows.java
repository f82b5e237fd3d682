package org.tiptrends.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/** The sample marts' rows, collected once with Spark: what the tests expect the API to answer. */
final class MartRows {
  private static List<Row> victims;
  private static List<Row> flows;
  private static List<Row> flowShares;

  private MartRows() {}

  static synchronized List<Row> victims() {
    if (victims == null) {
      victims = TestMarts.mart("victims_by_year").collectAsList();
    }
    return victims;
  }

  static synchronized List<Row> flows() {
    if (flows == null) {
      flows = TestMarts.mart("flows").collectAsList();
    }
    return flows;
  }

  static synchronized List<Row> flowShares() {
    if (flowShares == null) {
      flowShares = TestMarts.mart("flow_shares").collectAsList();
    }
    return flowShares;
  }

  /** Year → row of one geography and cell. */
  static Map<Integer, Row> cells(String geo, String sex, String age, String form) {
    Map<Integer, Row> out = new TreeMap<>();
    for (Row r : victims()) {
      if (r.<String>getAs("geo_code").equals(geo) && r.<String>getAs("sex").equals(sex)
          && r.<String>getAs("age").equals(age) && r.<String>getAs("form").equals(form)) {
        out.put(r.<Integer>getAs("year"), r);
      }
    }
    return out;
  }

  static double d(Row r, String column) {
    return r.<Double>getAs(column);
  }

  static int i(Row r, String column) {
    return r.<Integer>getAs(column);
  }

  static String s(Row r, String column) {
    return r.getAs(column);
  }
}
