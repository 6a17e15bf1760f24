package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.agent.AgentSummary;
import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.emulator.AgentTurn;
import dev.diaharness.emulator.FaultPlan;
import dev.diaharness.emulator.LatencyPlan;
import dev.diaharness.optimize.ConfigSnapshot;
import dev.diaharness.optimize.Trajectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code optimize --agent-pool 4} killed with SIGKILL while its candidates are being screened on the pool, then
 * {@code --resume}: the resumed run finds the pool by display name (no agent created twice), screens the step again
 * (the interrupted screening left nothing in the journal) and ends by the usual best-config rules.
 */
class OptimizeAgentPoolResumeTest {
  @TempDir Path work;

  @Test
  void killedWhileScreeningOnThePoolTheResumedRunFindsThePoolAndScreensTheStepAgain() throws Exception {
    try (LocalEmulator emulator = LocalEmulator.start(FaultPlan.none(),
            LatencyPlan.parse("--emulator-latency-ms", "150"), 11);
        OproChatFake models = OptimizeAgentPoolTest.models()) {
      Path results = Files.createDirectories(work.resolve("results"));
      Map<String, String> env = OptimizeAgentPoolTest.env(emulator, models);
      String main = emulator.server.agentId();
      KilledProcess.runAndKill(work, env,
          () -> emulator.server.turns().stream().anyMatch(t -> !t.agentId().equals(main)),
          Duration.ofSeconds(180), OptimizeAgentPoolTest.args(results, 4).toArray(String[]::new));

      assertThat(emulator.server.metrics().count("agents.create")).as("the killed run created the pool")
          .isEqualTo(3);
      Map<Integer, List<AgentSummary>> pool = OptimizeAgentPoolTest.poolAgents(emulator);
      Set<String> poolIds = pool.values().stream().map(a -> a.get(0).id()).collect(Collectors.toSet());
      Path run = OptimizeAgentPoolTest.onlyRun(results);
      Trajectory before = OptimizeResumeAfterKillTest.trajectory(run);
      assertThat(before.iterations()).singleElement()
          .satisfies(r -> assertThat(r.suggested()).as("killed before its proposal").isEmpty());
      int turnsBefore = emulator.server.turns().size();

      CliRun resumed = CliTestSupport.runWithEnv(env, "",
          OptimizeAgentPoolTest.args(results, 4, "--resume", run.toString()).toArray(String[]::new));

      assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
      assertThat(resumed.out()).contains("3 of 3 pool agents of '" + OptimizeAgentPoolTest.BASE_NAME
          + "' found, 0 to create");
      assertThat(emulator.server.metrics().count("agents.create")).as("no pool agent created again").isEqualTo(3);
      assertThat(OptimizeAgentPoolTest.poolAgents(emulator).values())
          .allSatisfy(agents -> assertThat(agents).hasSize(1));
      List<AgentTurn> after = emulator.server.turns().subList(turnsBefore, emulator.server.turns().size());
      assertThat(after.stream().filter(t -> poolIds.contains(t.agentId())))
          .as("the step screened again, whole, on the pool agents (and one candidate on the run's agent)")
          .hasSize((OptimizeAgentPoolTest.CANDIDATES - 1) * OptimizeAgentPoolTest.MINIBATCH * 2);
      assertThat(after.stream().filter(t -> !poolIds.contains(t.agentId())))
          .allSatisfy(t -> assertThat(t.agentId()).isEqualTo(main));
      OptimizeAgentPoolTest.assertEndsOnTheBestConfig(run);
    }
  }
}
