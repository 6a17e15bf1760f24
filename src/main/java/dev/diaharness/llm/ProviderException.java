package dev.diaharness.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A model provider failed to answer: what kind of failure it was decides whether the call is retried. The message
 * names the provider endpoint and the HTTP status, never a credential.
 */
public class ProviderException extends RuntimeException {

  /** How a failure is handled by {@link ProviderCalls}. */
  public enum Kind {
    /** 429: retried after {@code Retry-After} or backoff */
    RATE_LIMIT,
    /** 5xx, timeouts, refused connections: retried with backoff */
    TRANSIENT,
    /** anything else (400, an unreadable reply): not retried */
    FATAL
  }

  private final Kind kind;
  private final int httpStatus;
  private final transient Optional<Duration> retryAfter;

  public ProviderException(Kind kind, int httpStatus, Optional<Duration> retryAfter, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.httpStatus = httpStatus;
    this.retryAfter = Objects.requireNonNullElse(retryAfter, Optional.empty());
  }

  public ProviderException(Kind kind, int httpStatus, String message) {
    this(kind, httpStatus, Optional.empty(), message, null);
  }

  /** The kind a plain HTTP status maps to (401/403 are handled before, as configuration errors). */
  public static Kind kindOf(int httpStatus) {
    if (httpStatus == 429) {
      return Kind.RATE_LIMIT;
    }
    return httpStatus >= 500 || httpStatus == 408 ? Kind.TRANSIENT : Kind.FATAL;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, or 0 when there was no HTTP answer (timeout, refused connection). */
  public int httpStatus() {
    return httpStatus;
  }

  /** The delay the provider asked for ({@code Retry-After}), if it did. */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }

  public boolean retryable() {
    return kind != Kind.FATAL;
  }
}
