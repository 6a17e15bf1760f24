package dev.diaharness.emulator;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides, for each {@code streamAssist} call in arrival order, which fault (if any) it gets and how long it waits.
 * The n-th call's draws come from a generator seeded by (seed, n), so a run with the same seed injects the same
 * faults at the same call numbers, whatever the thread interleaving. Thread-safe.
 */
final class FaultInjector {
  /** The fate of one call. */
  record Decision(Optional<FaultPlan.Kind> fault, Duration delay) {}

  private final FaultPlan faults;
  private final LatencyPlan latency;
  private final long seed;
  private final AtomicLong calls = new AtomicLong();

  FaultInjector(FaultPlan faults, LatencyPlan latency, long seed) {
    this.faults = faults;
    this.latency = latency;
    this.seed = seed;
  }

  FaultPlan plan() {
    return faults;
  }

  Decision next() {
    long n = calls.getAndIncrement();
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
    double u = random.nextDouble();
    Duration delay = latency.sample(random.nextDouble());
    double cumulative = 0;
    for (FaultPlan.Kind kind : FaultPlan.Kind.values()) {
      double rate = faults.rate(kind);
      cumulative += rate;
      // rate 1.0 must hit every call, so compare with < on a draw in [0, 1)
      if (rate > 0 && u < cumulative) {
        return new Decision(Optional.of(kind), delay);
      }
    }
    return new Decision(Optional.empty(), delay);
  }
}
