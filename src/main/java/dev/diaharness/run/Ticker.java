package dev.diaharness.run;

/**
 * Monotonic time and sleeping, injectable so limiter arithmetic is tested without real waits. {@link #SYSTEM} is
 * thread-safe.
 */
public interface Ticker {
  Ticker SYSTEM = new Ticker() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleepNanos(long nanos) throws InterruptedException {
      if (nanos > 0) {
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
      }
    }
  };

  long nanoTime();

  void sleepNanos(long nanos) throws InterruptedException;
}
