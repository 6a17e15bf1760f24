package dev.diaharness.optimize;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the best evaluated iteration on TRAINING data only — highest training accuracy, ties broken by training
 * mean score, then by the earlier iteration (fewer changes). The test set never decides.
 */
public final class BestConfig {
  private static final Comparator<IterationRecord> BY_TRAINING =
      Comparator.<IterationRecord>comparingDouble(r -> r.trainMetrics().accuracy())
          .thenComparingDouble(r -> r.trainMetrics().outcomes().meanScore())
          .thenComparing(Comparator.comparingInt(IterationRecord::iteration).reversed());

  private BestConfig() {}

  public static Optional<IterationRecord> of(List<IterationRecord> evaluated) {
    return evaluated.stream().filter(r -> r.trainMetrics() != null).max(BY_TRAINING);
  }
}
