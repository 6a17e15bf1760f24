package dev.diaharness.optimize;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.run.EvaluationResult;
import dev.diaharness.run.ItemResult;
import java.util.List;

/** Evaluates the deployed agent for one iteration (train ∥ test) and gives back the training rows. */
public interface IterationEvaluator {
  /** Evaluates iteration {@code i}; {@code config} is what the agent holds (for the scorer's schema description). */
  EvaluationResult evaluate(int iteration, AgentConfig config);

  /** The training rows of an evaluated iteration, every repeat. */
  List<ItemResult> trainRows(int iteration);
}
