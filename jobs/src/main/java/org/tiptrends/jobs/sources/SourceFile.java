package org.tiptrends.jobs.sources;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tiptrends.jobs.io.Location;

/**
 * One input file as read: where it came from and what it held.
 *
 * @param publisher and {@code exportDate} as the export's preamble states them (may be null); for
 *     a generated file, {@link GeneratedSample#PUBLISHER} and none
 * @param generated the file is {@code tip-trends generate}'s sample data ({@link GeneratedSample})
 * @param details more flat facts for run.json's inputs, in order: {@code encoding} (and
 *     {@code encoding_note}) of a text file, a data package's {@code title}, {@code license},
 *     {@code version}, a release's {@code version}
 */
public record SourceFile(String source, String path, String format, String sha256, long bytes,
    long rowsRead, String publisher, String exportDate, boolean generated, Map<String, String> details) {

  /** The record of a file a reader has read: its hash, size and whether it is generated sample data. */
  public static SourceFile of(String source, Location file, String format, long rowsRead, String publisher,
      String exportDate) {
    boolean generated = GeneratedSample.isMarked(file);
    return new SourceFile(source, file.toString(), format, FileHashes.sha256(file), file.size(), rowsRead,
        generated ? GeneratedSample.PUBLISHER : publisher, generated ? null : exportDate, generated, Map.of());
  }

  public SourceFile withRowsRead(long rows) {
    return new SourceFile(source, path, format, sha256, bytes, rows, publisher, exportDate, generated, details);
  }

  /** This file with one more detail; a null value adds nothing. */
  public SourceFile with(String key, String value) {
    if (value == null) {
      return this;
    }
    Map<String, String> more = new LinkedHashMap<>(details);
    more.put(key, value);
    return new SourceFile(source, path, format, sha256, bytes, rowsRead, publisher, exportDate, generated,
        Collections.unmodifiableMap(more));
  }

  /** This text file's encoding as {@link TextEncoding} judged it. */
  public SourceFile with(TextEncoding.Verdict encoding) {
    return with("encoding", encoding.label()).with("encoding_note", encoding.note());
  }
}
