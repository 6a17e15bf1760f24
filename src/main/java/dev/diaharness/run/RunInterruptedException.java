package dev.diaharness.run;

/**
 * The run was interrupted (Ctrl-C or SIGTERM): no new item was started after the request, the conversations in
 * flight had a short grace period, and every item that finished is in the journal. The rest is asked on resume.
 */
public final class RunInterruptedException extends RuntimeException {
  public RunInterruptedException() {
    super("interrupted");
  }
}
