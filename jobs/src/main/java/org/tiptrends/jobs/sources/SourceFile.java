package org.tiptrends.jobs.sources;

import org.tiptrends.jobs.io.Location;

/**
 * One input file as read: where it came from and what it held.
 *
 * @param publisher and {@code exportDate} as the export's preamble states them (may be null); for
 *     a generated file, {@link GeneratedSample#PUBLISHER} and none
 * @param generated the file is {@code tip-trends generate}'s sample data ({@link GeneratedSample})
 */
public record SourceFile(String source, String path, String format, String sha256, long bytes,
    long rowsRead, String publisher, String exportDate, boolean generated) {

  /** The record of a file a reader has read: its hash, size and whether it is generated sample data. */
  public static SourceFile of(String source, Location file, String format, long rowsRead, String publisher,
      String exportDate) {
    boolean generated = GeneratedSample.isMarked(file);
    return new SourceFile(source, file.toString(), format, FileHashes.sha256(file), file.size(), rowsRead,
        generated ? GeneratedSample.PUBLISHER : publisher, generated ? null : exportDate, generated);
  }

  public SourceFile withRowsRead(long rows) {
    return new SourceFile(source, path, format, sha256, bytes, rows, publisher, exportDate, generated);
  }
}
