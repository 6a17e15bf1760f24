package dev.diaharness.emulator;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides which fault (if any) a {@code streamAssist} call gets and how long it waits. The draws of a call come
 * from a generator seeded by (seed, {@link CallKey}): where the call sits in a conversation, not when it arrived.
 * So a run with the same seed injects the same faults into the same conversations whatever the thread interleaving
 * (a call number would be decided by which thread came first). Thread-safe.
 */
final class FaultInjector {
  /** The fate of one call. */
  record Decision(Optional<FaultPlan.Kind> fault, Duration delay) {}

  /**
   * Where a call sits: the question that opened its conversation, which conversation with that opening question it
   * is (0, 1, … in the order they began: the repeats of a question), the turn in the conversation (0 = the
   * question, 1 = the SQL follow-up, …) and the attempt at that turn (a retry after a 429 or 500 draws again).
   */
  record CallKey(String question, int conversation, int turn, int attempt) {}

  /** Bound on remembered opening questions, so a long benchmark does not grow memory forever. */
  private static final int MAX_QUESTIONS = 200_000;

  private final FaultPlan faults;
  private final LatencyPlan latency;
  private final long seed;
  private final Map<String, AtomicInteger> conversationsPerQuestion = new ConcurrentHashMap<>();

  FaultInjector(FaultPlan faults, LatencyPlan latency, long seed) {
    this.faults = faults;
    this.latency = latency;
    this.seed = seed;
  }

  FaultPlan plan() {
    return faults;
  }

  /** The ordinal of a new conversation that opens with {@code question}: 0 for the first, then 1, 2, … */
  int nextConversation(String question) {
    if (conversationsPerQuestion.size() > MAX_QUESTIONS) {
      conversationsPerQuestion.clear();
    }
    return conversationsPerQuestion.computeIfAbsent(question, q -> new AtomicInteger()).getAndIncrement();
  }

  Decision decide(CallKey key) {
    long mixed = seed * 0x9E3779B97F4A7C15L;
    mixed = 31 * mixed + key.question().hashCode();
    mixed = 31 * mixed + key.conversation();
    mixed = 31 * mixed + key.turn();
    mixed = 31 * mixed + key.attempt();
    SplittableRandom random = new SplittableRandom(mixed);
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
