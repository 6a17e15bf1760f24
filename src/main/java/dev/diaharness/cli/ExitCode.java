package dev.diaharness.cli;

/** The process exit codes, as documented in {@code --help} and the README. */
public enum ExitCode {
  OK(0),
  /** a quality gate failed: {@code --min-accuracy} not met, or {@code validate} found failing expected SQL */
  GATE_FAILED(1),
  /** bad input or configuration: one line names the file, row or field */
  BAD_INPUT(2),
  /** a bug in dia-harness itself */
  INTERNAL(3),
  /** the run stopped early: the budget is spent or a service kept failing; everything written stays */
  STOPPED(4),
  /** Ctrl-C or SIGTERM: the run stopped cleanly (or at once on the second signal) and can be resumed */
  INTERRUPTED(130);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
