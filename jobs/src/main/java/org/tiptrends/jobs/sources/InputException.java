package org.tiptrends.jobs.sources;

/** An input the job cannot trust; the message is one line naming the file and the problem. */
public class InputException extends RuntimeException {
  public InputException(String file, String problem) {
    super(file + ": " + problem);
  }

  public InputException(String file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
