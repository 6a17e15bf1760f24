package dev.diaharness.run;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * <em>How</em> evaluations run.
 *
 * @param maxWorkers   conversations in flight per evaluation (train and test each get this many)
 * @param rateLimitQps global cap on agent requests per second over both splits
 * @param itemTimeout  wall-time bound of one conversation; beyond it the item is an AGENT_ERROR (TIMEOUT)
 * @param retryErrors  with resume: run error rows again (the old row stays until the retry succeeds)
 */
public record RunOptions(
    int repeats, int maxWorkers, Optional<Double> rateLimitQps, Duration itemTimeout, boolean retryErrors) {
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
  }

  public static RunOptions defaults() {
    return new RunOptions(3, 10, Optional.empty(), Duration.ofMinutes(5), false);
  }
}
