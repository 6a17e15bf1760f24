package dev.diaharness.scoring;

import java.util.Optional;

/**
 * One stage of the scoring pipeline: it decides, with evidence, or hands the answer on (empty). The LLM judge is
 * a stage too, plugged in last.
 */
public interface ScoringStage {
  Optional<Verdict> decide(ScoringInput input);
}
