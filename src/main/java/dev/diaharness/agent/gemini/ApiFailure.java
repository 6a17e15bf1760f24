package dev.diaharness.agent.gemini;

import java.time.Duration;
import java.util.Optional;

/**
 * Unchecked failures of one HTTP call, as classified by {@link ResponseClassifier}; the transport retries some of
 * them and the client or agent turns the rest into user-facing outcomes. Messages never hold a credential.
 */
final class ApiFailure {
  private ApiFailure() {}

  /** 429, 5xx or a 400 without FAILED_PRECONDITION (SPEC §3.1): worth another attempt. */
  static final class Retryable extends RuntimeException {
    final int status;
    final Optional<Duration> retryAfter;

    Retryable(int status, Optional<Duration> retryAfter, String message) {
      super(message);
      this.status = status;
      this.retryAfter = retryAfter;
    }
  }

  /** 400 FAILED_PRECONDITION: the agent failed on this request; retrying will not help. */
  static final class FailedPrecondition extends RuntimeException {
    FailedPrecondition(String message) {
      super(message);
    }
  }

  /** 404: the resource does not exist. */
  static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message);
    }
  }

  /** No connection, or the connection broke; {@code retryable} when nothing can have reached the server. */
  static final class Transport extends RuntimeException {
    final boolean retryable;

    Transport(String message, boolean retryable, Throwable cause) {
      super(message, cause);
      this.retryable = retryable;
    }
  }

  /** A connect, request or stream timeout. */
  static final class Timeout extends RuntimeException {
    Timeout(String message) {
      super(message);
    }
  }
}
