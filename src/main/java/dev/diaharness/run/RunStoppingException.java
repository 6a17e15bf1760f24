package dev.diaharness.run;

/** Carries, from a worker, a failure that must stop the whole run (not just fail one item). */
final class RunStoppingException extends RuntimeException {
  private final RuntimeException reason;

  RunStoppingException(RuntimeException reason) {
    super(reason.getMessage(), reason);
    this.reason = reason;
  }

  RuntimeException stopReason() {
    return reason;
  }
}
