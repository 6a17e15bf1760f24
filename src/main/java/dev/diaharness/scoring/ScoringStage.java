package dev.diaharness.scoring;

import java.util.Optional;

/**
 * One stage of the scoring pipeline: it decides, with evidence, or hands the answer on (empty). The LLM judge is
 * a stage too, plugged in last.
 */
public interface ScoringStage {
  Optional<Verdict> decide(ScoringInput input);

  /**
   * Why this stage handed the answer on, when that is worth telling the reader of an UNSUPPORTED verdict (the
   * function the translator refused); empty by default. Called only when no stage decided.
   */
  default Optional<String> whyUndecided(ScoringInput input) {
    return Optional.empty();
  }
}
