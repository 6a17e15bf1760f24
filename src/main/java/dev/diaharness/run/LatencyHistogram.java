package dev.diaharness.run;

/**
 * Latency percentiles in fixed memory: logarithmic buckets about 2% wide from 1 ms to ~1 hour, so a run of any size
 * keeps the same few kilobytes. Not thread-safe; {@link SplitAggregator} guards it.
 */
final class LatencyHistogram {
  private static final double GROWTH = 1.02;
  private static final int BUCKETS = (int) Math.ceil(Math.log(3_600_000) / Math.log(GROWTH)) + 2;
  private final long[] counts = new long[BUCKETS];
  private long total;

  void record(long millis) {
    int bucket = millis <= 1 ? 0 : Math.min(BUCKETS - 1, (int) Math.ceil(Math.log(millis) / Math.log(GROWTH)));
    counts[bucket]++;
    total++;
  }

  /** The upper edge of the bucket holding the q-quantile, in ms; 0 with no data. */
  long quantile(double q) {
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int b = 0; b < BUCKETS; b++) {
      seen += counts[b];
      if (seen >= Math.max(1, rank)) {
        return b == 0 ? 1 : Math.round(Math.pow(GROWTH, b));
      }
    }
    return Math.round(Math.pow(GROWTH, BUCKETS - 1));
  }
}
