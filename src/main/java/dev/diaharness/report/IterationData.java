package dev.diaharness.report;

import dev.diaharness.optimize.IterationRecord;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.QuestionStats;
import dev.diaharness.run.Split;
import dev.diaharness.run.SplitAggregator;
import dev.diaharness.run.SplitMetrics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the files say about one iteration: its metrics per split (empty while they were not written yet, e.g. after
 * a crash), its per-question stats per split, its eval rows per split (latest row per question and repeat, sorted by
 * question then repeat), and its trajectory record in an optimize run. Immutable.
 *
 * @param questionStats split → question id (natural order) → its stats; see {@link #of}
 */
public record IterationData(int iteration, Optional<SplitMetrics> train, Optional<SplitMetrics> test,
    List<ItemResult> trainRows, List<ItemResult> testRows, Optional<IterationRecord> record,
    Map<Split, Map<String, QuestionStats>> questionStats) {

  public IterationData {
    trainRows = List.copyOf(trainRows);
    testRows = List.copyOf(testRows);
    Map<Split, Map<String, QuestionStats>> copy = new EnumMap<>(Split.class);
    questionStats.forEach((split, stats) -> copy.put(split, sorted(stats)));
    questionStats = Collections.unmodifiableMap(copy);
  }

  /**
   * The iteration with its per-question stats as the run wrote them in the metrics. This is the one upgrade step for
   * what the run did not write: metrics from a file written before {@code per_question} existed, or no metrics at
   * all (the run ended before the evaluation finished), get stats folded from the rows exactly as the run folds them
   * ({@link SplitAggregator#questionStats}).
   */
  public static IterationData of(int iteration, Optional<SplitMetrics> train, Optional<SplitMetrics> test,
      List<ItemResult> trainRows, List<ItemResult> testRows, Optional<IterationRecord> record) {
    Map<Split, Map<String, QuestionStats>> stats = new EnumMap<>(Split.class);
    stats.put(Split.TRAIN, statsOf(train, trainRows));
    stats.put(Split.TEST, statsOf(test, testRows));
    return new IterationData(iteration, train, test, trainRows, testRows, record, stats);
  }

  private static Map<String, QuestionStats> statsOf(Optional<SplitMetrics> metrics, List<ItemResult> rows) {
    return metrics.filter(m -> !m.lacksPerQuestion()).map(m -> m.byQuestion().stats())
        .orElseGet(() -> SplitAggregator.questionStats(rows));
  }

  private static Map<String, QuestionStats> sorted(Map<String, QuestionStats> stats) {
    Map<String, QuestionStats> byId = new TreeMap<>(NaturalOrder.INSTANCE);
    byId.putAll(stats);
    return Collections.unmodifiableMap(byId);
  }

  public Optional<SplitMetrics> metrics(Split split) {
    return split == Split.TRAIN ? train : test;
  }

  public List<ItemResult> rows(Split split) {
    return split == Split.TRAIN ? trainRows : testRows;
  }

  /** Question id (natural order) → its stats in {@code split}; empty when nothing was recorded. */
  public Map<String, QuestionStats> questions(Split split) {
    return questionStats.getOrDefault(split, Map.of());
  }

  /**
   * The flaky questions of {@code split} (natural order): as the metrics list them, else (no metrics written) from
   * the per-question stats.
   */
  public List<String> flakyQuestions(Split split) {
    List<String> ids = new ArrayList<>(metrics(split).map(m -> m.byQuestion().flaky())
        .orElseGet(() -> questions(split).entrySet().stream().filter(e -> e.getValue().flaky())
            .map(Map.Entry::getKey).toList()));
    ids.sort(NaturalOrder.INSTANCE);
    return ids;
  }

  /** Whether anything at all was recorded for {@code split} in this iteration. */
  public boolean has(Split split) {
    return metrics(split).isPresent() || !rows(split).isEmpty();
  }
}
