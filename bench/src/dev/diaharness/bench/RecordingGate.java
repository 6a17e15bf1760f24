package dev.diaharness.bench;

import dev.diaharness.agent.CallGate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * A call gate that passes every call to the run's gate and records when each request was let through (client
 * side), to tell the limiter's own pacing apart from delays between client and server. Thread-safe.
 */
final class RecordingGate implements CallGate {
  private final CallGate delegate;
  private long[] passed = new long[1024];
  private int count;

  RecordingGate(CallGate delegate) {
    this.delegate = delegate;
  }

  @Override
  public void beforeCall() throws InterruptedException {
    delegate.beforeCall();
    long now = System.nanoTime();
    synchronized (this) {
      if (count == passed.length) {
        passed = Arrays.copyOf(passed, count * 2);
      }
      passed[count++] = now;
    }
  }

  @Override
  public void onRateLimited(Optional<Duration> retryAfter) {
    delegate.onRateLimited(retryAfter);
  }

  /** The times requests were let through, sorted. */
  synchronized long[] passedNanos() {
    long[] copy = Arrays.copyOf(passed, count);
    Arrays.sort(copy);
    return copy;
  }

  /** The most of {@code sorted} times within any window of {@code window} (half-open, as the emulator counts). */
  static int maxWithin(long[] sorted, Duration window) {
    return (int) worstWindow(sorted, window)[0];
  }

  /** {count, start index} of the fullest window of {@code window} over {@code sorted} times. */
  static long[] worstWindow(long[] sorted, Duration window) {
    int bestStart = 0;
    int best = 0;
    int start = 0;
    for (int end = 0; end < sorted.length; end++) {
      while (sorted[end] - sorted[start] >= window.toNanos()) {
        start++;
      }
      if (end - start + 1 > best) {
        best = end - start + 1;
        bestStart = start;
      }
    }
    return new long[] {best, bestStart};
  }
}
