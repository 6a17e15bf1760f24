package dev.diaharness.cli;

import static dev.diaharness.agent.gemini.FakeGeminiServer.error;
import static dev.diaharness.agent.gemini.FakeGeminiServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.agent.AgentSummary;
import dev.diaharness.agent.gemini.FakeGeminiServer;
import dev.diaharness.agent.gemini.GeminiEnterpriseClient;
import dev.diaharness.agent.gemini.GeminiHttp;
import dev.diaharness.agent.gemini.GeminiSettings;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.AgentConfigLoader;
import dev.diaharness.emulator.EmulatorServer;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code agents prune} and the POOL column of {@code agents list}, against the real emulator on loopback: main
 * agents, the pools of two agents, and agents whose names only look like pool agents.
 */
class AgentsPruneCommandTest {
  /** The example's agent, which the emulator starts with. */
  static final String BASE = AgentConfigLoader.load(Path.of(EvaluateCommandTest.CONFIG)).displayName();
  static final List<String> POOL_AGENTS =
      List.of(BASE + " · pool 1", BASE + " · pool 2", "Sales Agent · pool 1", "Sales Agent · pool 3");
  /** Agents prune must never touch: main agents, and names that contain "pool" without being a pool agent. */
  static final List<String> OTHER_AGENTS = List.of("Sales Agent", "Carpool planner", "Sales Agent pool 2",
      "Sales Agent · pool 01", "Sales Agent · pool x", "Sales Agent · pool ", "· pool 4", "Sales · pool 2 copy");

  final EmulatorServer server = EmulatorServer.builder(AgentConfigLoader.load(Path.of(EvaluateCommandTest.CONFIG)))
      .deployDelay(Duration.ZERO).seed(1).start();
  final Map<String, String> env = Map.of("GOOGLE_CLOUD_PROJECT", server.projectId(), "DIA_LOCATION",
      server.location(), "DIA_ENGINE_ID", server.engineId(), "DIA_ENDPOINT", server.baseUrl(),
      "BQ_PROJECT_ID", server.projectId(), "BQ_DATASET_ID", "local_dataset");
  final GeminiEnterpriseClient client = new GeminiEnterpriseClient(
      new GeminiHttp(GeminiSettings.fromEnvironment(lookup(env))), lookup(env));

  @AfterEach
  void stop() {
    server.close();
  }

  static Function<String, Optional<String>> lookup(Map<String, String> variables) {
    return name -> Optional.ofNullable(variables.get(name));
  }

  static CliTestSupport.CliRun run(Map<String, String> variables, String stdin, String... args) {
    CommandLine cmd = Main.commandLine();
    CommandLine agents = cmd.getSubcommands().get("agents");
    ((AgentsCommand.ListAgents) agents.getSubcommands().get("list").getCommand()).environment = lookup(variables);
    PruneAgentsCommand prune = (PruneAgentsCommand) agents.getSubcommands().get("prune").getCommand();
    prune.environment = lookup(variables);
    prune.input = new BufferedReader(new StringReader(stdin));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new CliTestSupport.CliRun(code, out.toString(), err.toString());
  }

  void createAll() {
    AgentConfig example = AgentConfigLoader.load(Path.of(EvaluateCommandTest.CONFIG));
    for (String name : concat(POOL_AGENTS, OTHER_AGENTS)) {
      client.create(named(example, name));
    }
  }

  static AgentConfig named(AgentConfig c, String displayName) {
    return new AgentConfig(c.name(), displayName, "an agent of the prune test", c.iconUri(), c.toolDescription(),
        c.nl2sqlPrompt(), c.schemaDescription(), c.nl2sqlExamples(), c.nl2pyPrompt(), c.allowedTables(),
        c.blockedTables(), c.bqProjectId(), c.bqDatasetId(), c.localData());
  }

  static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  List<String> names() {
    return client.list().stream().map(AgentSummary::displayName).toList();
  }

