package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.scoring.Evidence;
import dev.diaharness.scoring.Status;
import dev.diaharness.testing.Gen;
import dev.diaharness.testing.Rows;
import dev.diaharness.testing.SeededTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The metrics of a split are a function of its rows, not of the order they finished in: a resumed evaluation,
 * rebuilt from the journal in another order, must report the same numbers (the bootstrap interval included).
 */
class SplitAggregatorOrderTest {
  static List<ItemResult> rows(long seed) {
    Random random = new Random(seed);
    List<ItemResult> rows = new ArrayList<>();
    for (int q = 0; q < 30; q++) {
      for (int r = 1; r <= 3; r++) {
        boolean pass = random.nextInt(3) > 0;
        rows.add(Rows.scored(new ItemKey(1, Split.TRAIN, "q-" + q, r), "question " + q, "SELECT " + q,
            "SELECT " + q, Rows.verdict(pass, Status.EXEC_EQUIVALENT, Status.EXEC_MISMATCH, Evidence.of("")),
            Timing.of(10 + q, 3, Instant.EPOCH)));
      }
    }
    return rows;
  }

  static SplitMetrics aggregate(List<ItemResult> rows) {
    SplitAggregator aggregator = new SplitAggregator(Split.TRAIN, 3);
    rows.forEach(aggregator::add);
    return aggregator.metrics();
  }

  @SeededTest(cases = 50)
  void metricsDoNotDependOnTheOrderRowsArrive(long seed) {
    Random random = new Random(seed);
    long dataSeed = Gen.anyLong(random);
    long orderSeed = Gen.anyLong(random);
    List<ItemResult> rows = rows(dataSeed);
    List<ItemResult> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(orderSeed));
    SplitMetrics inOrder = aggregate(rows);
    SplitMetrics reordered = aggregate(shuffled);
    assertThat(reordered).isEqualTo(inOrder);
    assertThat(reordered.byQuestion().flaky()).containsExactlyElementsOf(inOrder.byQuestion().flaky());
    assertThat(reordered.byQuestion().passRates().keySet())
        .containsExactlyElementsOf(inOrder.byQuestion().passRates().keySet());
  }
}
