package dev.diaharness.optimize.opro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.optimize.ConfigField;
import dev.diaharness.optimize.TriedConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The OPRO trajectory: top-N past configs, ascending, whole, within the token budget. */
class PastConfigsTest {
  private static final List<ConfigField> FIELDS = List.of(ConfigField.NL2SQL_PROMPT);

  @Property
  void ascendingWholeWithinBudgetAndOnlyTheLowestDropped(
      @ForAll @Size(min = 1, max = 12) List<@IntRange(max = 100) Integer> accuracies,
      @ForAll @Size(min = 12, max = 12) List<@IntRange(min = 1, max = 40) Integer> lengths,
      @ForAll @IntRange(min = 1, max = 8000) int budget, @ForAll @IntRange(min = 1, max = 12) int topN) {
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
