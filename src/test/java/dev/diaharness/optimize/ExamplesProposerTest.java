package dev.diaharness.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.agent.SqlSource;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.ConfigHash;
import dev.diaharness.config.NlExample;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.run.AgentAnswer;
import dev.diaharness.run.AskedQuestion;
import dev.diaharness.run.ItemKey;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.Split;
import dev.diaharness.run.SplitAggregator;
import dev.diaharness.run.Timing;
import dev.diaharness.scoring.CategoryScores;
import dev.diaharness.scoring.Evidence;
import dev.diaharness.scoring.Outcome;
import dev.diaharness.scoring.Status;
import dev.diaharness.scoring.Verdict;
import dev.diaharness.testing.Rows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExamplesProposerTest {
  private static final List<GoldenCase> CASES = List.of(
      GoldenCase.of("a", "question a", "SELECT 'a'"), GoldenCase.of("b", "question b", "SELECT 'b'"),
      GoldenCase.of("c", "question c", "SELECT 'c'"), GoldenCase.of("d", "question d", "SELECT 'd'"));

  private static AgentConfig config(List<NlExample> examples) {
    return new AgentConfig("x", null, "", "", "", "prompt", "schema", examples, "", List.of(), List.of(), "", "",
        Optional.empty());
  }

  /** Two repeats per question; {@code passes} says how many of them passed. */
  private static List<ItemResult> rows(Map<String, Integer> passes, Set<String> goldErrors) {
    List<ItemResult> rows = new ArrayList<>();
    for (GoldenCase c : CASES) {
      for (int r = 1; r <= 2; r++) {
        boolean gold = goldErrors.contains(c.id());
        boolean pass = !gold && r <= passes.getOrDefault(c.id(), 0);
        ItemKey key = new ItemKey(1, Split.TRAIN, c.id(), r);
        rows.add(gold
            ? ItemResult.goldError(key, new AskedQuestion(c.question(), c.expectedSql()),
                AgentAnswer.ofSql("SELECT 1", SqlSource.ANSWER), Verdict.of(Outcome.ERROR, Status.GOLD_ERROR,
                    CategoryScores.ZERO, Evidence.of("no such column")), Timing.of(1, 3, Instant.EPOCH))
            : Rows.scored(key, c.question(), c.expectedSql(), "SELECT 1", Rows.verdict(pass),
                Timing.of(1, 3, Instant.EPOCH)));
      }
    }
    return rows;
  }

  private static ProposalContext context(AgentConfig current, List<ItemResult> rows, List<TriedConfig> tried) {
    SplitAggregator agg = new SplitAggregator(Split.TRAIN, 2);
    rows.forEach(agg::add);
    return new ProposalContext(1, current, CASES, agg.metrics(), rows, tried,
        Set.copyOf(tried.stream().map(TriedConfig::configHash).toList()));
  }

  private static List<String> queries(Proposal p, AgentConfig base) {
    return p.applyTo(base).nl2sqlExamples().stream().map(NlExample::query).toList();
  }

  @Test
  void addsTheWorstFailuresFirstButNeverAQuestionWhoseExpectedSqlIsBroken() {
    AgentConfig base = config(List.of());
    var rows = rows(Map.of("a", 1, "b", 0, "c", 2), Set.of("d"));
    Proposal p = new ExamplesProposer(20, 2).propose(context(base, rows, List.of()));
    assertThat(queries(p, base)).containsExactly("question b", "question a");
    assertThat(p.summary()).contains("Added 2");
  }

  @Test
  void dropsExamplesWhoseAdditionDidNotRaiseTrainingAccuracy() {
    AgentConfig before = config(List.of());
    AgentConfig after = config(List.of(new NlExample("question a", "SELECT 'a'", "")));
    List<TriedConfig> tried = List.of(new TriedConfig(1, before, ConfigHash.of(before), 0.5, 50),
        new TriedConfig(2, after, ConfigHash.of(after), 0.5, 50));
    var rows = rows(Map.of("a", 0, "b", 0), Set.of());
    Proposal p = new ExamplesProposer(20, 5).propose(context(after, rows, tried));
    assertThat(queries(p, after)).doesNotContain("question a").contains("question b");
    assertThat(p.summary()).contains("Dropped 1");
  }

  @Test
  void neverGrowsBeyondTheLimitAndSaysWhenThereIsNothingLeft() {
    AgentConfig full = config(List.of(new NlExample("question z", "SELECT 'z'", "")));
    var rows = rows(Map.of(), Set.of());
    Proposal p = new ExamplesProposer(1, 5).propose(context(full, rows, List.of()));
    assertThat(p.isEmpty()).isTrue();
    assertThat(p.summary()).contains("full");
    AgentConfig none = config(List.of());
    Proposal nothing = new ExamplesProposer(5, 5).propose(context(none, rows(Map.of("a", 2, "b", 2, "c", 2, "d", 2),
        Set.of()), List.of()));
    assertThat(nothing.isEmpty()).isTrue();
    assertThat(nothing.summary()).contains("no training failures");
  }

  @Test
  void prefersAQueryShapeNoExampleShowsYetOverASecondExampleOfAKnownShape() {
    List<GoldenCase> cases = List.of(
        GoldenCase.of("r22", "returned orders in 2022", "SELECT COUNT(*) FROM o WHERE status = 'returned' AND y = 2022"),
        GoldenCase.of("c24", "cancelled orders in 2024", "SELECT COUNT(*) FROM o WHERE status = 'cancelled' AND y = 2024"),
        GoldenCase.of("top", "top 3 products", "SELECT name FROM p ORDER BY price DESC LIMIT 3"));
    AgentConfig base = config(List.of(new NlExample("delivered orders in 2021",
        "SELECT COUNT(*) FROM o WHERE status = 'delivered' AND y = 2021", "")));
    List<ItemResult> rows = new ArrayList<>();
    for (GoldenCase c : cases) {
      rows.add(Rows.scored(new ItemKey(1, Split.TRAIN, c.id(), 1), c.question(), c.expectedSql(), "SELECT 1",
          Rows.verdict(false), Timing.of(1, 3, Instant.EPOCH)));
    }
    SplitAggregator agg = new SplitAggregator(Split.TRAIN, 1);
    rows.forEach(agg::add);
    Proposal p = new ExamplesProposer(20, 1).propose(
        new ProposalContext(1, base, cases, agg.metrics(), rows, List.of(), Set.of()));
    assertThat(queries(p, base)).endsWith("top 3 products");
    assertThat(ExamplesProposer.shape(cases.get(0).expectedSql())).isEqualTo(ExamplesProposer.shape(
        cases.get(1).expectedSql()));
  }
}
