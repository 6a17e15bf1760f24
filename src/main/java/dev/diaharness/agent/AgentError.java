package dev.diaharness.agent;

import java.util.Objects;

/**
 * Why an agent conversation produced no usable answer: broken, not wrong. Becomes an {@code AGENT_ERROR} row.
 *
 * @param reason one line a user can act on; never holds a credential
 */
public record AgentError(Kind kind, String reason) {
  public enum Kind {
    /** the answer's state was FAILED */
    FAILED,
    /** the answer's state was SKIPPED ({@code assistSkippedReasons} in the reason) */
    SKIPPED,
    /** the answer's state was CANCELLED */
    CANCELLED,
    /** 400 FAILED_PRECONDITION: the agent failed on this question */
    FAILED_PRECONDITION,
    /** any other 400 (INVALID_ARGUMENT…), still standing after the retries SPEC §3.1 asks for: the service's message */
    REJECTED,
    /** the stream ended before the JSON array closed */
    TRUNCATED,
    /** the body was not the JSON the API documents */
    INVALID_RESPONSE,
    /** connect, read or item timeout */
    TIMEOUT,
    /** 429 (the service's quota) kept coming until the retry budget ran out */
    QUOTA,
    /** 5xx or resets kept coming until the retry budget ran out */
    RETRIES_EXHAUSTED,
    /** any other HTTP or transport failure, such as a connection reset mid-answer */
    TRANSPORT;

    /**
     * A fault of the infrastructure, not an answer of the agent: the same conversation, started again in a new
     * session, is expected to get the answer a fault-free run gets.
     */
    public boolean isTransient() {
      return this == TRUNCATED || this == TRANSPORT;
    }
  }

  public AgentError {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }
}
