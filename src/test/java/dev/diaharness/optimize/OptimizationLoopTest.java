package dev.diaharness.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.config.ConfigHash;
import dev.diaharness.config.NlExample;
import dev.diaharness.dataset.GoldenCase;
import dev.diaharness.run.EvaluationResult;
import dev.diaharness.run.ItemKey;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.RunDirectory;
import dev.diaharness.run.RunListener;
import dev.diaharness.run.Split;
import dev.diaharness.run.SplitAggregator;
import dev.diaharness.run.Timing;
import dev.diaharness.scoring.Evidence;
import dev.diaharness.scoring.Status;
import dev.diaharness.testing.Rows;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizationLoopTest {
  @TempDir Path temp;

  static final List<GoldenCase> TRAIN = cases("tr", 12);
  static final List<GoldenCase> TEST = cases("te", 4);

  static List<GoldenCase> cases(String prefix, int n) {
    List<GoldenCase> cases = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cases.add(GoldenCase.of(prefix + i, prefix + " question " + i, "SELECT " + i));
    }
    return cases;
  }

  static AgentConfig baseline() {
    return new AgentConfig("baseline", null, "", "", "tool", "Answer questions about orders.", "orders table",
        List.of(), "", List.of(), List.of(), "p", "d", Optional.empty());
  }

  /**
   * Evaluates what the deployer holds NOW (so a config recorded late would show), 2 repeats: a question passes when
   * {@code passes} says so for the held config.
   */
  static final class HeldConfigEvaluator implements IterationEvaluator {
    final InMemoryAgents agents;
    final BiPredicate<AgentConfig, GoldenCase> passes;
    final Map<Integer, String> heldHashDuringEvaluation = new HashMap<>();
    final Map<Integer, List<ItemResult>> rows = new HashMap<>();

    HeldConfigEvaluator(InMemoryAgents agents, BiPredicate<AgentConfig, GoldenCase> passes) {
      this.agents = agents;
      this.passes = passes;
    }

    @Override
    public EvaluationResult evaluate(int iteration, AgentConfig config) {
      AgentConfig held = agents.get("1");
      heldHashDuringEvaluation.put(iteration, ConfigHash.of(held));
      var train = split(iteration, Split.TRAIN, TRAIN, held);
      var test = split(iteration, Split.TEST, TEST, held);
      return new EvaluationResult(iteration, Map.of(Split.TRAIN, train.metrics(), Split.TEST, test.metrics()),
          Map.of(Split.TRAIN, rows.get(iteration)));
    }

    private SplitAggregator split(int iteration, Split split, List<GoldenCase> cases, AgentConfig held) {
      SplitAggregator agg = new SplitAggregator(split, 2);
      List<ItemResult> list = new ArrayList<>();
      for (int r = 1; r <= 2; r++) {
        for (GoldenCase c : cases) {
          boolean pass = passes.test(held, c);
          ItemResult row = Rows.scored(new ItemKey(iteration, split, c.id(), r), c.question(), c.expectedSql(),
              pass ? c.expectedSql() : "SELECT 0", Rows.verdict(pass, Status.EXEC_EQUIVALENT, Status.EXEC_MISMATCH,
                  Evidence.of(pass ? "same rows" : "rows differ")), Timing.of(10, 2, Instant.EPOCH));
          agg.add(row);
          list.add(row);
        }
      }
      if (split == Split.TRAIN) {
        rows.put(iteration, list);
      }
      return agg;
    }

    @Override
    public List<ItemResult> trainRows(int iteration) {
      return rows.getOrDefault(iteration, List.of());
    }
  }

  /** A question passes when it (or, for test questions, its train twin) is among the examples. */
  static boolean learnedFromExamples(AgentConfig config, GoldenCase c) {
    String twin = c.question().replace("te question", "tr question");
    return config.nl2sqlExamples().stream().anyMatch(e -> e.query().equals(c.question()) || e.query().equals(twin));
  }

  private OptimizationOutcome run(InMemoryAgents agents, IterationEvaluator evaluator, OptimizeOptions options,
      RunDirectory dir) {
    return run(agents, evaluator, options, dir, ApprovalPolicy.AUTO_ACCEPT);
  }

  private OptimizationOutcome run(InMemoryAgents agents, IterationEvaluator evaluator, OptimizeOptions options,
      RunDirectory dir, ApprovalPolicy approval) {
    return run(agents, evaluator, options, dir, approval, Optional::empty);
  }

  private OptimizationOutcome run(InMemoryAgents agents, IterationEvaluator evaluator, OptimizeOptions options,
      RunDirectory dir, ApprovalPolicy approval, java.util.function.Supplier<Optional<String>> externalStop) {
    agents.agents.put("1", baseline());
    var loop = new OptimizationLoop("1", new ConfigDeployment(agents), evaluator, new ExamplesProposer(20, 3),
        new ProposalValidator(sql -> sql.startsWith("SELECT")), approval, TRAIN, options,
        new TrajectoryStore(dir.trajectoryFile()), new RunFiles(dir), RunListener.NONE, externalStop,
        Clock.systemUTC());
    Trajectory start = new Trajectory(1, dir.timestamp(), "baseline", "1", Instant.EPOCH, "", "examples", List.of(),
        null, null, null);
    return loop.run(start, 1, baseline());
  }

  @Test
  void eachRecordHoldsTheConfigThatWasEvaluatedAndAccuracyRises() {
    InMemoryAgents agents = new InMemoryAgents();
    HeldConfigEvaluator evaluator = new HeldConfigEvaluator(agents, OptimizationLoopTest::learnedFromExamples);
    RunDirectory dir = RunDirectory.create(temp, LocalDateTime.of(2026, 1, 1, 0, 0));

    OptimizationOutcome outcome = run(agents, evaluator, new OptimizeOptions(4, Optional.empty(), Optional.empty(), 5),
        dir);

    List<IterationRecord> records = outcome.trajectory().iterations();
    assertThat(records).hasSize(4);
    for (IterationRecord r : records) {
      assertThat(r.config().hash()).as("iteration %d", r.iteration())
          .isEqualTo(evaluator.heldHashDuringEvaluation.get(r.iteration()));
      AgentConfig recorded = AgentConfigLoader.load(new RunFiles(dir).evaluatedConfig(r.iteration()));
      assertThat(ConfigHash.of(recorded)).isEqualTo(r.config().hash());
    }
    assertThat(records).extracting(r -> r.trainMetrics().accuracy()).isSorted().doesNotHaveDuplicates();
    assertThat(records.get(3).results().metrics().get("test").accuracy()).isGreaterThan(0);
    assertThat(records.get(1).results().fixed()).hasSize(3);
    assertThat(outcome.endReason()).contains("--max-iterations 4");
    IterationRecord best = outcome.best().orElseThrow();
    assertThat(best.iteration()).isEqualTo(4);
    assertThat(ConfigHash.of(agents.get("1"))).as("agent ends on the best config").isEqualTo(best.config().hash());
    assertThat(ConfigHash.of(AgentConfigLoader.load(new RunFiles(dir).bestConfig()))).isEqualTo(best.config().hash());
    assertThat(records.get(3).suggested()).as("the last iteration proposes nothing").isEmpty();
    assertThat(records.get(0).suggested().map(ConfigSnapshot::hash)).hasValue(records.get(1).config().hash());
  }

  @Test
  void dropOfMoreThanFivePointsRollsBackToTheBestConfig() {
    InMemoryAgents agents = new InMemoryAgents();
    // any example hurts: accuracy falls from the baseline's 50% to 0
    HeldConfigEvaluator evaluator = new HeldConfigEvaluator(agents,
        (config, c) -> config.nl2sqlExamples().isEmpty() && Integer.parseInt(c.id().substring(2)) % 2 == 0);
    RunDirectory dir = RunDirectory.create(temp, LocalDateTime.of(2026, 1, 1, 0, 0));

    OptimizationOutcome outcome = run(agents, evaluator, new OptimizeOptions(3, Optional.empty(), Optional.empty(), 5),
        dir);

    IterationRecord second = outcome.trajectory().iterations().get(1);
    assertThat(second.proposal().map(ProposalRecord::action)).hasValue("rollback");
    assertThat(second.proposal().flatMap(ProposalRecord::rollbackTo).orElse(null)).isEqualTo(1);
    AgentConfig third = AgentConfigLoader.load(new RunFiles(dir).evaluatedConfig(3));
    assertThat(third.nl2sqlExamples()).extracting(NlExample::query)
        .as("starts from the baseline again and does not retry what failed")
        .doesNotContainAnyElementsOf(AgentConfigLoader.load(new RunFiles(dir).evaluatedConfig(2)).nl2sqlExamples()
            .stream().map(NlExample::query).toList());
    assertThat(outcome.best().orElseThrow().iteration()).isEqualTo(1);
    assertThat(agents.get("1").nl2sqlExamples()).as("the agent ends on the best (baseline) config").isEmpty();
  }

  @Test
  void deploymentFailureEndsCleanlyOnTheBestEvaluatedConfig() {
    InMemoryAgents agents = new InMemoryAgents();
    agents.failUpdatesFromCall = 3;
    HeldConfigEvaluator evaluator = new HeldConfigEvaluator(agents, OptimizationLoopTest::learnedFromExamples);
    RunDirectory dir = RunDirectory.create(temp, LocalDateTime.of(2026, 1, 1, 0, 0));

    OptimizationOutcome outcome = run(agents, evaluator, new OptimizeOptions(5, Optional.empty(), Optional.empty(), 5),
        dir);

    assertThat(outcome.stoppedEarly()).isTrue();
    assertThat(outcome.endReason()).startsWith("error: ").contains("service unavailable");
    assertThat(outcome.trajectory().iterations()).hasSize(2);
    assertThat(new TrajectoryStore(dir.trajectoryFile()).read().orElseThrow().endReason())
        .isEqualTo(outcome.endReason());
    assertThat(ConfigHash.of(AgentConfigLoader.load(new RunFiles(dir).bestConfig())))
        .isEqualTo(outcome.trajectory().iterations().get(1).config().hash());
  }

  @Test
  void targetAccuracyStopsTheLoop() {
    InMemoryAgents agents = new InMemoryAgents();
    HeldConfigEvaluator evaluator = new HeldConfigEvaluator(agents, (config, c) -> true);
    RunDirectory dir = RunDirectory.create(temp, LocalDateTime.of(2026, 1, 1, 0, 0));
    OptimizationOutcome outcome = run(agents, evaluator, new OptimizeOptions(5, Optional.of(0.9), Optional.empty(), 5),
        dir);
    assertThat(outcome.trajectory().iterations()).hasSize(1);
    assertThat(outcome.endReason()).isEqualTo("target training accuracy reached");
    assertThat(outcome.stoppedEarly()).as("the loop's own rule ended it").isFalse();
  }

  /** A spent budget ends the loop as stopped early (exit 4), not as finished and not as a failed gate. */
  @Test
  void theSpentBudgetStopsTheLoopEarly() {
    InMemoryAgents agents = new InMemoryAgents();
    HeldConfigEvaluator evaluator = new HeldConfigEvaluator(agents, OptimizationLoopTest::learnedFromExamples);
    RunDirectory dir = RunDirectory.create(temp, LocalDateTime.of(2026, 1, 1, 0, 0));
    OptimizationOutcome outcome = run(agents, evaluator, new OptimizeOptions(5, Optional.empty(), Optional.empty(), 5),
        dir, ApprovalPolicy.AUTO_ACCEPT, () -> Optional.of("the --max-usd budget of $1.0 is spent"));
    assertThat(outcome.trajectory().iterations()).hasSize(1);
    assertThat(outcome.endReason()).isEqualTo("the --max-usd budget of $1.0 is spent");
    assertThat(outcome.stoppedEarly()).isTrue();
  }

  @Test
  void anEditTheValidatorsRefuseIsRecordedAsRejectedAndNotDeployed() throws Exception {
    InMemoryAgents agents = new InMemoryAgents();
    HeldConfigEvaluator evaluator = new HeldConfigEvaluator(agents, OptimizationLoopTest::learnedFromExamples);
    RunDirectory dir = RunDirectory.create(temp, LocalDateTime.of(2026, 1, 1, 0, 0));
    ApprovalPolicy editsInBadSql = new ApprovalPolicy() {
      @Override
      public List<FieldChange> review(int iteration, List<FieldChange> changes) {
        return List.of(changes.get(0).withAfter(
            "[{\"query\":\"tr question 0\",\"expected_sql\":\"DELETE FROM orders\",\"expected_response\":\"\"}]"));
      }

      @Override
      public boolean continueAfter(int iteration) {
        return true;
      }
    };

    OptimizationOutcome outcome = run(agents, evaluator, new OptimizeOptions(3, Optional.empty(), Optional.empty(), 5),
        dir, editsInBadSql);

    IterationRecord first = outcome.trajectory().iterations().get(0);
    assertThat(first.proposal().map(ProposalRecord::changes).orElse(List.of())).singleElement().satisfies(c ->
        assertThat(c.decision()).startsWith("edit rejected: ").contains("does not parse"));
    assertThat(first.suggested()).isEmpty();
    assertThat(outcome.trajectory().iterations()).hasSize(1);
    assertThat(agents.get("1").nl2sqlExamples()).as("the refused edit never reached the agent").isEmpty();
    try (var files = java.nio.file.Files.list(dir.root().resolve("rejected"))) {
      assertThat(files).singleElement().satisfies(f ->
          assertThat(java.nio.file.Files.readString(f)).contains("DELETE FROM orders"));
    }
  }
}
