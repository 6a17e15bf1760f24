package dev.diaharness.run;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The number of conversations allowed in flight, adapted to the service's quota (AIMD, as TCP's congestion
 * control): a 429 cuts the limit multiplicatively (×{@code decrease}, never below 1), at most once per congestion
 * window, since the 429s of one overload arrive together and all mean the same thing; every window without a 429
 * adds one, up to the maximum. The window is about one conversation: a moving average of how long conversations
 * take, so a decrease has time to show its effect before the next one. The limit is kept as a real number so that
 * repeated cuts and growth from small limits stay proportional; {@link #limit()} is its whole part. Thread-safe.
 */
public final class AdaptiveConcurrencyLimit {
  /** weight of the newest conversation in the moving average of the window */
  private static final double WINDOW_SMOOTHING = 0.2;

  private final int max;
  private final double decrease;
  private final Ticker ticker;
  private final IntConsumer onChange;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition permitFreed = lock.newCondition();
  private double limit;
  private int inFlight;
  private double windowNanos;
  private long lastDecreaseNanos;
  private boolean decreasedOnce;
  private long cleanSinceNanos;

  /**
   * @param decrease      factor applied on a 429, within 0.5–0.8
   * @param initialWindow the congestion window until the first conversation ends
   * @param onChange      told the new whole limit whenever it changes (called under the lock: keep it quick)
   */
  public AdaptiveConcurrencyLimit(int max, double decrease, Duration initialWindow, Ticker ticker,
      IntConsumer onChange) {
    if (max < 1 || decrease < 0.5 || decrease > 0.8 || initialWindow.isNegative() || initialWindow.isZero()) {
      throw new IllegalArgumentException("need max >= 1, decrease in 0.5..0.8, a positive window");
    }
    this.max = max;
    this.decrease = decrease;
    this.ticker = ticker;
    this.onChange = onChange;
    this.limit = max;
    this.windowNanos = initialWindow.toNanos();
    this.cleanSinceNanos = ticker.nanoTime();
  }

  /** Blocks until fewer conversations than the limit are in flight, then takes a place. */
  public void acquire() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      growIfClean();
      while (inFlight >= Math.floor(limit)) {
        // wake up now and then: a clean window can raise the limit while every conversation is still running
        permitFreed.await(Math.max(1_000_000L, (long) windowNanos), TimeUnit.NANOSECONDS);
        growIfClean();
      }
      inFlight++;
    } finally {
      lock.unlock();
    }
  }

  /** Frees a place. */
  public void release() {
    lock.lock();
    try {
      inFlight--;
      growIfClean();
      permitFreed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** A conversation took {@code conversationNanos}, waits included: the window follows that. */
  public void observe(long conversationNanos) {
    lock.lock();
    try {
      windowNanos += WINDOW_SMOOTHING * (conversationNanos - windowNanos);
    } finally {
      lock.unlock();
    }
  }

  /** The service said 429: cut the limit, unless it was already cut in this window. */
  public void onRateLimited() {
    lock.lock();
    try {
      long now = ticker.nanoTime();
      cleanSinceNanos = now;
      if (decreasedOnce && now - lastDecreaseNanos < windowNanos) {
        return;
      }
      decreasedOnce = true;
      lastDecreaseNanos = now;
      set(Math.max(1, limit * decrease));
    } finally {
      lock.unlock();
    }
  }

  /** Conversations allowed in flight now. */
  public int limit() {
    lock.lock();
    try {
      growIfClean();
      return (int) Math.floor(limit);
    } finally {
      lock.unlock();
    }
  }

  public int max() {
    return max;
  }

  /** The current congestion window. */
  public Duration window() {
    lock.lock();
    try {
      return Duration.ofNanos((long) windowNanos);
    } finally {
      lock.unlock();
    }
  }

  /** One step up per whole clean window since the last 429 or the last step. Caller holds the lock. */
  private void growIfClean() {
    long now = ticker.nanoTime();
    while (limit < max && now - cleanSinceNanos >= windowNanos) {
      cleanSinceNanos += (long) windowNanos;
      set(Math.min(max, limit + 1));
    }
    if (limit >= max) {
      cleanSinceNanos = Math.max(cleanSinceNanos, now - (long) windowNanos);
    }
  }

  private void set(double value) {
    int before = (int) Math.floor(limit);
    limit = value;
    int after = (int) Math.floor(limit);
    if (after != before) {
      onChange.accept(after);
    }
    permitFreed.signalAll();
  }
}
