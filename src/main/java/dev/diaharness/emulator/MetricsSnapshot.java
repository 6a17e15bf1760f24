package dev.diaharness.emulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The request counters of an emulator at one moment ({@link RequestMetrics#snapshot()}). Arrival times are
 * {@link System#nanoTime()} values of the most recent conversation requests (sessions and streamAssist), oldest
 * first. Immutable.
 *
 * @param byEndpoint request count per endpoint name: {@code agents.list}, {@code agents.create}, {@code agents.get},
 *     {@code agents.patch}, {@code agents.deploy}, {@code operations.get}, {@code sessions.create},
 *     {@code streamAssist}, {@code notFound}
 * @param faults how many requests got each injected fault
 */
public record MetricsSnapshot(
    long total, Map<String, Long> byEndpoint, Map<FaultPlan.Kind, Long> faults, long[] arrivalNanos) {
  public MetricsSnapshot {
    byEndpoint = Map.copyOf(byEndpoint);
    faults = Map.copyOf(faults);
    arrivalNanos = arrivalNanos.clone();
  }

  /** Requests seen on one endpoint (0 if none). */
  public long count(String endpoint) {
    return byEndpoint.getOrDefault(endpoint, 0L);
  }

  /** Requests that got one kind of fault (0 if none). */
  public long faultCount(FaultPlan.Kind kind) {
    return faults.getOrDefault(kind, 0L);
  }

  /** Arrival times in nanoseconds (a copy), oldest first. */
  @Override
  public long[] arrivalNanos() {
    return arrivalNanos.clone();
  }

  /**
   * The largest number of recorded conversation requests that arrived within any window of the given length — the
   * number a rate-limit check compares with {@code QPS × window}.
   */
  public int maxArrivalsWithin(Duration window) {
    long[] sorted = arrivalNanos.clone();
    Arrays.sort(sorted);
    long span = window.toNanos();
    int best = 0;
    int start = 0;
    for (int end = 0; end < sorted.length; end++) {
      while (sorted[end] - sorted[start] >= span) {
        start++;
      }
      best = Math.max(best, end - start + 1);
    }
    return best;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MetricsSnapshot m && total == m.total && byEndpoint.equals(m.byEndpoint)
        && faults.equals(m.faults) && Arrays.equals(arrivalNanos, m.arrivalNanos);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(total) * 31 + Arrays.hashCode(arrivalNanos);
  }

  @Override
  public String toString() {
    return "MetricsSnapshot[total=" + total + ", byEndpoint=" + byEndpoint + ", faults=" + faults
        + ", arrivals=" + arrivalNanos.length + "]";
  }

  /** Endpoint counts as {@code name=count} pairs, for messages. */
  public String describe() {
    return byEndpoint.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", "[", "]")) + " faults=" + faults;
  }
}
