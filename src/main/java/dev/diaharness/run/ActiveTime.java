package dev.diaharness.run;

/**
 * The time a conversation spent conversing: wall time since it started minus the waits the run imposed on it
 * (the rate limiter, a Retry-After pause, a back-off before a retried request). The item timeout bounds this, so
 * throttling can slow a run down but never time an item out. Pauses do not nest: a pause that starts while one is
 * open is the same pause. Thread-safe: the conversation's thread pauses and resumes it, the timeout watchdog reads it.
 */
final class ActiveTime {
  private final Ticker ticker;
  private final long startNanos;
  private long pausedNanos;
  private long pauseStartNanos = -1;

  ActiveTime(Ticker ticker) {
    this.ticker = ticker;
    this.startNanos = ticker.nanoTime();
  }

  synchronized void pause() {
    if (pauseStartNanos < 0) {
      pauseStartNanos = ticker.nanoTime();
    }
  }

  synchronized void resume() {
    if (pauseStartNanos >= 0) {
      pausedNanos += ticker.nanoTime() - pauseStartNanos;
      pauseStartNanos = -1;
    }
  }

  /** Conversing time so far; it does not grow while paused. */
  synchronized long activeNanos() {
    long now = pauseStartNanos >= 0 ? pauseStartNanos : ticker.nanoTime();
    return Math.max(0, now - startNanos - pausedNanos);
  }
}
