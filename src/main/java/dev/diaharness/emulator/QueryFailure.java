package dev.diaharness.emulator;

import dev.diaharness.sql.ExecutionResult;

/**
 * The one line the emulator gives for a query that returned no rows, worded as BigQuery words its errors: the error
 * message of a failed query job, and what the agent's answer says about the SQL it ran. {@code BigQueryExecution}
 * reads the {@value #UNSUPPORTED} and {@code Syntax error} prefixes back. Stateless.
 */
final class QueryFailure {
  /** How a construct the translator cannot handle starts; followed by the construct and the reason in brackets. */
  static final String UNSUPPORTED = "Unsupported construct in the emulator: ";

  private QueryFailure() {}

  static String message(ExecutionResult result) {
    if (result instanceof ExecutionResult.Unsupported u) {
      return UNSUPPORTED + u.construct() + " (" + u.reason() + ")";
    }
    if (result instanceof ExecutionResult.Unparseable u) {
      return "Syntax error: " + u.reason();
    }
    if (result instanceof ExecutionResult.Rejected r) {
      return "Refused: " + r.reason();
    }
    if (result instanceof ExecutionResult.TimedOut t) {
      return "Query exceeded the emulator's time limit of " + t.limit().toSeconds() + " s";
    }
    if (result instanceof ExecutionResult.Failed f) {
      return f.reason();
    }
    throw new IllegalArgumentException("not a failure: " + result);
  }
}
