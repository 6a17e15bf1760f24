package dev.diaharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.agent.AgentSummary;
import dev.diaharness.agent.PoolNames;
import dev.diaharness.agent.gemini.GeminiEnterpriseClient;
import dev.diaharness.agent.gemini.GeminiHttp;
import dev.diaharness.agent.gemini.GeminiSettings;
import dev.diaharness.cli.CliTestSupport.CliRun;
import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.core.Json;
import dev.diaharness.emulator.AgentTurn;
import dev.diaharness.emulator.FaultPlan;
import dev.diaharness.emulator.LatencyPlan;
import dev.diaharness.optimize.Trajectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code optimize --optimizer opro --agent-pool N} against an emulator the test owns (reached as Gemini Enterprise
 * through the environment, so its agents outlive a run): the pool agents are created once and found by display name
 * afterwards, the candidates are screened at the same time on the run's agent and the pool agents while the
 * reported evaluations stay on the run's agent, a pool agent whose deploy fails loses only its candidate, and the run ends by the usual best-config rules.
 */
class OptimizeAgentPoolTest {
  static final String BASE_NAME = AgentConfigLoader.load(Path.of(EvaluateCommandTest.CONFIG)).displayName();
  static final int CANDIDATES = 4;
  static final int MINIBATCH = 6;

  @TempDir Path work;

  static List<String> args(Path results, int pool, String... extra) {
    List<String> args = new ArrayList<>(List.of("optimize",
        "--config-file", Path.of(EvaluateCommandTest.CONFIG).toAbsolutePath().toString(),
        "--golden-set", Path.of(EvaluateCommandTest.TRAIN).toAbsolutePath().toString(),
        "--num-repeats", "1", "--max-iterations", "2", "--auto-accept", "--optimizer", "opro",
        "--candidates", Integer.toString(CANDIDATES), "--minibatch", Integer.toString(MINIBATCH),
        "--agent-pool", Integer.toString(pool), "--results-dir", results.toString()));
    args.addAll(List.of(extra));
    return args;
  }

  static Map<String, String> env(LocalEmulator emulator, OproChatFake models) {
    Map<String, String> env = new HashMap<>(emulator.env());
    env.putAll(models.env());
    return env;
  }

  static OproChatFake models() throws Exception {
    String prompt = AgentConfigLoader.load(Path.of(EvaluateCommandTest.CONFIG)).nl2sqlPrompt().strip();
    return new OproChatFake(prompt + " When a question names a period, filter on exactly that period.");
  }

  /** The pool agents of the example agent in the emulator, by index. */
  static Map<Integer, List<AgentSummary>> poolAgents(LocalEmulator emulator) {
    GeminiEnterpriseClient client = new GeminiEnterpriseClient(
        new GeminiHttp(GeminiSettings.fromEnvironment(n -> Optional.ofNullable(emulator.env().get(n)))),
        n -> Optional.ofNullable(emulator.env().get(n)));
    return client.list().stream().filter(a -> PoolNames.baseOf(a.displayName()).orElse("").equals(BASE_NAME))
        .collect(Collectors.groupingBy(a -> PoolNames.index(a.displayName()).getAsInt()));
  }

  static Path onlyRun(Path results) throws Exception {
    try (var runs = Files.list(results)) {
      return runs.filter(p -> p.getFileName().toString().startsWith("run_")).findFirst().orElseThrow();
    }
  }

  /** The reasons recorded for the step's candidates that were not chosen ("rejected (candidate i of K): …"). */
  static List<String> rejections(Path run) throws Exception {
    String trajectory = Files.readString(OptimizeResumeAfterKillTest.trajectoryFile(run));
    List<String> reasons = new ArrayList<>();
    Matcher m = Pattern.compile("rejected \\((candidate \\d+ of \\d+)\\): ([^\"]*)").matcher(trajectory);
    while (m.find()) {
      reasons.add(m.group(1) + ": " + m.group(2));
    }
    return reasons.stream().distinct().toList();
  }

