package dev.diaharness.run;

import dev.diaharness.core.OrderedMaps;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What an item cost and when it finished. This record is immutable.
 *
 * @param latencyMs  wall time of the whole conversation
 * @param agentCalls HTTP calls the conversation made (sessions, questions, follow-ups)
 * @param tokens     token counts by role for this item, where reported (e.g. {@code judge_input})
 * @param timestamp  when the item finished
 * @throws IllegalArgumentException when the latency or the call count is negative
 */
public record Timing(long latencyMs, int agentCalls, Map<String, Long> tokens, Instant timestamp) {
  public Timing {
    if (latencyMs < 0 || agentCalls < 0) {
      throw new IllegalArgumentException("latency_ms and agent_calls must be >= 0, got " + latencyMs + "/" + agentCalls);
    }
    tokens = OrderedMaps.copyOf(Objects.requireNonNullElse(tokens, Map.of())); // sorted: the same line in any JVM
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /** A timing without token counts. */
  public static Timing of(long latencyMs, int agentCalls, Instant timestamp) {
    return new Timing(latencyMs, agentCalls, Map.of(), timestamp);
  }
}
