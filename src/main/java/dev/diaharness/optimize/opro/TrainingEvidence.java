package dev.diaharness.optimize.opro;

import dev.diaharness.run.ItemResult;
import dev.diaharness.run.RowsByQuestion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-question view of one training evaluation that the optimizer learns from: the questions failed at least once
 * (lowest pass rate first, each with the evidence of its first failing repeat) and the questions that passed every
 * repeat (in evaluation order). A question whose failing repeats are all error rows (the agent or the golden SQL was
 * broken) is neither: there is nothing in it a prompt could fix. Derived from the verdicts only, so it agrees with the
 * accuracy. Immutable.
 */
final class TrainingEvidence {
  /** A question that passed every repeat. */
  record PassedQuestion(String questionId, String question, String expectedSql) {}

  private final List<FailedQuestion> failures;
  private final List<PassedQuestion> successes;
  private final Map<String, Double> passRates;

  private TrainingEvidence(List<FailedQuestion> failures, List<PassedQuestion> successes,
      Map<String, Double> passRates) {
    this.failures = List.copyOf(failures);
    this.successes = List.copyOf(successes);
    this.passRates = Map.copyOf(passRates);
  }

  static TrainingEvidence of(List<ItemResult> trainRows) {
    List<FailedQuestion> failures = new ArrayList<>();
    List<PassedQuestion> successes = new ArrayList<>();
    Map<String, Double> rates = new LinkedHashMap<>();
    RowsByQuestion.of(trainRows).forEach((id, rows) -> {
      double rate = (double) rows.stream().filter(ItemResult::passed).count() / rows.size();
      rates.put(id, rate);
      ItemResult first = rows.get(0);
      if (rate == 1.0) {
        successes.add(new PassedQuestion(id, first.question().text(), first.question().expectedSql()));
        return;
      }
      rows.stream().filter(r -> !r.passed() && !r.isError()).findFirst().ifPresent(r -> failures.add(
          new FailedQuestion(id, r.question().text(), r.question().expectedSql(), r.answer().sql().orElse(""),
              r.verdict().status().name(), rate, r.verdict().evidence().summary(),
              r.verdict().evidence().details())));
    });
    failures.sort(Comparator.comparingDouble(FailedQuestion::passRate)); // stable: ties keep evaluation order
    return new TrainingEvidence(failures, successes, rates);
  }

  List<FailedQuestion> failures() {
    return failures;
  }

  List<PassedQuestion> successes() {
    return successes;
  }

  /** Questions with rows in the evaluation. */
  int questions() {
    return passRates.size();
  }

  /**
   * Whether the evaluated config passed the question: a majority of its repeats (half counts) — the baseline of the
   * paired comparison on the screening minibatch.
   */
  boolean passedByMajority(String questionId) {
    return passRates.getOrDefault(questionId, 0.0) >= 0.5;
  }

  boolean isFailure(String questionId) {
    return failures.stream().anyMatch(f -> f.questionId().equals(questionId));
  }

  boolean isSuccess(String questionId) {
    return successes.stream().anyMatch(s -> s.questionId().equals(questionId));
  }
}
