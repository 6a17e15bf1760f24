package dev.diaharness.run;

import java.util.Map;
import java.util.Optional;

/** The metrics of each split of one iteration's evaluation. */
public record EvaluationResult(int iteration, Map<Split, SplitMetrics> metrics) {
  public EvaluationResult {
    metrics = Map.copyOf(metrics);
  }

  public SplitMetrics train() {
    return metrics.get(Split.TRAIN);
  }

  public Optional<SplitMetrics> test() {
    return Optional.ofNullable(metrics.get(Split.TEST));
  }
}
