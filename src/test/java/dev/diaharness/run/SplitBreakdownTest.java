package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.core.Json;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.testing.Rows;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Per-tag and per-complexity accuracy of a split: counts, accuracy, interval, order, and its JSON form. */
class SplitBreakdownTest {
  // q0..q3 "lookup" (Simple), q4..q5 "join" (Complex), q3 also "join"; q6 untagged, no complexity
  private static final List<GoldenCase> CASES = List.of(
      tagged("q0", "Simple", "lookup"), tagged("q1", "Simple", "lookup"), tagged("q2", "Simple", "lookup"),
      tagged("q3", "Simple", "lookup", "join"), tagged("q4", "Complex", "join"), tagged("q5", "Complex", "join"),
      GoldenCase.of("q6", "question q6", "SELECT 6"));

  private static GoldenCase tagged(String id, String complexity, String... tags) {
    return new GoldenCase(id, "question " + id, "SELECT 1", List.of(), false, List.of(tags),
        Map.of("complexity", complexity));
  }

  private static ItemResult row(String id, int repeat, boolean pass) {
    return Rows.passOrFail(Split.TEST, id, repeat, pass);
  }

  /** Two repeats: q0, q1, q2 pass both; q3 passes one; q4 fails both; q5 passes both; q6 passes both. */
  private static List<ItemResult> rows() {
    List<ItemResult> rows = new ArrayList<>();
    for (int r = 1; r <= 2; r++) {
      rows.add(row("q0", r, true));
      rows.add(row("q1", r, true));
      rows.add(row("q2", r, true));
      rows.add(row("q3", r, r == 1));
      rows.add(row("q4", r, false));
      rows.add(row("q5", r, true));
      rows.add(row("q6", r, true));
    }
    return rows;
  }

  private static SplitMetrics aggregate(List<ItemResult> rows) {
    SplitAggregator aggregator = new SplitAggregator(Split.TEST, 2, CASES);
    rows.forEach(aggregator::add);
    return aggregator.metrics();
  }

  @Test
  void eachTagAndComplexityGetsItsCountsAccuracyAndInterval() {
    SplitMetrics m = aggregate(rows());
    assertThat(m.groups().byTag().keySet()).as("more questions first").containsExactly("lookup", "join");
    GroupAccuracy lookup = m.groups().byTag().get("lookup");
    assertThat(lookup.questions()).isEqualTo(4);
    assertThat(lookup.items()).isEqualTo(8);
    assertThat(lookup.passed()).isEqualTo(7);
    assertThat(lookup.accuracy()).isEqualTo(7 / 8.0);
    assertThat(lookup.questionIds()).containsExactly("q0", "q1", "q2", "q3");
    GroupAccuracy join = m.groups().byTag().get("join");
    assertThat(join.questions()).isEqualTo(3);
    assertThat(join.questionIds()).containsExactly("q3", "q4", "q5");
    assertThat(join.passed()).isEqualTo(3);
    assertThat(join.accuracy()).isEqualTo(0.5);
    assertThat(join.ci95Low()).isLessThan(0.5).isGreaterThanOrEqualTo(0);
    assertThat(join.ci95High()).isGreaterThan(0.5).isLessThanOrEqualTo(1);
    assertThat(m.groups().byComplexity().keySet()).containsExactly("Simple", "Complex");
    assertThat(m.groups().byComplexity().get("Simple").passed()).isEqualTo(7);
    assertThat(m.groups().byComplexity().get("Complex").accuracy()).isEqualTo(0.5);
    assertThat(m.accuracy()).as("untagged questions still count in the split").isEqualTo(11 / 14.0);
  }

  @Test
  void aGroupOfOneQuestionUsesTheWilsonInterval() {
    SplitAggregator aggregator = new SplitAggregator(Split.TEST, 2, List.of(tagged("q0", "Simple", "alone")));
    aggregator.add(row("q0", 1, true));
    aggregator.add(row("q0", 2, false));
    GroupAccuracy alone = aggregator.metrics().groups().byTag().get("alone");
    double[] wilson = PassEstimators.wilson(2, 1);
    assertThat(new double[] {alone.ci95Low(), alone.ci95High()}).containsExactly(wilson);
  }

  @Test
  void setsWithoutTagsHaveNoBreakdownAndGroupsWithoutFinishedItemsAreLeftOut() {
    SplitAggregator plain = new SplitAggregator(Split.TRAIN, 1, List.of(GoldenCase.of("a", "A", "SELECT 1")));
    plain.add(row("a", 1, true));
    assertThat(plain.metrics().groups().byTag()).isEmpty();
    assertThat(plain.metrics().groups().byComplexity()).isEmpty();

    SplitAggregator partial = new SplitAggregator(Split.TEST, 2, CASES);
    partial.add(row("q0", 1, true));
    assertThat(partial.metrics().groups().byTag()).containsOnlyKeys("lookup");
  }

  @Test
  void largerTagsComeFirstAndComplexityLevelsInTheirOrder() {
    List<GoldenCase> cases = List.of(tagged("a", "Complex", "small"), tagged("b", "Expert", "x", "big"),
        tagged("c", "Complex", "big"), tagged("d", "simple", "big", "y"), tagged("e", "Complex", "z"),
        tagged("f", "Medium", "w"));
    SplitAggregator aggregator = new SplitAggregator(Split.TRAIN, 1, cases);
    cases.forEach(c -> aggregator.add(row(c.id(), 1, true)));
    assertThat(aggregator.metrics().groups().byTag().keySet()).containsExactly("big", "small", "x", "y", "z", "w");
    assertThat(aggregator.metrics().groups().byComplexity().keySet()).as("the levels in order, whatever their sizes")
        .containsExactly("simple", "Medium", "Complex", "Expert");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void theBreakdownDoesNotDependOnTheOrderRowsArrive(long seed) {
    List<ItemResult> shuffled = new ArrayList<>(rows());
    Collections.shuffle(shuffled, new Random(seed));
    assertThat(aggregate(shuffled)).isEqualTo(aggregate(rows()));
  }

  @Test
  void breakdownsRoundTripThroughJsonInSnakeCaseAndOldFilesReadAsEmpty() throws Exception {
    SplitMetrics m = aggregate(rows());
    String json = Json.MAPPER.writeValueAsString(m);
    assertThat(json).contains("\"by_tag\":{\"lookup\":{\"questions\":4,\"items\":8,\"passed\":7,\"accuracy\":0.875,"
        + "\"ci95_low\":").contains("\"by_complexity\":{\"Simple\":");
    SplitMetrics back = Json.MAPPER.readValue(json, SplitMetrics.class);
    assertThat(back).isEqualTo(m);
    assertThat(back.groups().byTag().keySet()).containsExactly("lookup", "join");

    String old = Json.MAPPER.writeValueAsString(Json.MAPPER.valueToTree(m).deepCopy());
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(old);
    tree.remove("by_tag");
    tree.remove("by_complexity");
    SplitMetrics before = Json.MAPPER.treeToValue(tree, SplitMetrics.class);
    assertThat(before.groups().byTag()).isEmpty();
    assertThat(before.groups().byComplexity()).isEmpty();
  }
}
