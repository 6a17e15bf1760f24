package dev.diaharness.run;

import dev.diaharness.core.OrderedMaps;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code metrics.json}: every evaluated iteration's metrics per split, plus token and cost totals. Rewritten
 * atomically after each evaluation.
 *
 * @param usage role → {input_tokens, output_tokens, cost_usd} (agent, judge, analysis, improvement)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MetricsFile(int version, String runId, List<IterationMetrics> iterations,
    Map<String, Map<String, Double>> usage, double totalCostUsd) {

  /** 2: each split's metrics carry {@code per_question}; version 1 files are read (the report folds the rows). */
  public static final int CURRENT_VERSION = 2;

  /** One iteration: "train" and, when a test set was given, "test". */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record IterationMetrics(int iteration, SplitMetrics train, SplitMetrics test) {}

  public MetricsFile {
    iterations = List.copyOf(iterations);
    usage = OrderedMaps.copyOf(usage);
  }

  public MetricsFile with(EvaluationResult result) {
    List<IterationMetrics> list = new ArrayList<>(iterations);
    list.removeIf(m -> m.iteration() == result.iteration());
    list.add(new IterationMetrics(result.iteration(), result.train(), result.test().orElse(null)));
    list.sort(Comparator.comparingInt(IterationMetrics::iteration));
    return new MetricsFile(CURRENT_VERSION, runId, list, usage, totalCostUsd);
  }

  public MetricsFile withUsage(Map<String, Map<String, Double>> byRole, double totalUsd) {
    return new MetricsFile(CURRENT_VERSION, runId, iterations, byRole, totalUsd);
  }
}
