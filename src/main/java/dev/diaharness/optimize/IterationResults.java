package dev.diaharness.optimize;

import dev.diaharness.run.SplitMetrics;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What evaluating an iteration's config gave. This record is immutable.
 *
 * @param evaluation "train"/"test" → the Python-compatible summary
 * @param metrics    "train"/"test" → all metrics; "train" is always there
 * @param failures   the training questions that failed, worst first
 * @param fixed      training questions passing (majority of repeats) now but not in the previous iteration
 * @param broken     training questions failing now that passed in the previous iteration
 * @throws IllegalArgumentException when there are no training metrics
 */
public record IterationResults(Map<String, SplitSummary> evaluation, Map<String, SplitMetrics> metrics,
    List<FailureEntry> failures, List<String> fixed, List<String> broken) {

  public IterationResults {
    // train before test, as recorded: the trajectory is written in the same order every time
    evaluation = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNullElse(evaluation, Map.of())));
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNullElse(metrics, Map.of())));
    failures = List.copyOf(Objects.requireNonNullElse(failures, List.of()));
    fixed = List.copyOf(Objects.requireNonNullElse(fixed, List.of()));
    broken = List.copyOf(Objects.requireNonNullElse(broken, List.of()));
    if (!metrics.containsKey("train")) {
      throw new IllegalArgumentException("an iteration's metrics need \"train\", got " + metrics.keySet());
    }
  }

  public SplitMetrics trainMetrics() {
    return metrics.get("train");
  }
}
