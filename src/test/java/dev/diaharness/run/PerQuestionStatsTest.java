package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.core.AtomicFiles;
import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Status;
import dev.diaharness.testing.SeededTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code metrics.json}'s per-question stats are what the rows say: each question's repeats, passes, error rows,
 * statuses and text equal a plain recount of its rows, whatever order the rows arrived in; the flaky list and the
 * pass rates the file also holds agree with them; and they survive the file (written, then read back).
 */
class PerQuestionStatsTest {
  @TempDir Path temp;

  @SeededTest(cases = 60)
  void perQuestionStatsEqualARecountOfTheRows(long seed) {
    List<ItemResult> rows = new ArrayList<>(RandomRows.of(seed));
    Collections.shuffle(rows, new Random(seed));
    SplitAggregator aggregator = new SplitAggregator(Split.TRAIN, 4);
    rows.forEach(aggregator::add);
    SplitMetrics metrics = aggregator.metrics();

    Map<String, QuestionStats> expected = recount(rows);
    assertThat(metrics.byQuestion().stats()).isEqualTo(expected);
    assertThat(metrics.byQuestion().stats().keySet()).containsExactlyElementsOf(expected.keySet()); // sorted by id
    assertThat(metrics.byQuestion().flaky()).containsExactlyElementsOf(expected.entrySet().stream()
        .filter(e -> e.getValue().passes() > 0 && e.getValue().passes() < e.getValue().repeats())
        .map(Map.Entry::getKey).toList());
    expected.forEach((id, q) -> assertThat(metrics.byQuestion().passRates().get(id)).as(id)
        .isEqualTo((double) q.passes() / q.repeats()));
    assertThat(SplitAggregator.questionStats(rows)).isEqualTo(expected);
  }

  @SeededTest(cases = 60)
  void perQuestionStatsSurviveMetricsJson(long seed) {
    SplitAggregator aggregator = new SplitAggregator(Split.TRAIN, 4);
    RandomRows.of(seed).forEach(aggregator::add);
    SplitMetrics metrics = aggregator.metrics();
    Path file = temp.resolve("metrics.json");
    AtomicFiles.writeJson(file, new MetricsFile(MetricsFile.CURRENT_VERSION, "r", List.of(), Map.of(), 0)
        .with(new EvaluationResult(1, Map.of(Split.TRAIN, metrics))));

    SplitMetrics read = MetricsReader.FILES.read(file).iterations().get(0).train();
    assertThat(read.byQuestion().stats()).isEqualTo(metrics.byQuestion().stats());
    assertThat(read.lacksPerQuestion()).isFalse();
  }

  /** Question id (sorted) → its stats, counted row by row. */
  private static Map<String, QuestionStats> recount(List<ItemResult> rows) {
    Map<String, List<ItemResult>> byId = new TreeMap<>();
    rows.forEach(r -> byId.computeIfAbsent(r.key().questionId(), k -> new ArrayList<>()).add(r));
    Map<String, QuestionStats> stats = new TreeMap<>();
    byId.forEach((id, list) -> {
      Map<Status, Integer> statuses = new EnumMap<>(Status.class);
      list.forEach(r -> statuses.merge(r.verdict().status(), 1, Integer::sum));
      stats.put(id, new QuestionStats(list.get(0).question().text(), list.size(),
          (int) list.stream().filter(r -> r.verdict().outcome() == Outcome.PASS).count(),
          (int) list.stream().filter(r -> r.verdict().outcome() == Outcome.ERROR).count(), statuses));
    });
    return stats;
  }
}
