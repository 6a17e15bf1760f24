package dev.diaharness.run;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Objects;

/**
 * The metrics of one split in one iteration (SPEC §6), in named parts. {@link SplitAggregator} builds them; files
 * ({@code metrics.json}, the trajectory) hold them in their flat shape, {@link SplitMetricsJson}. Immutable.
 *
 * @param counts     how many questions, repeats and items were evaluated, and how many passed
 * @param estimates  the accuracy and how far to trust it: per repeat, per question, 95% interval, pass@k, pass^k
 * @param outcomes   scores and statuses of the items' verdicts
 * @param byQuestion flaky questions, pass rates and stats per question
 * @param groups     accuracy by tag and by complexity
 * @param calls      latency percentiles and agent calls
 */
@JsonSerialize(converter = SplitMetricsJson.FromMetrics.class)
@JsonDeserialize(converter = SplitMetricsJson.ToMetrics.class)
public record SplitMetrics(
    Split split,
    SplitCounts counts,
    AccuracyEstimates estimates,
    OutcomeSummary outcomes,
    QuestionBreakdown byQuestion,
    GroupBreakdown groups,
    CallStats calls) {

  public SplitMetrics {
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(estimates, "estimates");
    Objects.requireNonNull(outcomes, "outcomes");
    Objects.requireNonNull(byQuestion, "byQuestion");
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(calls, "calls");
  }

  /** PASS items / all items, 0–1 (see {@link AccuracyEstimates#accuracy}). */
  public double accuracy() {
    return estimates.accuracy();
  }

  /** Accuracy in percent, for display. */
  public double accuracyPercent() {
    return estimates.accuracy() * 100;
  }

  /** Finished items (see {@link SplitCounts#items}). */
  public long items() {
    return counts.items();
  }

  /** Items that passed (see {@link SplitCounts#passed}). */
  public long passed() {
    return counts.passed();
  }

  /**
   * Whether the per-question stats are missing although items were counted: a file written before they existed,
   * which a reader completes with {@link #withPerQuestion}.
   */
  public boolean lacksPerQuestion() {
    return byQuestion.stats().isEmpty() && counts.items() > 0;
  }

  /** These metrics with the per-question stats filled in (see {@link #lacksPerQuestion}). */
  public SplitMetrics withPerQuestion(Map<String, QuestionStats> stats) {
    return new SplitMetrics(split, counts, estimates, outcomes, byQuestion.withStats(stats), groups, calls);
  }
}
