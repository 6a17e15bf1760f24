package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.run.EvaluationResult;
import dev.diaharness.run.Split;
import dev.diaharness.run.SplitAggregator;
import dev.diaharness.testing.Rows;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SummaryPrinterTest {
  /** A split of 10 questions, one repeat, {@code passes} of them passing. */
  private static dev.diaharness.run.SplitMetrics split(Split split, int passes) {
    SplitAggregator agg = new SplitAggregator(split, 1);
    for (int i = 0; i < 10; i++) {
      boolean pass = i < passes;
      agg.add(Rows.passOrFail(split, "q" + i, 1, pass));
    }
    return agg.metrics();
  }

  private static String print(EvaluationResult result) {
    StringWriter out = new StringWriter();
    new SummaryPrinter(new PrintWriter(out)).print(result);
    return out.toString();
  }

  @Test
  void warnsAboutOverfittingOnlyAboveTenPointsOfGap() {
    String overfit = print(new EvaluationResult(1, Map.of(Split.TRAIN, split(Split.TRAIN, 9),
        Split.TEST, split(Split.TEST, 7))));
    assertThat(overfit).contains("train–test gap: +20.0 points").contains("WARNING").contains("overfitting");
    String fine = print(new EvaluationResult(1, Map.of(Split.TRAIN, split(Split.TRAIN, 8),
        Split.TEST, split(Split.TEST, 7))));
    assertThat(fine).contains("train–test gap: +10.0 points").doesNotContain("WARNING");
  }

  @Test
  void showsAccuracyWithItsIntervalAndTheStatusCounts() {
    String text = print(new EvaluationResult(1, Map.of(Split.TRAIN, split(Split.TRAIN, 4))));
    assertThat(text).contains("40.0% [").contains("4/10").contains("EXACT 4").contains("EXEC_MISMATCH 6")
        .doesNotContain("train–test gap");
  }

  @Test
  void theGateFailsOnlyBelowTheMinimum() {
    EvaluationResult result = new EvaluationResult(1, Map.of(Split.TRAIN, split(Split.TRAIN, 8)));
    assertThat(SummaryPrinter.gateFailure(result, Optional.of(80.0))).isEmpty();
    assertThat(SummaryPrinter.gateFailure(result, Optional.of(80.1))).get().asString().contains("below");
    assertThat(SummaryPrinter.gateFailure(result, Optional.empty())).isEmpty();
  }

  /** 10 questions, one repeat: q0..q4 tagged "lookup" (all pass), q5..q9 "join" with {@code joinPasses} passing. */
  private static dev.diaharness.run.SplitMetrics tagged(Split split, int joinPasses) {
    java.util.List<dev.diaharness.dataset.GoldenCase> cases = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      cases.add(new dev.diaharness.dataset.GoldenCase("q" + i, "q", "SELECT 1", java.util.List.of(), false,
          java.util.List.of(i < 5 ? "lookup" : "join", "all"), Map.of()));
    }
    SplitAggregator agg = new SplitAggregator(split, 1, cases);
    for (int i = 0; i < 10; i++) {
      boolean pass = i < 5 || i - 5 < joinPasses;
      agg.add(Rows.passOrFail(split, "q" + i, 1, pass));
    }
    return agg.metrics();
  }

  @Test
  void listsTheWeakestTagsOfEachSplitLowestFirst() {
    String text = print(new EvaluationResult(1, Map.of(Split.TRAIN, tagged(Split.TRAIN, 4),
        Split.TEST, tagged(Split.TEST, 1))));
    assertThat(text).contains("weakest tags, train (3 of 3 tags):").contains("weakest tags, test (3 of 3 tags):");
    String test = text.substring(text.indexOf("weakest tags, test"));
    assertThat(test).containsSubsequence("join", "20.0%", "1/5 passed, 5 questions", "all", "60.0%", "lookup",
        "100.0%");
  }

  @Test
  void noTagsNoWeakestTags() {
    assertThat(print(new EvaluationResult(1, Map.of(Split.TRAIN, split(Split.TRAIN, 4)))))
        .doesNotContain("weakest tags");
  }

  @Test
  void atMostTheConfiguredNumberOfTagsIsListed() {
    assertThat(WeakestTags.weakest(tagged(Split.TRAIN, 0), 2)).extracting(Map.Entry::getKey)
        .containsExactly("join", "all");
  }
}
