package dev.diaharness.cli;

import java.util.Objects;

/**
 * One line of {@code doctor}: a check that passed (✓, with what it found) or failed (✗, with what to do).
 *
 * @param blocking for a failure: the next checks cannot run, doctor stops here
 */
record CheckResult(String check, boolean passed, String detail, String fix, boolean blocking) {
  CheckResult {
    Objects.requireNonNull(check, "check");
    detail = Objects.requireNonNullElse(detail, "");
    fix = Objects.requireNonNullElse(fix, "");
  }

  static CheckResult pass(String check, String detail) {
    return new CheckResult(check, true, detail, "", false);
  }

  /** A failure after which the remaining checks cannot run. */
  static CheckResult stop(String check, String detail, String fix) {
    return new CheckResult(check, false, detail, fix, true);
  }

  /** A failure the other checks do not depend on. */
  static CheckResult fail(String check, String detail, String fix) {
    return new CheckResult(check, false, detail, fix, false);
  }

  /** {@code ✓ check: detail} or {@code ✗ check: detail → fix}. */
  String line() {
    String head = (passed ? "✓ " : "✗ ") + check + (detail.isEmpty() ? "" : ": " + detail);
    return passed || fix.isEmpty() ? head : head + " → " + fix;
  }
}
