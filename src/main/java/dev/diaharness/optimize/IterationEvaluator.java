package dev.diaharness.optimize;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.run.EvaluationResult;
import dev.diaharness.run.ItemResult;
import java.util.List;

/** Evaluates the deployed agent for one iteration (train ∥ test) and gives back the training rows. */
public interface IterationEvaluator {
  /**
   * Evaluates iteration {@code i}; {@code config} is what the agent holds (for the scorer's schema description). The
   * result holds the training rows ({@code result.rows(Split.TRAIN)}), every repeat, in the set's order: the loop
   * records and proposes from them without reading them back.
   */
  EvaluationResult evaluate(int iteration, AgentConfig config);

  /** The training rows of an earlier evaluated iteration, every repeat (read back: a rollback to it). */
  List<ItemResult> trainRows(int iteration);
}
