package dev.diaharness.compare;

import dev.diaharness.run.ItemResult;
import java.util.List;
import java.util.Optional;

/**
 * One question in one run: how many of its repeats passed, whether it passes (more than half did), and the SQL of
 * a repeat that agrees with that, for showing side by side.
 */
public record QuestionOutcome(String questionId, String question, int repeats, int passedRepeats, String sql,
    String status) {

  public boolean passes() {
    return 2 * passedRepeats > repeats;
  }

  /** The outcome of the rows of one question (all its repeats in one iteration and split); empty for no rows. */
  static Optional<QuestionOutcome> of(List<ItemResult> rows) {
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    int passed = (int) rows.stream().filter(ItemResult::passed).count();
    boolean passes = 2 * passed > rows.size();
    ItemResult shown = rows.stream().filter(r -> r.passed() == passes).findFirst().orElse(rows.get(0));
    return Optional.of(new QuestionOutcome(shown.key().questionId(), shown.question().text(), rows.size(), passed,
        shown.answer().sql().orElse(""), shown.verdict().status().name()));
  }
}
