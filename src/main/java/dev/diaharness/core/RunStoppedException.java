package dev.diaharness.core;

/**
 * The run (or command) must stop early for a reason outside dia-harness and outside the user's input: the
 * {@code --max-usd} budget is spent, or a service keeps failing. It is not bad input ({@link InputException}, exit 2)
 * and not a failed quality gate (exit 1): the CLI prints one line and exits 4, and everything already written stays,
 * so the run can be continued with {@code --resume}. The message never holds a credential.
 */
public class RunStoppedException extends RuntimeException {
  public RunStoppedException(String message) {
    super(message);
  }

  public RunStoppedException(String message, Throwable cause) {
    super(message, cause);
  }
}
