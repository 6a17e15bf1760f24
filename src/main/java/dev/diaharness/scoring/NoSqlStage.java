package dev.diaharness.scoring;

import java.util.Optional;

/** Stage 1: an answer without SQL fails as NO_SQL, and nothing after it (least of all a judge) is asked. */
public final class NoSqlStage implements ScoringStage {
  @Override
  public Optional<Verdict> decide(ScoringInput input) {
    if (input.generatedSql().isPresent()) {
      return Optional.empty();
    }
    return Optional.of(Verdict.of(Outcome.FAIL, Status.NO_SQL, CategoryScores.ZERO,
        Evidence.of("the agent's answer contained no SQL")));
  }
}
