package dev.diaharness.optimize.opro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.optimize.ConfigField;
import dev.diaharness.optimize.TriedConfig;
import java.util.ArrayList;
import java.util.Comparator;
import dev.diaharness.testing.Gen;
import dev.diaharness.testing.SeededTest;
import java.util.List;
import java.util.Random;

/** The OPRO trajectory: top-N past configs, ascending, whole, within the token budget. */
class PastConfigsTest {
  private static final List<ConfigField> FIELDS = List.of(ConfigField.NL2SQL_PROMPT);

  @SeededTest(cases = 500)
  void ascendingWholeWithinBudgetAndOnlyTheLowestDropped(long seed) {
    Random random = new Random(seed);
    List<Integer> accuracies = Gen.listOf(random, 1, 12, () -> Gen.intBetween(random, 0, 100));
    List<Integer> lengths = Gen.listOf(random, 12, 12, () -> Gen.intBetween(random, 1, 40));
    int budget = Gen.intBetween(random, 1, 8000);
    int topN = Gen.intBetween(random, 1, 12);
    List<TriedConfig> tried = new ArrayList<>();
    for (int i = 0; i < accuracies.size(); i++) {
      String prompt = OproFixtures.PROMPT + ("iteration " + (i + 1) + " rule. ").repeat(lengths.get(i) * 10);
      tried.add(OproFixtures.tried(i + 1, OproFixtures.config(prompt), accuracies.get(i) / 100.0));
    }
    List<TriedConfig> shown = PastConfigs.select(tried, FIELDS, topN, budget);

    assertThat(shown).isSortedAccordingTo(Comparator.comparingDouble(TriedConfig::trainAccuracy));
    assertThat(shown.size()).isLessThanOrEqualTo(topN);
    long tokens = shown.stream().mapToLong(t -> PastConfigs.estimateTokens(PastConfigs.render(t, FIELDS))).sum();
    assertThat(tokens).isLessThanOrEqualTo(budget);
    String block = PastConfigs.render(shown, FIELDS);
    shown.forEach(t -> assertThat(block).contains(t.config().nl2sqlPrompt().strip()));
    // nothing left out scores higher than something shown
    double lowestShown = shown.stream().mapToDouble(TriedConfig::trainAccuracy).min().orElse(2);
    List<TriedConfig> left = new ArrayList<>(tried);
    left.removeAll(shown);
    if (!shown.isEmpty()) {
      assertThat(left).allSatisfy(t -> assertThat(t.trainAccuracy()).isLessThanOrEqualTo(lowestShown));
    }
  }
}
