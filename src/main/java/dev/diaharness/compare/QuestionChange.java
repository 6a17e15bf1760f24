package dev.diaharness.compare;

import dev.diaharness.run.Split;
import java.util.Optional;

/**
 * One question compared: its outcome in A and in B (empty where it was not asked) and what changed. A flat record
 * per question and split, so that reports can group the changes any way (by split, by tag…).
 */
public record QuestionChange(Split split, String questionId, String question, String expectedSql,
    Optional<QuestionOutcome> a, Optional<QuestionOutcome> b, Change change) {

  static QuestionChange of(Split split, String questionId, String question, String expectedSql,
      Optional<QuestionOutcome> a, Optional<QuestionOutcome> b) {
    Change change;
    if (a.isEmpty()) {
      change = Change.ONLY_IN_B;
    } else if (b.isEmpty()) {
      change = Change.ONLY_IN_A;
    } else if (a.get().passes() == b.get().passes()) {
      change = a.get().passes() ? Change.STILL_PASSING : Change.STILL_FAILING;
    } else {
      change = b.get().passes() ? Change.FIXED : Change.BROKEN;
    }
    return new QuestionChange(split, questionId, question, expectedSql, a, b, change);
  }
}
