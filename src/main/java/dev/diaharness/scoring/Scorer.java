package dev.diaharness.scoring;

/**
 * The port that scores one answer (SPEC §4): cheapest stage first, the first stage that decides ends it.
 * Implementations are thread-safe and never throw on agent input.
 */
public interface Scorer {
  Verdict score(ScoringInput input);
}
