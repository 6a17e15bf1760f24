package dev.diaharness.bench;

import dev.diaharness.run.ItemResult;
import dev.diaharness.run.RunListener;
import dev.diaharness.run.Split;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A run listener that keeps, per split, what the benchmarks need from the rows as they finish: item count, sum of
 * {@code latency_ms} (the conversation wall time the engine measured), error rows, and when the last item of the
 * split finished. Thread-safe.
 */
final class SplitStats implements RunListener {
  private static final class Tally {
    final LongAdder items = new LongAdder();
    final LongAdder latencyMsSum = new LongAdder();
    final LongAdder errors = new LongAdder();
    final AtomicLong lastFinishNanos = new AtomicLong();
  }

  private final Map<Split, Tally> tallies = new EnumMap<>(Split.class);
  private final java.util.Queue<String> errorSamples = new java.util.concurrent.ConcurrentLinkedQueue<>();

  SplitStats() {
    for (Split s : Split.values()) {
      tallies.put(s, new Tally());
    }
  }

  @Override
  public void itemFinished(ItemResult result, long finished, long total) {
    Tally t = tallies.get(result.key().split());
    t.items.increment();
    t.latencyMsSum.add(result.timing().latencyMs());
    if (result.isError()) {
      t.errors.increment();
      if (errorSamples.size() < 5) {
        errorSamples.add(result.key().questionId() + "#" + result.key().repeat() + ": "
            + result.error().map(e -> e.kind() + " " + e.message()).orElse(""));
      }
    }
    long now = System.nanoTime();
    t.lastFinishNanos.accumulateAndGet(now, Math::max);
  }

  /** Up to five error rows, as text, to show why items failed. */
  java.util.List<String> errorSamples() {
    return java.util.List.copyOf(errorSamples);
  }

  long items(Split s) {
    return tallies.get(s).items.sum();
  }

  long errors(Split s) {
    return tallies.get(s).errors.sum();
  }

  /** Mean conversation time in ms over the split's rows (0 when none). */
  double meanConversationMs(Split s) {
    long n = items(s);
    return n == 0 ? 0 : (double) tallies.get(s).latencyMsSum.sum() / n;
  }

  /** System.nanoTime() when the split's last row finished. */
  long lastFinishNanos(Split s) {
    return tallies.get(s).lastFinishNanos.get();
  }
}
