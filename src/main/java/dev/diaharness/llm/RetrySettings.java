package dev.diaharness.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts, retries and concurrency of model calls. Immutable. {@link #DEFAULTS}: 4 retries with exponential
 * backoff (full jitter) with ceilings from 1 s to 30 s, {@code Retry-After} honoured up to 120 s, a 10 s connect and a 180 s request
 * timeout, at most 8 calls in flight per provider.
 *
 * @param maxRetries     retries after the first attempt, on 429, 5xx and timeouts only
 * @param maxRetryAfter  a longer {@code Retry-After} is cut to this
 * @param maxConcurrency calls in flight at once per provider, shared by every role that uses it
 */
public record RetrySettings(
    int maxRetries,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration maxRetryAfter,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxConcurrency) {

  public static final RetrySettings DEFAULTS = new RetrySettings(
      4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(120),
      Duration.ofSeconds(10), Duration.ofSeconds(180), 8);

  public RetrySettings {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
    }
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be >= 1, got " + maxConcurrency);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (initialBackoff.compareTo(maxBackoff) >= 0) {
      throw new IllegalArgumentException("initialBackoff must be shorter than maxBackoff");
    }
  }

  /** Fast settings for tests against loopback fakes: same retry count, millisecond backoff. */
  public static RetrySettings fastForTests(int maxRetries) {
    return new RetrySettings(maxRetries, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(5),
        Duration.ofSeconds(5), Duration.ofSeconds(20), 4);
  }
}
