package dev.diaharness.cli;

import dev.diaharness.dataset.GoldenCase;
import java.util.Objects;
import java.util.Optional;

/**
 * One pair for {@code score}: the expected SQL, the SQL to score (empty = the answer had no SQL) and, when the input
 * gave them, the question and its id. Immutable.
 *
 * @param number 1-based position in the input, used as the case id when no question id is given
 */
record ScorePair(int number, String expectedSql, String generatedSql, Optional<String> question,
    Optional<String> questionId) {
  ScorePair {
    Objects.requireNonNull(expectedSql, "expectedSql");
    generatedSql = Objects.requireNonNullElse(generatedSql, "");
    question = Objects.requireNonNullElse(question, Optional.empty());
    questionId = Objects.requireNonNullElse(questionId, Optional.empty());
  }

  /** The golden case the scorer sees: no alternatives, order only when the expected SQL orders at top level. */
  GoldenCase goldenCase() {
    return GoldenCase.of(questionId.orElse("pair-" + number), question.orElse(""), expectedSql);
  }

  /** How the human output names the pair. */
  String label() {
    String base = "pair " + number;
    if (questionId.isPresent()) {
      return base + " (" + questionId.get() + ")";
    }
    return question.map(q -> base + ": " + q).orElse(base);
  }
}
