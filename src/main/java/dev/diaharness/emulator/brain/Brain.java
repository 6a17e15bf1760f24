package dev.diaharness.emulator.brain;

import dev.diaharness.config.AgentConfig;

/**
 * The part of the emulator that writes SQL: given the agent's <em>current</em> configuration and a question, it
 * answers with the SQL it would run and the reasoning it shows as thoughts, or with no SQL. Implementations must
 * be thread-safe: the server calls one brain from many conversations at once.
 */
public interface Brain {
  /**
   * Answers one question.
   *
   * @param config the agent's configuration as it is now (after any PATCH)
   * @param question the user's question
   * @param repeat the 0-based repeat of this question on this config (the harness's repeat number minus one, or
   *     for other clients the number of earlier asks), so that a sampling brain can vary its answer across repeats
   *     and still be deterministic for (seed, config, question, repeat)
   */
  BrainAnswer answer(AgentConfig config, String question, int repeat);
}
