package dev.diaharness.run;

/**
 * A rate limiter: at most {@code ratePerSecond} permits per second on average, with a burst of one permit, so no
 * one-second window sees more than rate + 1 requests. Permits are handed out in order of reservation. Thread-safe.
 */
public final class TokenBucket {
  private final long nanosPerPermit;
  private final Ticker ticker;
  private long nextFreeNanos;

  public TokenBucket(double ratePerSecond, Ticker ticker) {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("rate must be > 0, got " + ratePerSecond);
    }
    this.nanosPerPermit = Math.max(1, (long) (1_000_000_000L / ratePerSecond));
    this.ticker = ticker;
    this.nextFreeNanos = ticker.nanoTime();
  }

  /** Blocks until this caller's permit is due. */
  public void acquire() throws InterruptedException {
    ticker.sleepNanos(reserve() - ticker.nanoTime());
  }

  /** Reserves the next permit and returns the time (ticker nanos) at which it may be used. */
  synchronized long reserve() {
    long now = ticker.nanoTime();
    long due = Math.max(now, nextFreeNanos);
    nextFreeNanos = due + nanosPerPermit;
    return due;
  }
}
