package org.tiptrends.api.http;

/**
 * A well-formed request the live mart version cannot answer because it lacks the data (e.g. the
 * conflict comparison on marts built without a UCDP file): answered 409 with a problem saying
 * which data are missing; no parameter is wrong, so it is not a 400. Cheap to throw.
 */
public final class MissingData extends RuntimeException {
  public MissingData(String detail) {
    super(detail, null, false, false);
  }
}
