package dev.diaharness.run;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The number of conversations allowed in flight, adapted to the service: a 429 cuts the limit multiplicatively
 * (never below 1); every {@code cleanWindow} conversations finished without a 429 raise it by one, up to the
 * maximum (AIMD, as TCP does). Thread-safe.
 */
public final class AdaptiveConcurrencyLimit {
  private final int max;
  private final double decrease;
  private final int cleanWindow;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition permitFreed = lock.newCondition();
  private int limit;
  private int inFlight;
  private int cleanSinceChange;

  /**
   * @param decrease    factor applied on 429, within 0.5–0.8
   * @param cleanWindow clean completions needed before the limit grows by one
   */
  public AdaptiveConcurrencyLimit(int max, double decrease, int cleanWindow) {
    if (max < 1 || decrease < 0.5 || decrease > 0.8 || cleanWindow < 1) {
      throw new IllegalArgumentException("need max >= 1, decrease in 0.5..0.8, window >= 1");
    }
    this.max = max;
    this.decrease = decrease;
    this.cleanWindow = cleanWindow;
    this.limit = max;
  }

  public void acquire() throws InterruptedException {
    lock.lock();
    try {
      while (inFlight >= limit) {
        permitFreed.await();
      }
      inFlight++;
    } finally {
      lock.unlock();
    }
  }

  /** Frees a permit; {@code clean} = the conversation saw no 429. */
  public void release(boolean clean) {
    lock.lock();
    try {
      inFlight--;
      if (clean && ++cleanSinceChange >= cleanWindow && limit < max) {
        limit++;
        cleanSinceChange = 0;
      }
      permitFreed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  public void onRateLimited() {
    lock.lock();
    try {
      limit = Math.max(1, (int) Math.floor(limit * decrease));
      cleanSinceChange = 0;
    } finally {
      lock.unlock();
    }
  }

  public int limit() {
    lock.lock();
    try {
      return limit;
    } finally {
      lock.unlock();
    }
  }
}
