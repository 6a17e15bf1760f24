package dev.diaharness.cli;

import dev.diaharness.sql.ExecutionResult;
import java.util.Optional;

/**
 * What is wrong with an expected SQL, judged by running it on the local tables: it fails (with the engine's reason),
 * returns no rows (the golden set then cannot tell a right answer from a wrong one), or cannot be run locally.
 * Stateless.
 */
final class ExpectedSqlCheck {
  /** @param unsupported the local engine cannot run the construct: a warning, not a failure of the golden set */
  record Problem(String reason, boolean unsupported) {}

  private ExpectedSqlCheck() {}

  static Optional<Problem> problem(ExecutionResult result) {
    if (result instanceof ExecutionResult.Rows) {
      ExecutionResult.Rows rows = (ExecutionResult.Rows) result;
      return rows.table().rows().isEmpty() ? Optional.of(new Problem("returns no rows", false)) : Optional.empty();
    }
    if (result instanceof ExecutionResult.Unsupported) {
      ExecutionResult.Unsupported u = (ExecutionResult.Unsupported) result;
      return Optional.of(new Problem("uses " + u.construct() + " (" + u.reason() + ")", true));
    }
    return Optional.of(new Problem(failure(result), false));
  }

  private static String failure(ExecutionResult result) {
    if (result instanceof ExecutionResult.Failed) {
      return "fails: " + ((ExecutionResult.Failed) result).reason();
    }
    if (result instanceof ExecutionResult.Rejected) {
      return "refused by the sandbox: " + ((ExecutionResult.Rejected) result).reason();
    }
    if (result instanceof ExecutionResult.Unparseable) {
      return "does not parse: " + ((ExecutionResult.Unparseable) result).reason();
    }
    if (result instanceof ExecutionResult.TimedOut) {
      return "ran past the time limit of " + ((ExecutionResult.TimedOut) result).limit().toMillis() + " ms";
    }
    return "cannot run: " + result;
  }
}
