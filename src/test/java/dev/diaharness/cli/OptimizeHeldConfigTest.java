package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.agent.gemini.GeminiAgent;
import dev.diaharness.agent.gemini.GeminiEnterpriseClient;
import dev.diaharness.agent.gemini.GeminiHttp;
import dev.diaharness.agent.gemini.GeminiSettings;
import dev.diaharness.agent.gemini.RetryListener;
import dev.diaharness.agent.gemini.SqlFollowup;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.config.ConfigHash;
import dev.diaharness.dataset.GoldenSet;
import dev.diaharness.dataset.GoldenSetLoader;
import dev.diaharness.emulator.EmbeddedEmulator;
import dev.diaharness.optimize.ApprovalPolicy;
import dev.diaharness.optimize.ConfigDeployment;
import dev.diaharness.optimize.ConfigSnapshot;
import dev.diaharness.optimize.ExamplesProposer;
import dev.diaharness.optimize.IterationEvaluator;
import dev.diaharness.optimize.IterationRecord;
import dev.diaharness.optimize.OptimizationLoop;
import dev.diaharness.optimize.OptimizationOutcome;
import dev.diaharness.optimize.OptimizeOptions;
import dev.diaharness.optimize.RunFiles;
import dev.diaharness.optimize.Trajectory;
import dev.diaharness.optimize.TrajectoryStore;
import dev.diaharness.run.EvaluationResult;
import dev.diaharness.run.ItemResult;
import dev.diaharness.run.RunDirectory;
import dev.diaharness.run.RunEvaluation;
import dev.diaharness.run.RunListener;
import dev.diaharness.run.RunOptions;
import dev.diaharness.run.Split;
import dev.diaharness.run.Ticker;
import dev.diaharness.run.TrafficControl;
import dev.diaharness.scoring.ScorerSetup;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optimization loop with the real pieces — the embedded emulator, the Gemini Enterprise client as deployer,
 * the run evaluation over HTTP — and an evaluator that reads the agent's config from the emulator at the start and
 * at the end of each evaluation: every trajectory record's config hash is the hash of the config the agent held
 * while that iteration was evaluated (the Python tool recorded each config one iteration late).
 */
class OptimizeHeldConfigTest {
  @TempDir Path temp;

  /** Wraps the real evaluation; remembers the hash of what the agent held before and after each evaluation. */
  static final class WatchingEvaluator implements IterationEvaluator {
    final RunEvaluation evaluation;
    final GeminiEnterpriseClient deployer;
    final String agentId;
    final Map<Integer, String> heldAtStart = new HashMap<>();
    final Map<Integer, String> heldAtEnd = new HashMap<>();

    WatchingEvaluator(RunEvaluation evaluation, GeminiEnterpriseClient deployer, String agentId) {
      this.evaluation = evaluation;
      this.deployer = deployer;
      this.agentId = agentId;
    }

    @Override
    public EvaluationResult evaluate(int iteration, AgentConfig config) {
      heldAtStart.put(iteration, ConfigHash.of(deployer.get(agentId)));
      EvaluationResult result = evaluation.evaluate(iteration, config.schemaDescription(), Set.of(Split.TRAIN));
      heldAtEnd.put(iteration, ConfigHash.of(deployer.get(agentId)));
      return result;
    }

    @Override
    public List<ItemResult> trainRows(int iteration) {
      return evaluation.rows(iteration, Split.TRAIN);
    }
  }