  @Test
  void pruneDeletesOnlyPoolAgentsOfEveryBase() {
    createAll();

    CliTestSupport.CliRun run = run(env, "", "agents", "prune", "--yes");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(names()).containsExactlyInAnyOrderElementsOf(concat(List.of(BASE), OTHER_AGENTS));
    assertThat(run.out()).contains("Pool agents to delete (4):")
        .contains("4 of 4 pool agents gone");
    POOL_AGENTS.forEach(name -> assertThat(run.out()).containsPattern("deleted\\s+\\d+  " + name));
    OTHER_AGENTS.forEach(name -> assertThat(run.out()).doesNotContain(name + System.lineSeparator()));
    assertThat(server.metrics().count("agents.delete")).isEqualTo(POOL_AGENTS.size());
  }

  @Test
  void aPrefixLimitsPruneToThePoolsOfTheMatchingAgents() {
    createAll();

    CliTestSupport.CliRun run = run(env, "", "agents", "prune", "--prefix", "Sales", "--yes");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(names()).containsExactlyInAnyOrderElementsOf(
        concat(List.of(BASE, BASE + " · pool 1", BASE + " · pool 2"), OTHER_AGENTS));
    assertThat(run.out()).contains("of agents whose display name starts with 'Sales' to delete (2)");
  }

  @Test
  void anEndedStdinMeansNoAndDeletesNothing() {
    createAll();

    CliTestSupport.CliRun run = run(env, "", "agents", "prune");

    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(run.err()).contains("not pruned: no answer (standard input ended) (answer y, or pass --yes)");
    assertThat(run.out()).contains("Delete these 4 agents? [y/N]");
    assertThat(names()).containsAll(POOL_AGENTS);
    assertThat(server.metrics().count("agents.delete")).isZero();
  }

  @Test
  void onlyAYesDeletes() {
    createAll();

    CliTestSupport.CliRun no = run(env, "n\n", "agents", "prune");
    assertThat(no.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(no.err()).contains("the answer was 'n'");
    assertThat(names()).containsAll(POOL_AGENTS);

    CliTestSupport.CliRun yes = run(env, " Y \n", "agents", "prune");
    assertThat(yes.exitCode()).as(yes.err()).isZero();
    assertThat(names()).doesNotContainAnyElementsOf(POOL_AGENTS).containsAll(OTHER_AGENTS);
  }

  @Test
  void withNoPoolAgentsPruneSaysSoAndAsksNothing() {
    CliTestSupport.CliRun run = run(env, "", "agents", "prune");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("No pool agents: nothing to delete.").doesNotContain("[y/N]");
    assertThat(names()).containsExactly(BASE);
  }

  @Test
  void agentsListMarksPoolAgentsWithTheirBase() {
    createAll();

    CliTestSupport.CliRun run = run(env, "", "agents", "list");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("ID\\s+DISPLAY NAME\\s+STATE\\s+POOL")
        .containsPattern("\\d+\\s+" + BASE + " · pool 2\\s+CONFIGURED\\s+pool 2 of " + BASE)
        .containsPattern("\\d+\\s+Sales Agent · pool 3\\s+CONFIGURED\\s+pool 3 of Sales Agent")
        .contains((1 + POOL_AGENTS.size() + OTHER_AGENTS.size()) + " agents (4 in agent pools");
    for (String other : OTHER_AGENTS) {
      String row = run.out().lines().filter(l -> l.matches("\\d+\\s+" + java.util.regex.Pattern.quote(other)
          + "\\s+\\S+")).findFirst().orElse("");
      assertThat(row).as(other).isNotEmpty().doesNotContain(" of ");
    }
  }

  static final String FAKE_ASSISTANT = "projects/proj/locations/global/collections/default_collection/engines/eng/"
      + "assistants/default_assistant";

  /** {@code agents prune --yes} against a loopback fake that lists {@code names} as agents 1, 2, … */
  static CliTestSupport.CliRun pruneOnFake(FakeGeminiServer fake, String... names) {
    StringBuilder agents = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      agents.append(i == 0 ? "" : ",").append("{\"name\":\"").append(FAKE_ASSISTANT).append("/agents/")
          .append(i + 1).append("\",\"displayName\":\"").append(names[i]).append("\"}");
    }
    fake.on("GET", FAKE_ASSISTANT + "/agents", json(200, "{\"agents\":[" + agents + "]}"));
    return run(Map.of("GOOGLE_CLOUD_PROJECT", "proj", "DIA_ENGINE_ID", "eng", "DIA_ENDPOINT", fake.base()), "",
        "agents", "prune", "--yes");
  }

