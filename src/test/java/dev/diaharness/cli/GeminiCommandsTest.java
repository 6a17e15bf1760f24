package dev.diaharness.cli;

import static dev.diaharness.agent.gemini.FakeGeminiServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.agent.gemini.FakeGeminiServer;
import dev.diaharness.core.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GeminiCommandsTest {
  static final String ASSISTANT =
      "projects/proj/locations/global/collections/default_collection/engines/eng/assistants/default_assistant";

  final FakeGeminiServer fake = new FakeGeminiServer();
  final Map<String, String> env = new HashMap<>();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    fake.close();
  }

  GeminiCommandsTest() {
    env.putAll(Map.of("GOOGLE_CLOUD_PROJECT", "proj", "DIA_ENGINE_ID", "eng", "BQ_DATASET_ID", "shop",
        "DIA_ENDPOINT", fake.base()));
  }

  CliTestSupport.CliRun run(String... args) {
    CommandLine cmd = Main.commandLine();
    java.util.function.Function<String, Optional<String>> lookup = name -> Optional.ofNullable(env.get(name));
    ((DeployCommand) cmd.getSubcommands().get("deploy").getCommand()).environment = lookup;
    CommandLine agents = cmd.getSubcommands().get("agents");
    ((AgentsCommand.ListAgents) agents.getSubcommands().get("list").getCommand()).environment = lookup;
    ((AgentsCommand.GetAgent) agents.getSubcommands().get("get").getCommand()).environment = lookup;
    return CliTestSupport.run(cmd, args);
  }

  Path baseline() throws Exception {
    // the shape of the Python tool's baseline_config.json: placeholders, null icon, snake_case examples
    Path copy = dir.resolve("baseline_config.json");
    Files.writeString(copy, "{\"name\":\"baseline\",\"display_name\":\"Data Agent - Baseline\",\"icon_uri\":null,"
        + "\"nl2sql_prompt\":\"p\",\"nl2sql_examples\":[{\"query\":\"q\",\"expected_sql\":\"SELECT 1\"}],"
        + "\"bq_project_id\":\"${GOOGLE_CLOUD_PROJECT}\",\"bq_dataset_id\":\"${BQ_DATASET_ID}\"}");
    return copy;
  }

  @Test
  void deployCreatesAttachesOauthDeploysAndPrintsTheEnvLine() throws Exception {
    env.put("OAUTH_CLIENT_ID", "cid");
    env.put("OAUTH_SECRET", "s3cret");
    fake.on("GET", ASSISTANT + "/agents", json(200, "{\"agents\":[{\"name\":\"" + ASSISTANT
            + "/agents/1\",\"displayName\":\"Other\"}]}"))
        .on("POST", "projects/proj/locations/global/authorizations", json(200, "{}"))
        .on("POST", ASSISTANT + "/agents", json(200, "{\"name\":\"" + ASSISTANT + "/agents/555\"}"))
        .on("POST", ASSISTANT + "/agents/555:deploy", json(200, "{\"name\":\"projects/proj/operations/d\"}"))
        .on("GET", "projects/proj/operations/d", json(200, "{\"name\":\"projects/proj/operations/d\",\"done\":true}"));

    CliTestSupport.CliRun run = run("deploy", "--config-file", baseline().toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Created agent 555").contains("DIA_AGENT_ID=555")
        .contains("Attached OAuth authorization projects/proj/locations/global/authorizations/")
        .contains("https://accounts.google.com/o/oauth2/v2/auth?client_id=cid")
        .doesNotContain("s3cret");
    JsonNode created = fake.requests("POST", ASSISTANT + "/agents").get(0).json();
    assertThat(created.at("/managedAgentDefinition/dataScienceAgentConfig/bqProjectId").asText()).isEqualTo("proj");
    assertThat(created.at("/managedAgentDefinition/dataScienceAgentConfig/bqDatasetId").asText()).isEqualTo("shop");
    assertThat(created.at("/authorizationConfig/toolAuthorizations/0").asText())
        .startsWith("projects/proj/locations/global/authorizations/dia-harness-");
  }

  @Test
  void deployReusesTheAgentWithTheSameDisplayName() throws Exception {
    fake.on("GET", ASSISTANT + "/agents", json(200, "{\"agents\":[{\"name\":\"" + ASSISTANT
            + "/agents/77\",\"displayName\":\"Data Agent - Baseline\",\"state\":\"ENABLED\"}]}"))
        .on("POST", ASSISTANT + "/agents/77:deploy", FakeGeminiServer.error(400, "INVALID_ARGUMENT",
            "Invalid agent state for deploy: ENABLED"));

    CliTestSupport.CliRun run = run("deploy", "--config-file", baseline().toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Found the existing agent 77").contains("DIA_AGENT_ID=77");
    assertThat(fake.requests("POST", ASSISTANT + "/agents")).isEmpty();
  }

  @Test
  void missingEnvironmentIsExit2NamingEveryVariable() throws Exception {
    env.remove("GOOGLE_CLOUD_PROJECT");
    env.remove("DIA_ENGINE_ID");

    CliTestSupport.CliRun run = run("deploy", "--config-file", baseline().toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(run.err()).contains("GOOGLE_CLOUD_PROJECT, DIA_ENGINE_ID");
  }

  @Test
  void agentsListPrintsEveryPage() {
    fake.on("GET", ASSISTANT + "/agents",
        json(200, "{\"agents\":[{\"name\":\"" + ASSISTANT + "/agents/1\",\"displayName\":\"First\","
            + "\"state\":\"ENABLED\"}],\"nextPageToken\":\"n\"}"),
        json(200, "{\"agents\":[{\"name\":\"" + ASSISTANT + "/agents/2\",\"displayName\":\"Second\","
            + "\"state\":\"CREATING\"}]}"));

    CliTestSupport.CliRun run = run("agents", "list");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("1\\s+First\\s+ENABLED").containsPattern("2\\s+Second\\s+CREATING")
        .contains("2 agents");
  }

  @Test
  void agentsGetWritesTheConfigFileFormat() throws Exception {
    fake.on("GET", ASSISTANT + "/agents/9", json(200, "{\"name\":\"" + ASSISTANT + "/agents/9\","
        + "\"displayName\":\"Data Agent - v3\",\"managedAgentDefinition\":{\"toolSettings\":{\"toolDescription\":"
        + "\"T\"},\"dataScienceAgentConfig\":{\"bqProjectId\":\"proj\",\"bqDatasetId\":\"shop\",\"nlQueryConfig\":"
        + "{\"nl2sqlPrompt\":\"P\",\"nl2sqlExamples\":[{\"query\":\"q\",\"expectedSql\":\"SELECT 1\"}]}}}}"));
    Path out = dir.resolve("agent.json");

    CliTestSupport.CliRun run = run("agents", "get", "9", "--output", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode written = Json.MAPPER.readTree(out.toFile());
    assertThat(written.path("name").asText()).isEqualTo("v3");
    assertThat(written.path("nl2sql_prompt").asText()).isEqualTo("P");
    assertThat(written.path("tool_description").asText()).isEqualTo("T");
    assertThat(written.at("/nl2sql_examples/0/expected_sql").asText()).isEqualTo("SELECT 1");
    assertThat(written.path("bq_dataset_id").asText()).isEqualTo("shop");
  }

  @Test
  void agentsGetOfAnUnknownIdIsExit2ListingTheAgents() {
    fake.on("GET", ASSISTANT + "/agents/404", FakeGeminiServer.error(404, "NOT_FOUND", "nope"))
        .on("GET", ASSISTANT + "/agents", json(200, "{\"agents\":[{\"name\":\"" + ASSISTANT
            + "/agents/12\",\"displayName\":\"Baseline\"}]}"));

    CliTestSupport.CliRun run = run("agents", "get", "404");

    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(run.err()).contains("agent 404 not found").contains("12 (Baseline)");
  }
}
