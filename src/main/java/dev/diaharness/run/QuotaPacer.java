package dev.diaharness.run;

import java.time.Duration;

/**
 * Paces requests to what the service's quota accepts, learnt from its 429s: Google signals a spent quota with 429
 * and no Retry-After, so the client must find the rate itself. On the first such 429 the pace
 * becomes the rate of requests the service accepted over the last {@value #MEASURE_SECONDS} s; later 429s lower it by
 * 10 % (at most once a second) and each second without one raises it by 5 %, so it settles at the quota and finds a
 * quota that grows. Before the first 429 nothing is paced. Pacing keeps
 * the run at the quota instead of above it, where every refused request costs a back-off in which the quota goes
 * unused. Thread-safe.
 */
final class QuotaPacer {
  static final int MEASURE_SECONDS = 5;
  /** the pace changes at most once per this: it acts on requests, which come far more often than conversations end */
  static final Duration STEP = Duration.ofSeconds(1);
  private static final double PROBE_UP = 1.05;
  private static final double BACK_OFF = 0.9;
  private static final double MIN_RATE = 0.1;

  private final Ticker ticker;
  private final long[] passes = new long[4096];
  private final long[] refusals = new long[4096];
  private int passCount;
  private int refusalCount;
  private volatile TokenBucket pace;
  private double rate;
  private long lastChangeNanos;
  private long firstNanos = Long.MAX_VALUE;

  QuotaPacer(Ticker ticker) {
    this.ticker = ticker;
  }

  /** Waits for the pace, if any, then records the request as sent. */
  void beforeRequest() throws InterruptedException {
    probeUp();
    TokenBucket current = pace;
    if (current != null) {
      current.acquire();
    }
    synchronized (this) {
      long now = ticker.nanoTime();
      firstNanos = Math.min(firstNanos, now);
      passes[passCount++ % passes.length] = now;
    }
  }

  /** A request was refused for quota: pace to the accepted rate, or lower the pace, at most once a step. */
  synchronized void onRefused() {
    long now = ticker.nanoTime();
    refusals[refusalCount++ % refusals.length] = now;
    if (pace != null && now - lastChangeNanos < STEP.toNanos()) {
      return;
    }
    // the accepted rate over the last few seconds, or since the first request in a younger run (at least a second);
    // early on that includes the quota's initial burst and overestimates, so later 429s cut the pace by 10 % a step
    long since = Math.max(now - MEASURE_SECONDS * 1_000_000_000L, Math.min(firstNanos, now - 1_000_000_000L));
    double seconds = (now - since) / 1e9;
    double accepted = Math.max(0, within(passes, passCount, since) - within(refusals, refusalCount, since));
    double measured = Math.max(MIN_RATE, accepted / seconds);
    rate = pace == null ? measured : Math.max(MIN_RATE, Math.min(measured, rate * BACK_OFF));
    pace = new TokenBucket(rate, ticker);
    lastChangeNanos = now;
  }

  /** Requests per second paced now, or 0 when not pacing. */
  synchronized double rate() {
    return pace == null ? 0 : rate;
  }

  private synchronized void probeUp() {
    long now = ticker.nanoTime();
    if (pace != null && now - lastChangeNanos >= STEP.toNanos()) {
      rate *= PROBE_UP;
      pace = new TokenBucket(rate, ticker);
      lastChangeNanos = now;
    }
  }

  private static int within(long[] ring, int count, long since) {
    int n = 0;
    for (int i = count - 1; i >= 0 && i >= count - ring.length; i--) {
      if (ring[i % ring.length] < since) {
        break;
      }
      n++;
    }
    return n;
  }
}
