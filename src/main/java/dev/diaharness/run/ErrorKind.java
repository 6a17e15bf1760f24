package dev.diaharness.run;

import dev.diaharness.agent.AgentError;

/**
 * Why an error row could not be scored: one of the agent's failure kinds ({@link AgentError.Kind}, same names), or
 * {@link #GOLD_ERROR} when the golden SQL itself failed. Written as its name in {@code error_kind}. A kind added to
 * {@code AgentError.Kind} is added here too, in the same place ({@code ItemResultTest} checks it).
 */
public enum ErrorKind {
  FAILED,
  SKIPPED,
  CANCELLED,
  FAILED_PRECONDITION,
  REJECTED,
  TRUNCATED,
  INVALID_RESPONSE,
  TIMEOUT,
  QUOTA,
  RETRIES_EXHAUSTED,
  TRANSPORT,
  /** the expected SQL failed: a golden-set problem, not the agent's */
  GOLD_ERROR;

  /** The row kind of an agent failure. */
  public static ErrorKind of(AgentError.Kind kind) {
    return valueOf(kind.name());
  }
}
