package dev.diaharness.scoring;

import dev.diaharness.core.OrderedMaps;
import java.util.Map;
import java.util.Objects;

/**
 * What a reader needs to check a verdict: one summary line plus structured details (the differing rows, the
 * counterexample database's changed rows, the failing construct, the judge's rationale…), kept as JSON-able values.
 */
public record Evidence(String summary, Map<String, Object> details) {
  public Evidence {
    Objects.requireNonNull(summary, "summary");
    details = OrderedMaps.copyOf(Objects.requireNonNullElse(details, Map.of()));
  }

  public static Evidence of(String summary) {
    return new Evidence(summary, Map.of());
  }
}
