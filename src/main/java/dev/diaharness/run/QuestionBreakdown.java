package dev.diaharness.run;

import dev.diaharness.core.OrderedMaps;
import java.util.List;
import java.util.Map;

/**
 * One split's results question by question, in one iteration. Immutable.
 *
 * @param flaky     ids of questions that passed some repeats and failed others
 * @param passRates question id → its pass rate
 * @param stats     question id → its repeats, passes, errors, statuses and text (sorted by id); what the report's
 *                  per-question table, failures and heatmap show. Empty when read from a file written before it
 *                  existed: {@code report} then folds the rows again ({@link SplitAggregator#questionStats})
 */
public record QuestionBreakdown(List<String> flaky, Map<String, Double> passRates,
    Map<String, QuestionStats> stats) {

  public QuestionBreakdown {
    flaky = List.copyOf(flaky);
    passRates = OrderedMaps.copyOf(passRates);
    stats = OrderedMaps.copyOf(stats);
  }

  /** This breakdown with {@code stats} in place of the current ones. */
  public QuestionBreakdown withStats(Map<String, QuestionStats> stats) {
    return new QuestionBreakdown(flaky, passRates, stats);
  }
}
