package dev.diaharness.report;

import dev.diaharness.optimize.IterationRecord;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.Split;
import dev.diaharness.run.SplitMetrics;
import java.util.List;
import java.util.Optional;

/**
 * What the files say about one iteration: its metrics per split (empty while they were not written yet, e.g. after
 * a crash), its eval rows per split (latest row per question and repeat, sorted by question then repeat), and its
 * trajectory record in an optimize run. Immutable.
 */
public record IterationData(int iteration, Optional<SplitMetrics> train, Optional<SplitMetrics> test,
    List<ItemResult> trainRows, List<ItemResult> testRows, Optional<IterationRecord> record) {

  public IterationData {
    trainRows = List.copyOf(trainRows);
    testRows = List.copyOf(testRows);
  }

  public Optional<SplitMetrics> metrics(Split split) {
    return split == Split.TRAIN ? train : test;
  }

  public List<ItemResult> rows(Split split) {
    return split == Split.TRAIN ? trainRows : testRows;
  }

  /** Whether anything at all was recorded for {@code split} in this iteration. */
  public boolean has(Split split) {
    return metrics(split).isPresent() || !rows(split).isEmpty();
  }
}
