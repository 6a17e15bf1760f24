package dev.diaharness.run;

import dev.diaharness.core.Backoff;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * <em>How</em> evaluations run.
 *
 * @param maxWorkers   conversations in flight per split: each split's guaranteed share
 * @param rateLimitQps global cap on agent requests per second over both splits
 * @param itemTimeout  bound of one conversation's own time, from its first request to its last byte (waits for a
 *                     place, the rate limiter, the quota or a back-off not counted); beyond it the item is an
 *                     AGENT_ERROR (TIMEOUT)
 * @param retryErrors  with resume: run error rows again (the old row stays until the retry succeeds)
 * @param maxRetries   retries one item may spend on 429s, 5xx, stream cuts and resets together
 * @param shareWorkers a split with no pending items lends its idle workers to the other
 * @param backoff      the wait before each retry
 */
public record RunOptions(int repeats, int maxWorkers, Optional<Double> rateLimitQps, Duration itemTimeout,
    boolean retryErrors, int maxRetries, boolean shareWorkers, Backoff backoff) {
  public static final int DEFAULT_MAX_RETRIES = 8;

  public RunOptions {
    if (repeats < 1) {
      throw new IllegalArgumentException("--num-repeats must be >= 1, got " + repeats);
    }
    if (maxWorkers < 1) {
      throw new IllegalArgumentException("--max-workers must be >= 1, got " + maxWorkers);
    }
    rateLimitQps = Objects.requireNonNullElse(rateLimitQps, Optional.empty());
    rateLimitQps.filter(q -> !(q > 0)).ifPresent(q -> {
      throw new IllegalArgumentException("--rate-limit must be > 0 requests/s, got " + q);
    });
    Objects.requireNonNull(itemTimeout, "itemTimeout");
    if (itemTimeout.isNegative() || itemTimeout.isZero()) {
      throw new IllegalArgumentException("--item-timeout must be > 0 seconds, got " + itemTimeout.toSeconds());
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("--max-retries must be >= 0, got " + maxRetries);
    }
    Objects.requireNonNull(backoff, "backoff");
  }

  /** Default retries ({@value #DEFAULT_MAX_RETRIES}), sharing on, {@link Backoff#DEFAULT}. */
  public RunOptions(int repeats, int maxWorkers, Optional<Double> rateLimitQps, Duration itemTimeout,
      boolean retryErrors) {
    this(repeats, maxWorkers, rateLimitQps, itemTimeout, retryErrors, DEFAULT_MAX_RETRIES, true, Backoff.DEFAULT);
  }

  public static RunOptions defaults() {
    return new RunOptions(3, 10, Optional.empty(), Duration.ofMinutes(5), false);
  }

  public RunOptions withMaxRetries(int value) {
    return new RunOptions(repeats, maxWorkers, rateLimitQps, itemTimeout, retryErrors, value, shareWorkers, backoff);
  }

  public RunOptions withShareWorkers(boolean value) {
    return new RunOptions(repeats, maxWorkers, rateLimitQps, itemTimeout, retryErrors, maxRetries, value, backoff);
  }

  public RunOptions withBackoff(Backoff value) {
    return new RunOptions(repeats, maxWorkers, rateLimitQps, itemTimeout, retryErrors, maxRetries, shareWorkers, value);
  }
}
