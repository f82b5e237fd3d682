package org.tiptrends.jobs.publish;

/**
 * Named points of a run where fault-tolerance tests stop the process: with
 * {@code TIPTRENDS_FAIL_POINT=<name>} set, the run prints {@code fail point reached: <name>} and
 * waits there until it is killed. Unset (always, in production), a point costs one string compare.
 */
public final class FailPoints {
  public static final String ENV = "TIPTRENDS_FAIL_POINT";
  private static final String ARMED = System.getenv(ENV);

  private FailPoints() {}

  public static void reached(String name) {
    if (ARMED == null || !ARMED.equals(name)) {
      return;
    }
    System.out.println("fail point reached: " + name);
    System.out.flush();
    try {
      Thread.sleep(10 * 60 * 1000L); // the test kills the process within seconds
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IllegalStateException("fail point " + name + " was not killed in time");
  }
}