  @Test
  void everyRecordHoldsTheHashOfTheConfigTheEmulatorHeldDuringItsEvaluation() {
    AgentConfig baseline = AgentConfigLoader.load(Path.of(EvaluateCommandTest.CONFIG));
    GoldenSet train = GoldenSetLoader.load(Path.of(EvaluateCommandTest.TRAIN));
    GoldenSet test = GoldenSetLoader.load(Path.of(EvaluateCommandTest.TEST));
    try (EmbeddedEmulator emulator = EmbeddedEmulator.start(baseline, b -> b.seed(7));
        ScorerSetup scoring = ScorerSetup.open(baseline.localData(), 0, 42, Optional.empty())) {
      Map<String, String> vars = Map.of("GOOGLE_CLOUD_PROJECT", emulator.projectId(), "DIA_LOCATION",
          emulator.location(), "DIA_ENGINE_ID", emulator.engineId(), "DIA_ENDPOINT", emulator.baseUrl());
      GeminiSettings settings = GeminiSettings.fromEnvironment(vars);
      GeminiEnterpriseClient deployer = new GeminiEnterpriseClient(new GeminiHttp(settings),
          name -> Optional.ofNullable(vars.get(name)));
      String agentId = emulator.agentId();
      TrafficControl traffic = new TrafficControl(Optional.empty(), 20, Ticker.SYSTEM);
      GeminiAgent agent = new GeminiAgent(new GeminiHttp(settings.withAgentId(agentId), RetryListener.NONE,
          Clock.systemUTC(), traffic), SqlFollowup.parse("always"));
      RunDirectory run = RunDirectory.create(temp, LocalDateTime.of(2026, 1, 1, 0, 0));
      RunFiles files = new RunFiles(run);
      TrajectoryStore store = new TrajectoryStore(run.trajectoryFile());
      try (RunEvaluation evaluation = new RunEvaluation(run, agent, scoring.scorer(), traffic,
          new RunOptions(1, 10, Optional.empty(), Duration.ofSeconds(60), false), RunListener.NONE, train.cases(),
          Optional.of(test.cases()), Clock.systemUTC())) {
        WatchingEvaluator evaluator = new WatchingEvaluator(evaluation, deployer, agentId);
        OptimizationLoop loop = new OptimizationLoop(agentId, new ConfigDeployment(deployer), evaluator,
            new ExamplesProposer(20, 5), ProposerChoice.validator(), ApprovalPolicy.AUTO_ACCEPT, train.cases(),
            new OptimizeOptions(3, Optional.empty(), Optional.empty(), 5), store, files, RunListener.NONE,
            Optional::empty, Clock.systemUTC());
        OptimizationOutcome outcome = loop.run(new Trajectory(Trajectory.CURRENT_VERSION, run.timestamp(),
            baseline.name(), agentId, Instant.now(), "test", "examples", List.of(), null, null, null), 1, baseline);

        List<IterationRecord> records = outcome.trajectory().iterations();
        assertThat(records).extracting(IterationRecord::iteration).containsExactly(1, 2, 3);
        assertThat(records.get(0).config().hash()).isEqualTo(ConfigHash.of(baseline));
        for (IterationRecord r : records) {
          int i = r.iteration();
          assertThat(r.config().hash()).as("iteration %d, agent at the start of its evaluation", i)
              .isEqualTo(evaluator.heldAtStart.get(i));
          assertThat(r.config().hash()).as("iteration %d, agent at the end of its evaluation", i)
              .isEqualTo(evaluator.heldAtEnd.get(i));
          assertThat(ConfigHash.of(files.read(files.evaluatedConfig(i)).orElseThrow())).isEqualTo(r.config().hash());
          assertThat(r.trainMetrics().items()).isEqualTo(train.cases().size());
        }
        assertThat(records.get(1).config().hash())
            .isEqualTo(records.get(0).suggested().orElseThrow().hash())
            .isNotEqualTo(records.get(0).config().hash());
        assertThat(records.get(2).config().hash())
            .isEqualTo(records.get(1).suggested().orElseThrow().hash());
        assertThat(records.get(2).trainMetrics().accuracy()).isGreaterThan(records.get(0).trainMetrics().accuracy());
        IterationRecord best = outcome.best().orElseThrow();
        assertThat(ConfigHash.of(deployer.get(agentId))).as("the best config is deployed at the end")
            .isEqualTo(best.config().hash());
      }
    }
  }
}
