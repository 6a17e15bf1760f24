package dev.diaharness.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one back-off rule of every retry in dia-harness: truncated exponential back-off with full jitter, and a
 * server's {@code Retry-After} wins when it gave one. Retry n waits a uniform draw in [0, min(cap, initial·2^(n-1))):
 * full jitter spreads the retries of many callers that were refused together, so they do not come back together
 * (the "thundering herd" equal jitter still causes). Immutable and thread-safe.
 *
 * @param initial the ceiling of the first retry's wait
 * @param cap     the largest ceiling (truncation)
 */
public record Backoff(Duration initial, Duration cap) {
  /** The default of agent and model calls: 1 s doubling to 32 s, as Google's client libraries do. */
  public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(32));

  public Backoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(cap, "cap");
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("back-off initial must be positive, got " + initial);
    }
    if (cap.compareTo(initial) < 0) {
      throw new IllegalArgumentException("back-off cap " + cap + " is shorter than its initial " + initial);
    }
  }

  /** The ceiling of retry {@code retry} (1-based): initial·2^(retry-1), never above the cap. */
  public Duration ceiling(int retry) {
    int doublings = Math.max(0, Math.min(retry - 1, 40)); // 2^40 · 1 ns already exceeds any sane cap
    double nanos = initial.toNanos() * Math.pow(2, doublings);
    return nanos >= cap.toNanos() ? cap : Duration.ofNanos((long) nanos);
  }

  /**
   * The wait before retry {@code retry}.
   *
   * @param retryAfter the server's {@code Retry-After}, which wins when present
   * @param uniform    a draw in [0, 1)
   */
  public Duration delay(int retry, Optional<Duration> retryAfter, double uniform) {
    if (retryAfter.isPresent()) {
      return retryAfter.get().isNegative() ? Duration.ZERO : retryAfter.get();
    }
    return Duration.ofNanos((long) (ceiling(retry).toNanos() * uniform));
  }
}
