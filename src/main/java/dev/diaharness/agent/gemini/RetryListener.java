package dev.diaharness.agent.gemini;

import java.time.Duration;
import java.util.Optional;

/**
 * Hears about retries of agent API calls, so a scheduler can shrink concurrency on rate limits. Called on the
 * calling thread before it sleeps; implementations must be thread-safe and quick. Every method defaults to nothing.
 */
public interface RetryListener {
  /** A listener that ignores everything. */
  RetryListener NONE = new RetryListener() {};

  /** A 429 arrived; {@code retryAfter} is the server's {@code Retry-After}, when it sent one. */
  default void onRateLimited(Optional<Duration> retryAfter) {}

  /**
   * A call is retried.
   *
   * @param status  the HTTP status that caused it (0 for a connection failure)
   * @param attempt the attempt that failed, 1-based
   * @param delay   how long the caller waits before the next attempt
   */
  default void onRetry(int status, int attempt, Duration delay) {}
}
