package dev.diaharness.optimize.opro;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.dataset.GoldenCase;
import java.util.List;

/**
 * The port that tries a candidate config on a few training questions before the optimizer commits to it: it runs
 * the agent (the emulator, or the real agent) with {@code candidate} on each question of {@code minibatch} and scores
 * the answers like an evaluation does. The proposer calls it from one thread, one candidate at a time, so an
 * implementation may deploy each candidate to a single agent. Only training questions are ever passed.
 */
public interface CandidateScreen {
  /**
   * @return whether each minibatch question passed with {@code candidate}; a question left out counts as failed
   * @throws RuntimeException when the candidate could not be tried; that candidate is then set aside with the reason
   */
  MinibatchResult screen(AgentConfig candidate, List<GoldenCase> minibatch);
}
