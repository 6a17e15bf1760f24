package dev.diaharness.run;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics of each split of one iteration's evaluation, and the rows of the splits the caller asked to keep.
 *
 * @param rows split → its rows (one per question and repeat, in the set's order then repeat), only for the splits
 *             the evaluation was asked to keep: rows are otherwise not held in memory
 */
public record EvaluationResult(int iteration, Map<Split, SplitMetrics> metrics, Map<Split, List<ItemResult>> rows) {
  public EvaluationResult {
    metrics = Map.copyOf(metrics);
    Map<Split, List<ItemResult>> copy = new EnumMap<>(Split.class);
    rows.forEach((split, list) -> copy.put(split, List.copyOf(list)));
    rows = Map.copyOf(copy);
  }

  /** Metrics only, no rows kept. */
  public EvaluationResult(int iteration, Map<Split, SplitMetrics> metrics) {
    this(iteration, metrics, Map.of());
  }

  public SplitMetrics train() {
    return metrics.get(Split.TRAIN);
  }

  public Optional<SplitMetrics> test() {
    return Optional.ofNullable(metrics.get(Split.TEST));
  }

  /** The rows of {@code split}, when the evaluation was asked to keep them. */
  public Optional<List<ItemResult>> rows(Split split) {
    return Optional.ofNullable(rows.get(split));
  }
}
