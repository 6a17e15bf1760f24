package dev.diaharness.run;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The retries one item may spend ({@code --max-retries}), shared by every kind of retry it makes: a request sent
 * again after a 429 or a 5xx, and the whole conversation started again in a new session after a stream cut or a
 * reset. Thread-safe.
 */
final class RetryBudget {
  private final AtomicInteger left;

  RetryBudget(int retries) {
    if (retries < 0) {
      throw new IllegalArgumentException("--max-retries must be >= 0, got " + retries);
    }
    this.left = new AtomicInteger(retries);
  }

  /** Takes one retry; false when none is left. */
  boolean spend() {
    return left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  int left() {
    return left.get();
  }
}
