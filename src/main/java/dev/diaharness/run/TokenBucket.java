package dev.diaharness.run;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A rate limiter: at most {@code ratePerSecond} permits per second, with a burst of one permit, so no one-second
 * window sees more than rate + 1 requests leave. Permits are spaced on the times callers are actually let through,
 * not on times reserved in advance: a caller that wakes late (a loaded machine) pushes the next permits back instead
 * of bunching with them. Callers pass one at a time, in arrival order. Thread-safe.
 */
public final class TokenBucket {
  private final long nanosPerPermit;
  private final Ticker ticker;
  /** fair: waiting callers pass in the order they came */
  private final ReentrantLock turn = new ReentrantLock(true);
  private boolean anyPassed;
  private long lastPassNanos;

  public TokenBucket(double ratePerSecond, Ticker ticker) {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("rate must be > 0, got " + ratePerSecond);
    }
    this.nanosPerPermit = Math.max(1, (long) (1_000_000_000L / ratePerSecond));
    this.ticker = ticker;
  }

  /** Blocks until at least one permit interval has passed since the previous caller was let through. */
  public void acquire() throws InterruptedException {
    turn.lockInterruptibly();
    try {
      if (anyPassed) {
        // the lock is held while sleeping on purpose: the next caller's interval starts when this one passes
        ticker.sleepNanos(lastPassNanos + nanosPerPermit - ticker.nanoTime());
      }
      lastPassNanos = ticker.nanoTime();
      anyPassed = true;
    } finally {
      turn.unlock();
    }
  }
}
