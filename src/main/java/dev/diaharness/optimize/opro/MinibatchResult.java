package dev.diaharness.optimize.opro;

import dev.diaharness.dataset.GoldenCase;
import java.util.List;
import java.util.Map;

/**
 * What one config scored on a screening minibatch: question id → passed. Immutable.
 */
public record MinibatchResult(Map<String, Boolean> passedById) {
  public MinibatchResult {
    passedById = Map.copyOf(passedById);
  }

  /** Whether {@code c} passed; a question missing from the result counts as failed. */
  public boolean passed(GoldenCase c) {
    return passedById.getOrDefault(c.id(), false);
  }

  /** Questions of {@code minibatch} that passed. */
  public int passes(List<GoldenCase> minibatch) {
    return (int) minibatch.stream().filter(this::passed).count();
  }
}