  static void assertEndsOnTheBestConfig(Path run) throws Exception {
    Trajectory t = OptimizeResumeAfterKillTest.trajectory(run);
    assertThat(t.endReason()).isEqualTo("reached --max-iterations 2");
    assertThat(t.bestDeployed()).isTrue();
    assertThat(OptimizeResumeAfterKillTest.configHash(run, "best_config.json"))
        .isEqualTo(t.iterations().get(t.bestIteration() - 1).config().hash());
    OptimizeResumeAfterKillTest.assertRecordsChain(run, t.iterations());
  }

  @Test
  void candidatesAreScreenedAtOnceOnPoolAgentsThatTheNextRunReusesAndAFailingOneLosesOnlyItsCandidate()
      throws Exception {
    try (LocalEmulator emulator = LocalEmulator.start(FaultPlan.none(),
            LatencyPlan.parse("--emulator-latency-ms", "100"), 3);
        OproChatFake models = models()) {
      Path firstResults = Files.createDirectories(work.resolve("first"));
      CliRun first = CliTestSupport.runWithEnv(env(emulator, models), "",
          args(firstResults, 4).toArray(String[]::new));

      assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
      assertThat(emulator.server.metrics().count("agents.create")).as("three pool agents created").isEqualTo(3);
      Map<Integer, List<AgentSummary>> pool = poolAgents(emulator);
      assertThat(pool.keySet()).containsExactlyInAnyOrder(1, 2, 3);
      pool.values().forEach(agents -> assertThat(agents).singleElement()
          .satisfies(a -> assertThat(a.isDeployed()).isTrue()));
      assertScreenedConcurrentlyOnThePool(emulator.server.turns(), emulator.server.agentId(), pool);
      Path firstRun = onlyRun(firstResults);
      assertThat(rejections(firstRun)).as("the candidates not chosen, each screened")
          .hasSize(CANDIDATES - 1).allSatisfy(r -> assertThat(r).contains("not chosen: minibatch"));
      assertThat(models.candidatesGenerated()).isEqualTo(CANDIDATES);
      assertEndsOnTheBestConfig(firstRun);
      assertThat(Json.MAPPER.readTree(firstRun.resolve("run.json").toFile()).at("/flags/agent_pool").asText())
          .isEqualTo("4");

      // the second run finds the same pool by name; pool agent 2 now fails every deploy
      String failing = pool.get(2).get(0).id();
      emulator.server.failDeploysOf(PoolNames.of(BASE_NAME, 2));
      Path secondResults = Files.createDirectories(work.resolve("second"));
      CliRun second = CliTestSupport.runWithEnv(env(emulator, models), "",
          args(secondResults, 4).toArray(String[]::new));

      assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
      assertThat(emulator.server.metrics().count("agents.create")).as("no pool agent created again").isEqualTo(3);
      assertThat(poolAgents(emulator).values()).allSatisfy(agents -> assertThat(agents).hasSize(1));
      assertThat(second.out()).contains("3 of 3 pool agents of '" + BASE_NAME + "' found, 0 to create")
          .contains("WARNING: pool agent " + failing + " is left out of the pool");
      Path secondRun = onlyRun(secondResults);
      List<String> rejected = rejections(secondRun);
      assertThat(rejected).as("only the candidate on the failing agent is lost").hasSize(CANDIDATES - 1);
      assertThat(rejected.stream().filter(r -> r.contains("screening failed"))).singleElement()
          .satisfies(r -> assertThat(r).contains("agent " + failing).contains("DEPLOYMENT_FAILED"));
      assertThat(rejected.stream().filter(r -> r.contains("not chosen: minibatch"))).hasSize(CANDIDATES - 2);
      assertEndsOnTheBestConfig(secondRun);
    }
  }

