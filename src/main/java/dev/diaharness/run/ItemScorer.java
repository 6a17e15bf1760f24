package dev.diaharness.run;

import dev.diaharness.agent.Answer;
import dev.diaharness.agent.ToolEvent;
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
import java.util.List;
import java.util.Map;

/** Turns one agent answer into its journal row: error rows for broken conversations, else the scorer's verdict. */
final class ItemScorer {
  private final Scorer scorer;
  private final Clock clock;

  ItemScorer(Scorer scorer, Clock clock) {
    this.scorer = scorer;
    this.clock = clock;
  }

  ItemResult toResult(WorkItem item, String schemaDescription, Answer answer, Duration elapsed) {
    if (answer.error().isPresent()) {
      var error = answer.error().get();
      Verdict v = Verdict.of(Outcome.ERROR, Status.AGENT_ERROR, CategoryScores.ZERO,
          Evidence.of(error.kind() + ": " + error.reason()));
      return row(item, answer, v, elapsed, error.reason(), error.kind().name());
    }
    Verdict verdict = scoreSafely(new ScoringInput(
        item.goldenCase(), answer.sql(), answer.thoughts(), answer.responseText(), schemaDescription));
    String error = verdict.status() == Status.GOLD_ERROR ? verdict.evidence().summary() : null;
    return row(item, answer, verdict, elapsed, error, error == null ? null : Status.GOLD_ERROR.name());
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

  private ItemResult row(WorkItem item, Answer answer, Verdict v, Duration elapsed, String error, String errorKind) {
    var key = item.key();
    var gc = item.goldenCase();
    return new ItemResult(ItemResult.CURRENT_VERSION, key.iteration(), key.split(), key.questionId(), key.repeat(),
        gc.question(), gc.expectedSql(), answer.sql().orElse(null), answer.sqlSource().name(),
        answer.thoughts(), answer.responseText(), v.outcome(), v.status(), v.score(), v.categories(), v.evidence(),
        elapsed.toMillis(), answer.callLatencies().size(), Map.of(), clock.instant(), error, errorKind,
        answer.toolEvents().stream().map(ToolEvent::describe).toList(),
        error == null ? null : rawStart(answer.rawChunks()), answer.rawChunks());
  }

  /** The start of the raw streams an error row keeps, so the failure can be read without {@code --keep-raw}. */
  static String rawStart(List<String> chunks) {
    String all = String.join("\n", chunks);
    return all.length() <= ItemResult.RAW_IN_ROW ? all : all.substring(0, ItemResult.RAW_IN_ROW);
  }
}
