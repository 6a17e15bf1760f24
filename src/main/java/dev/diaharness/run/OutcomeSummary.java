package dev.diaharness.run;

import dev.diaharness.core.OrderedMaps;
import java.util.Map;

/**
 * What the verdicts of one split's items in one iteration were: their scores and their statuses. Immutable.
 *
 * @param meanScore     mean rubric score of all items (0–100)
 * @param categoryMeans category → mean score (data_source, filtering, …)
 * @param statusCounts  status name → items
 * @param errorCounts   error kind → items (agent errors by kind, GOLD_ERROR)
 */
public record OutcomeSummary(double meanScore, Map<String, Double> categoryMeans, Map<String, Long> statusCounts,
    Map<String, Long> errorCounts) {

  public OutcomeSummary {
    categoryMeans = OrderedMaps.copyOf(categoryMeans);
    statusCounts = OrderedMaps.copyOf(statusCounts);
    errorCounts = OrderedMaps.copyOf(errorCounts);
  }
}
