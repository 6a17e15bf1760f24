package dev.diaharness.optimize.opro;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.dataset.GoldenCase;
import java.util.ArrayList;
import java.util.List;

/**
 * The port that tries candidate configs on a few training questions before the optimizer commits to one: it runs
 * the agent (the emulator, or the real agent) with each candidate on each question of the minibatch and scores the
 * answers like an evaluation does. Only training questions are ever passed. The proposer calls it from one thread.
 */
public interface CandidateScreen {
  /**
   * Screens one candidate.
   *
   * @return whether each minibatch question passed with {@code candidate}; a question left out counts as failed
   * @throws RuntimeException when the candidate could not be tried; that candidate is then set aside with the reason
   */
  MinibatchResult screen(AgentConfig candidate, List<GoldenCase> minibatch);

  /**
   * Screens all candidates of one step, in any order and as concurrently as the implementation can; a candidate
   * that cannot be tried does not stop the others. By default one after the other with {@link #screen}.
   *
   * @return one outcome per candidate, in the order given
   */
  default List<Screened> screenAll(List<AgentConfig> candidates, List<GoldenCase> minibatch) {
    List<Screened> outcomes = new ArrayList<>();
    for (AgentConfig candidate : candidates) {
      try {
        outcomes.add(Screened.passed(screen(candidate, minibatch)));
      } catch (RuntimeException e) {
        outcomes.add(Screened.failed(e.getMessage()));
      }
    }
    return outcomes;
  }
}
