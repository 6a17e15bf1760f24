package dev.diaharness.scoring;

import dev.diaharness.sql.ComparisonOptions;
import dev.diaharness.sql.ComparisonPolicy;
import dev.diaharness.sql.ExecutionResult;
import dev.diaharness.sql.PolicyComparator;
import dev.diaharness.sql.QueryShape;
import dev.diaharness.sql.ResultComparator;
import dev.diaharness.sql.ResultComparison;
import dev.diaharness.sql.ResultTable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether two equal results are equal by luck of the physical row order: when either query's result may depend on it
 * ({@link QueryShape#orderDependent()}), both run again on a copy of the base with its rows shuffled. An answer whose
 * result changes is {@code UNSTABLE} (FAIL) — unless the lenient policy accepts both of its results as tie-breaks of
 * the expected ones; an expected result that changes while the answer's does not is {@code UNSTABLE} (UNDECIDED):
 * the golden SQL itself is ill-defined. Thread-safe.
 */
final class StabilityCheck {
  private final VariantExecutors variants;
  private final AnswerComparer comparer;

  StabilityCheck(VariantExecutors variants, AnswerComparer comparer) {
    this.variants = variants;
    this.comparer = comparer;
  }

  /** A verdict when the results are unstable, else empty (stable, accepted, not order-dependent, or no shuffled copy). */
  Optional<Verdict> check(String expectedSql, String generatedSql, ResultTable gold, ResultTable predicted,
      boolean orderMatters, CategoryScores partial) {
    if (!QueryShape.of(expectedSql).orderDependent() && !QueryShape.of(generatedSql).orderDependent()) {
      return Optional.empty();
    }
    Optional<VariantExecutors.Variant> shuffled = variants.shuffled();
    if (shuffled.isEmpty()
        || !(shuffled.get().executor().executeBigQuery(expectedSql) instanceof ExecutionResult.Rows goldRows)
        || !(shuffled.get().executor().executeBigQuery(generatedSql) instanceof ExecutionResult.Rows predictedRows)) {
      return Optional.empty(); // a query that fails only on the same rows reordered is not this check's business
    }
    ResultTable goldShuffled = goldRows.table();
    ResultTable predictedShuffled = predictedRows.table();
    ResultComparison answerRuns = sameQuery(predicted, predictedShuffled, QueryShape.of(generatedSql));
    ResultComparison expectedRuns = sameQuery(gold, goldShuffled, QueryShape.of(expectedSql));
    if (answerRuns.equal() && expectedRuns.equal()) {
      return Optional.empty();
    }
    PolicyComparator.Result onShuffled = comparer.compare(expectedSql, generatedSql, goldShuffled, predictedShuffled,
        orderMatters, shuffled.get().executor());
    boolean tieBreakOnly = comparer.policy() == ComparisonPolicy.LENIENT && onShuffled.equal();
    if (tieBreakOnly) {
      return Optional.empty();
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("variant", shuffled.get().description());
    if (!answerRuns.equal()) {
      details.put("answer_on_base_vs_shuffled", answerRuns.evidence());
      return Optional.of(Verdict.of(Outcome.FAIL, Status.UNSTABLE, partial, new Evidence(
          "the generated SQL's result depends on the physical order of rows (same rows shuffled: "
              + answerRuns.summary() + ")", details)));
    }
    details.put("expected_on_base_vs_shuffled", expectedRuns.evidence());
    return Optional.of(Verdict.of(Outcome.UNDECIDED, Status.UNSTABLE, partial, new Evidence(
        "the expected SQL's result depends on the physical order of rows, so matching it proves nothing (same rows "
            + "shuffled: " + expectedRuns.summary() + ")", details)));
  }

  /** One query's two runs: as sequences when it orders its result, else as multisets; columns exactly. */
  private static ResultComparison sameQuery(ResultTable first, ResultTable second, QueryShape shape) {
    return ResultComparator.compare(first, second, ComparisonOptions.DEFAULTS.withOrderMatters(shape.ordersAtTopLevel()));
  }
}
