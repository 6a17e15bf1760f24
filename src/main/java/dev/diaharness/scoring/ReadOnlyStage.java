package dev.diaharness.scoring;

import dev.diaharness.sql.StatementKind;
import java.util.Optional;

/**
 * Stage 2: agent SQL that is not one read-only query (DROP, INSERT, two statements…) fails as PRED_ERROR — with or
 * without tables to run it on, and before any judge could call it equivalent. It is never run.
 */
public final class ReadOnlyStage implements ScoringStage {
  @Override
  public Optional<Verdict> decide(ScoringInput input) {
    return input.generatedSql().flatMap(StatementKind::notAQuery).map(why -> Verdict.of(Outcome.FAIL,
        Status.PRED_ERROR, CategoryScores.ZERO, Evidence.of("refused, never run: " + why)));
  }
}
