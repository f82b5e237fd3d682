package org.tiptrends.jobs.sources;

/**
 * One input file as read: where it came from and what it held.
 *
 * @param publisher and {@code exportDate} as the export's preamble states them (may be null)
 */
public record SourceFile(String source, String path, String format, String sha256, long bytes,
    long rowsRead, String publisher, String exportDate) {

  public SourceFile withRowsRead(long rows) {
    return new SourceFile(source, path, format, sha256, bytes, rows, publisher, exportDate);
  }
}
