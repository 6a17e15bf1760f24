package dev.diaharness.run;

import dev.diaharness.agent.Answer;
import dev.diaharness.core.InputException;
import dev.diaharness.llm.BudgetExceededException;
import dev.diaharness.scoring.CategoryScores;
import dev.diaharness.scoring.Evidence;
import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Scorer;
import dev.diaharness.scoring.ScoringInput;
import dev.diaharness.scoring.Status;
import dev.diaharness.scoring.Verdict;
import java.time.Clock;
import java.time.Duration;

/** Turns one agent answer into its journal row: error rows for broken conversations, else the scorer's verdict. */
final class ItemScorer {
  private final Scorer scorer;
  private final Clock clock;

  ItemScorer(Scorer scorer, Clock clock) {
    this.scorer = scorer;
    this.clock = clock;
  }

  ItemResult toResult(WorkItem item, String schemaDescription, Answer answer, Duration elapsed) {
    var gc = item.goldenCase();
    var question = new AskedQuestion(gc.question(), gc.expectedSql());
    var kept = AgentAnswer.of(answer);
    var timing = Timing.of(elapsed.toMillis(), answer.callLatencies().size(), clock.instant());
    if (answer.error().isPresent()) {
      return ItemResult.agentError(item.key(), question, kept, answer.error().get(), timing);
    }
    Verdict verdict = scoreSafely(new ScoringInput(
        gc, answer.sql(), answer.thoughts(), answer.responseText(), schemaDescription));
    return verdict.status() == Status.GOLD_ERROR
        ? ItemResult.goldError(item.key(), question, kept, verdict, timing)
        : ItemResult.scored(item.key(), question, kept, verdict, timing);
  }

  /**
   * The scorer must not throw on agent input; if it does anyway, the item is undecided, never a pass. Bad
   * configuration (a model rejecting its key) and a spent budget are not about this item: they stop the run.
   */
  private Verdict scoreSafely(ScoringInput input) {
    try {
      return scorer.score(input);
    } catch (InputException | BudgetExceededException e) {
      throw new RunStoppingException(e);
    } catch (RuntimeException e) {
      return Verdict.of(Outcome.UNDECIDED, Status.UNSUPPORTED, CategoryScores.ZERO,
          Evidence.of("scorer failed: " + e));
    }
  }
}
