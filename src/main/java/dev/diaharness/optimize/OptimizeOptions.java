package dev.diaharness.optimize;

import java.util.Optional;

/**
 * The stop and rollback rules of the loop.
 *
 * @param targetAccuracy stop once training accuracy (0–1) reaches it
 * @param patience       stop after this many iterations without a new best training accuracy
 * @param rollbackPoints a training accuracy this many points (percent) below the best rolls back to the best config
 */
public record OptimizeOptions(int maxIterations, Optional<Double> targetAccuracy, Optional<Integer> patience,
    double rollbackPoints) {
  public OptimizeOptions {
    if (maxIterations < 1) {
      throw new IllegalArgumentException("--max-iterations must be >= 1, got " + maxIterations);
    }
    targetAccuracy.filter(t -> t <= 0 || t > 1).ifPresent(t -> {
      throw new IllegalArgumentException("--target-accuracy must be within (0, 100] percent");
    });
    patience.filter(p -> p < 1).ifPresent(p -> {
      throw new IllegalArgumentException("--patience must be >= 1, got " + p);
    });
  }
}