  @Test
  void theRateLimitHoldsAcrossTheEvaluationsAndTheWholePool() throws Exception {
    int rate = 12;
    try (LocalEmulator emulator = LocalEmulator.start(FaultPlan.none(), LatencyPlan.none(), 5);
        OproChatFake models = models()) {
      Path results = Files.createDirectories(work.resolve("results"));
      CliRun run = CliTestSupport.runWithEnv(env(emulator, models), "",
          args(results, 4, "--rate-limit", Integer.toString(rate)).toArray(String[]::new));

      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      assertThat(run.out()).contains("screened 4 candidates on 6 training questions on 4 agents in");
      String main = emulator.server.agentId();
      long[] poolArrivals = emulator.server.turns().stream().filter(t -> !t.agentId().equals(main))
          .mapToLong(AgentTurn::arrivalNanos).sorted().toArray();
      assertThat(poolArrivals).as("the pool screened").hasSize((CANDIDATES - 1) * MINIBATCH * 2);
      // Arrivals are seen at the server: on a loaded machine requests the client paced can bunch within a second
      // (a stalled sender catches up), so the limit is checked over 5 s windows, and the pool's own requests must
      // be spread as pacing spreads them (at least half the paced span); unpaced, a zero-latency emulator would
      // see them within milliseconds.
      assertThat(emulator.server.metrics().maxArrivalsWithin(java.time.Duration.ofSeconds(5)))
          .as("conversation requests in any 5 s, at --rate-limit %d (a burst of one)", rate)
          .isLessThanOrEqualTo(5 * rate + 1);
      double pacedSpan = (poolArrivals.length - 2) / (double) rate;
      assertThat((poolArrivals[poolArrivals.length - 1] - poolArrivals[0]) / 1e9)
          .as("seconds between the pool agents' first and last request").isGreaterThanOrEqualTo(pacedSpan / 2);
    }
  }

  @Test
  void aPoolSizeOutsideItsRangeIsBadInputNamingTheFlag() throws Exception {
    CliRun run = CliTestSupport.runWithEnv(Map.of(), "", args(work.resolve("results"), 0).toArray(String[]::new));
    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(run.err()).contains("--agent-pool must be between 1 and 16, got 0");
    assertThat(work.resolve("results")).doesNotExist();
  }

  /**
   * Each agent of the pool — the run's and its three pool agents — screened one candidate, the pool agents answered
   * nothing else (the reported evaluations are the run's agent's), and their screens overlapped in time (one after
   * the other they could not).
   */
  static void assertScreenedConcurrentlyOnThePool(List<AgentTurn> turns, String mainAgent,
      Map<Integer, List<AgentSummary>> pool) {
    List<String> poolIds = pool.values().stream().map(a -> a.get(0).id()).toList();
    Map<String, List<AgentTurn>> byAgent = turns.stream().collect(Collectors.groupingBy(AgentTurn::agentId));
    java.util.Set<String> allowed = new java.util.HashSet<>(poolIds);
    allowed.add(mainAgent);
    assertThat(byAgent.keySet()).as("only the run's agent and its pool answered").isSubsetOf(allowed);
    int perConversation = 2; // the question, and the SQL follow-up
    assertThat(byAgent.get(mainAgent)).as("two evaluations of the training set and one candidate's minibatch")
        .hasSize((2 * EvaluateCommandTest.TRAIN_QUESTIONS + MINIBATCH) * perConversation);
    List<long[]> windows = new ArrayList<>();
    for (String id : poolIds) {
      List<AgentTurn> own = byAgent.getOrDefault(id, List.of());
      assertThat(own).as("pool agent %s screened one candidate", id).hasSize(MINIBATCH * perConversation);
      windows.add(new long[] {own.stream().mapToLong(AgentTurn::arrivalNanos).min().orElseThrow(),
          own.stream().mapToLong(AgentTurn::endNanos).max().orElseThrow()});
    }
    boolean overlap = false;
    for (int a = 0; a < windows.size(); a++) {
      for (int b = a + 1; b < windows.size(); b++) {
        overlap |= windows.get(a)[0] < windows.get(b)[1] && windows.get(b)[0] < windows.get(a)[1];
      }
    }
    assertThat(overlap).as("the pool agents' screens overlapped in time").isTrue();
  }
}
