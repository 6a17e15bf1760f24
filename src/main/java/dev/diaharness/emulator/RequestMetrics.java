package dev.diaharness.emulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the requests an {@link EmulatorServer} has seen: in total, per endpoint, per injected fault, and the
 * arrival time of each conversation request (session creation and {@code streamAssist}) in a ring buffer of the
 * most recent {@code capacity} arrivals, so memory stays bounded in long benchmarks. Thread-safe.
 */
public final class RequestMetrics {
  /** Endpoints whose arrivals are recorded: the calls a rate limit must pace. */
  static final String SESSIONS = "sessions.create";
  static final String STREAM_ASSIST = "streamAssist";

  private final LongAdder total = new LongAdder();
  private final Map<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();
  private final Map<FaultPlan.Kind, LongAdder> faults = new ConcurrentHashMap<>();
  private final long[] arrivals;
  private long arrivalCount;
  private final java.util.Queue<AgentTurn> turns = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final java.util.concurrent.atomic.AtomicInteger turnCount = new java.util.concurrent.atomic.AtomicInteger();
  private final int turnCapacity;

  RequestMetrics(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("arrival capacity must be >= 1, got " + capacity);
    }
    this.arrivals = new long[capacity];
    this.turnCapacity = capacity;
  }

  /** Records an answered {@code streamAssist} turn; the oldest are dropped beyond the capacity. */
  void recordTurn(AgentTurn turn) {
    turns.add(turn);
    if (turnCount.incrementAndGet() > turnCapacity && turns.poll() != null) {
      turnCount.decrementAndGet();
    }
  }

  /** The recorded turns, in the order they ended. */
  java.util.List<AgentTurn> turns() {
    return java.util.List.copyOf(turns);
  }

  void record(String endpoint, long arrivalNanos) {
    total.increment();
    byEndpoint.computeIfAbsent(endpoint, e -> new LongAdder()).increment();
    if (SESSIONS.equals(endpoint) || STREAM_ASSIST.equals(endpoint)) {
      synchronized (arrivals) {
        arrivals[(int) (arrivalCount % arrivals.length)] = arrivalNanos;
        arrivalCount++;
      }
    }
  }

  void recordFault(FaultPlan.Kind kind) {
    faults.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  /** A consistent-enough copy of the counters (each counter is exact; they are not read atomically together). */
  public MetricsSnapshot snapshot() {
    Map<String, Long> endpoints = new TreeMap<>();
    byEndpoint.forEach((k, v) -> endpoints.put(k, v.sum()));
    Map<FaultPlan.Kind, Long> faultCounts = new TreeMap<>();
    faults.forEach((k, v) -> faultCounts.put(k, v.sum()));
    long[] copy;
    synchronized (arrivals) {
      int n = (int) Math.min(arrivalCount, arrivals.length);
      copy = new long[n];
      long first = arrivalCount - n;
      for (int i = 0; i < n; i++) {
        copy[i] = arrivals[(int) ((first + i) % arrivals.length)];
      }
    }
    return new MetricsSnapshot(total.sum(), endpoints, faultCounts, copy);
  }
}