  /** A loopback fake, for what the emulator does not do: refuse one delete. */
  @Test
  void aFailedDeleteIsReportedAndTheOthersGoOn() {
    try (FakeGeminiServer fake = new FakeGeminiServer()) {
      fake.on("DELETE", FAKE_ASSISTANT + "/agents/[13]", json(200, "{\"done\":true}"))
          .on("DELETE", FAKE_ASSISTANT + "/agents/2", error(403, "PERMISSION_DENIED", "may not delete agent 2"));

      CliTestSupport.CliRun run = pruneOnFake(fake, "A · pool 1", "A · pool 2", "A · pool 3", "A");

      assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
      assertThat(run.out()).containsPattern("deleted\\s+1  A · pool 1")
          .containsPattern("FAILED\\s+2  A · pool 2: .*may not delete agent 2")
          .containsPattern("deleted\\s+3  A · pool 3")
          .contains("2 of 3 pool agents gone, 1 failed");
      assertThat(fake.requests("DELETE", ".*")).extracting(FakeGeminiServer.Recorded::path)
          .containsExactly(FAKE_ASSISTANT + "/agents/1", FAKE_ASSISTANT + "/agents/2", FAKE_ASSISTANT + "/agents/3");
    }
  }

  /** A loopback fake, for what the emulator does not do: fail a delete's operation. */
  @Test
  void aServiceFailureIsExit4AndAnAgentGoneMeanwhileCountsAsGone() {
    try (FakeGeminiServer fake = new FakeGeminiServer()) {
      fake.on("DELETE", FAKE_ASSISTANT + "/agents/1", json(200, "{\"name\":\"" + FAKE_ASSISTANT
              + "/agents/1/operations/d\",\"done\":true,\"error\":{\"code\":13,\"message\":\"backend broke\"}}"))
          .on("DELETE", FAKE_ASSISTANT + "/agents/2", error(404, "NOT_FOUND", "no agent 2"));

      CliTestSupport.CliRun run = pruneOnFake(fake, "A · pool 1", "A · pool 2");

      assertThat(run.exitCode()).isEqualTo(ExitCode.STOPPED.code());
      assertThat(run.out()).containsPattern("FAILED\\s+1  A · pool 1: .*code 13: backend broke")
          .containsPattern("already gone\\s+2  A · pool 2")
          .contains("1 of 2 pool agents gone, 1 failed");
    }
  }

  @Test
  void aListingThatFailsIsExit4AndDeletesNothing() {
    try (FakeGeminiServer fake = new FakeGeminiServer()) {
      fake.on("GET", FAKE_ASSISTANT + "/agents", json(200, "not json"));
      CliTestSupport.CliRun run = run(Map.of("GOOGLE_CLOUD_PROJECT", "proj", "DIA_ENGINE_ID", "eng",
          "DIA_ENDPOINT", fake.base()), "", "agents", "prune", "--yes");

      assertThat(run.exitCode()).isEqualTo(ExitCode.STOPPED.code());
      assertThat(run.err()).contains("invalid JSON");
      assertThat(fake.requests("DELETE", ".*")).isEmpty();
    }
  }
}
