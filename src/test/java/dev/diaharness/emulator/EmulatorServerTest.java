package dev.diaharness.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.agent.gemini.AgentResource;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.NlExample;
import dev.diaharness.core.Json;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The emulator over real loopback HTTP: agents lifecycle, pagination, streamAssist, sessions, errors. */
class EmulatorServerTest {
  private static EmulatorServer server;
  private static Http http;
  private static String engine;
  private static String assistant;

  @BeforeAll
  static void start() {
    server = EmulatorServer.builder(TestData.baseline()).deployDelay(Duration.ZERO).seed(5).start();
    http = new Http(server.baseUrl());
    engine = "/v1alpha/projects/local-project/locations/global/collections/default_collection/engines/local-engine";
    assistant = engine + "/assistants/default_assistant";
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void startsWithOneEnabledAgentOnTheLoopbackInterface() {
    assertThat(server.baseUrl()).startsWith("http://127.0.0.1:");
    JsonNode agent = Http.json(http.get(assistant + "/agents/" + server.agentId()));
    assertThat(agent.path("state").asText()).isEqualTo("ENABLED");
    assertThat(agent.path("displayName").asText()).isEqualTo("Data Agent - Baseline");
    assertThat(agent.at("/managedAgentDefinition/dataScienceAgentConfig/nlQueryConfig/nl2sqlExamples")).hasSize(3);
  }

  @Test
  void createDeployGetPatchGet() {
    AgentConfig config = TestData.baseline().withNl2sqlPrompt("first prompt");
    ObjectNode body = AgentResource.toResource(config, "p", "d", Optional.empty());
    HttpResponse<String> created = http.post(assistant + "/agents", body.toString());
    assertThat(created.statusCode()).isEqualTo(200);
    String name = Http.json(created).path("name").asText();
    assertThat(name).matches(".*/assistants/default_assistant/agents/\\d+");
    assertThat(Http.json(created).path("state").asText()).isEqualTo("CONFIGURED");
    String id = AgentResource.idOf(name);

    JsonNode op = Http.json(http.post(assistant + "/agents/" + id + ":deploy", "{\"name\":\"" + name + "\"}"));
    assertThat(op.path("name").asText()).startsWith("projects/local-project/").contains("/operations/deploy-");
    assertThat(op.path("done").asBoolean()).isFalse();
    JsonNode polled = Http.json(http.get("/v1alpha/" + op.path("name").asText()));
    assertThat(polled.path("done").asBoolean()).isTrue();
    assertThat(Http.json(http.get(assistant + "/agents/" + id)).path("state").asText()).isEqualTo("ENABLED");

    AgentConfig changed = config.withNl2sqlPrompt("second prompt")
        .withNl2sqlExamples(List.of(new NlExample("q?", "SELECT 1", "")));
    ObjectNode patch = Json.MAPPER.createObjectNode();
    patch.putObject("managedAgentDefinition").putObject("dataScienceAgentConfig")
        .set("nlQueryConfig", AgentResource.nlQueryConfig(changed));
    HttpResponse<String> patched = http.patch(assistant + "/agents/" + id + "?updateMask="
        + URLEncoder.encode(AgentResource.NL_QUERY_CONFIG_MASK, StandardCharsets.UTF_8), patch.toString());
    assertThat(patched.statusCode()).isEqualTo(200);

    AgentConfig got = AgentResource.fromResource(Http.json(http.get(assistant + "/agents/" + id)));
    assertThat(got.nl2sqlPrompt()).isEqualTo("second prompt");
    assertThat(got.nl2sqlExamples()).containsExactly(new NlExample("q?", "SELECT 1", ""));
    assertThat(got.toolDescription()).isEqualTo(config.toolDescription());
  }

  @Test
  void deployingAnEnabledAgentIsTheRealServices400() {
    HttpResponse<String> r = http.post(assistant + "/agents/" + server.agentId() + ":deploy", "{}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("Invalid agent state for deploy: ENABLED");
  }

  @Test
  void anUnknownUpdateMaskIs400AndChangesNothing() {
    HttpResponse<String> r = http.patch(assistant + "/agents/" + server.agentId() + "?updateMask=foo.bar",
        "{\"displayName\":\"x\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Http.json(r).at("/error/status").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(Http.json(http.get(assistant + "/agents/" + server.agentId())).path("displayName").asText())
        .isEqualTo("Data Agent - Baseline");
  }

  @Test
  void unknownAgentIsAGoogleStyle404() {
    HttpResponse<String> r = http.get(assistant + "/agents/999");
    assertThat(r.statusCode()).isEqualTo(404);
    JsonNode error = Http.json(r).path("error");
    assertThat(error.path("code").asInt()).isEqualTo(404);
    assertThat(error.path("status").asText()).isEqualTo("NOT_FOUND");
    assertThat(error.path("message").asText()).contains("999");
  }

  @Test
  void listPaginatesWithNextPageToken() {
    AgentConfig config = TestData.baseline();
    for (int i = 0; i < 4; i++) {
      http.post(assistant + "/agents", AgentResource.toResource(config.withNl2sqlPrompt("p" + i), "p", "d",
          Optional.empty()).toString());
    }
    Set<String> names = new HashSet<>();
    List<Integer> pageSizes = new ArrayList<>();
    String token = "";
    do {
      JsonNode page = Http.json(http.get(assistant + "/agents?pageSize=2" + (token.isEmpty() ? "" : "&pageToken="
          + token)));
      page.path("agents").forEach(a -> names.add(a.path("name").asText()));
      pageSizes.add(page.path("agents").size());
      token = page.path("nextPageToken").asText("");
    } while (!token.isEmpty());
    assertThat(names.size()).isGreaterThanOrEqualTo(5);
    assertThat(pageSizes.subList(0, pageSizes.size() - 1)).allMatch(s -> s == 2);
    assertThat(names.size()).isEqualTo(pageSizes.stream().mapToInt(Integer::intValue).sum());
  }

  @Test
  void streamAssistStreamsTheBrainsSqlInFragmentsWithThoughtsAndSessionInfoLast() {
    String session = Http.json(http.post(engine + "/sessions", "{\"displayName\":\"t\"}")).path("name").asText();
    HttpResponse<String> r = ask(session, "How many customers are there?", true);
    assertThat(r.statusCode()).isEqualTo(200);
    Streamed s = Streamed.of(r.body());
    assertThat(s.elements()).hasSizeGreaterThan(3);
    assertThat(s.text()).contains("```sql\nSELECT COUNT(*) FROM `dataset.customers`\n```")
        .contains("The query returned 1 row: 100.");
    assertThat(s.thoughts()).contains("closest example");
    assertThat(s.states()).startsWith("IN_PROGRESS").endsWith("SUCCEEDED");
    assertThat(s.last().at("/sessionInfo/session").asText()).isEqualTo(session);
    assertThat(s.elements().get(0).path("assistToken").asText()).isNotBlank();
    assertThat(s.textFragments()).as("the SQL fence spans several elements").isGreaterThan(2);
  }

  @Test
  void theFollowUpReturnsTheLastSqlOfTheSession() {
    HttpResponse<String> first = ask(engine + "/sessions/-", "What are the top 3 most expensive products?", true);
    String session = Streamed.of(first.body()).last().at("/sessionInfo/session").asText();
    assertThat(session).matches(".*/sessions/\\d+");
    Streamed followUp =
        Streamed.of(ask(session, "what was the sql query used for the previous answer?", true).body());
    assertThat(followUp.text())
        .contains("```sql\nSELECT name, price FROM `dataset.products` ORDER BY price DESC LIMIT 3\n```");
  }

  @Test
  void withoutAgentsSpecTheDefaultAssistantAnswersWithoutSql() {
    Streamed s = Streamed.of(ask(engine + "/sessions/-", "How many customers are there?", false).body());
    assertThat(s.text()).doesNotContain("```").doesNotContainIgnoringCase("select");
    assertThat(s.states()).endsWith("SUCCEEDED");
  }

  @Test
  void streamAssistToAnUnknownAgentIs404() {
    HttpResponse<String> r = http.post(assistant + ":streamAssist",
        "{\"query\":{\"text\":\"hi\"},\"agentsSpec\":{\"agentSpecs\":[{\"agentId\":\"123\"}]}}");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(Http.json(r).at("/error/status").asText()).isEqualTo("NOT_FOUND");
  }

  @Test
  void aPathOfAnotherEngineIs404() {
    HttpResponse<String> r = http.get(
        "/v1alpha/projects/other/locations/global/collections/default_collection/engines/local-engine"
            + "/assistants/default_assistant/agents");
    assertThat(r.statusCode()).isEqualTo(404);
  }

  @Test
  void theBrainUsesTheAgentsCurrentConfigAfterAPatch() {
    AgentConfig config = TestData.baseline();
    String name = Http.json(http.post(assistant + "/agents",
        AgentResource.toResource(config, "p", "d", Optional.empty()).toString())).path("name").asText();
    String id = AgentResource.idOf(name);
    http.post(assistant + "/agents/" + id + ":deploy", "{}");
    http.get(assistant + "/agents/" + id);
    String question = "How many products are in the Books category?";
    String expected = "SELECT COUNT(*) FROM `dataset.products` WHERE category = 'Books'";
    assertThat(Streamed.of(askAgent(id, question).body()).text()).doesNotContain(expected);

    AgentConfig better = config.withNl2sqlExamples(List.of(new NlExample(
        "How many products are in the Toys category?",
        "SELECT COUNT(*) FROM `dataset.products` WHERE category = 'Toys'", "")));
    ObjectNode patch = Json.MAPPER.createObjectNode();
    patch.putObject("managedAgentDefinition").putObject("dataScienceAgentConfig")
        .set("nlQueryConfig", AgentResource.nlQueryConfig(better));
    http.patch(assistant + "/agents/" + id + "?updateMask=" + AgentResource.NL_QUERY_CONFIG_MASK, patch.toString());
    assertThat(Streamed.of(askAgent(id, question).body()).text()).contains(expected)
        .contains("The query returned 1 row: 7.");
  }

  @Test
  void countsRequestsPerEndpoint() {
    long before = server.metrics().count("streamAssist");
    ask(engine + "/sessions/-", "How many customers are there?", true);
    MetricsSnapshot after = server.metrics();
    assertThat(after.count("streamAssist")).isEqualTo(before + 1);
    assertThat(after.total()).isGreaterThan(after.count("streamAssist"));
    assertThat(after.arrivalNanos()).isNotEmpty();
  }

  private static HttpResponse<String> ask(String session, String question, boolean withAgent) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("session", session);
    body.putObject("query").put("text", question);
    if (withAgent) {
      body.putObject("agentsSpec").putArray("agentSpecs").addObject().put("agentId", server.agentId());
    }
    return http.post(assistant + ":streamAssist", body.toString());
  }

  private static HttpResponse<String> askAgent(String agentId, String question) {
    return http.post(assistant + ":streamAssist", "{\"session\":\"" + engine + "/sessions/-\",\"query\":{\"text\":"
        + Json.MAPPER.valueToTree(question) + "},\"agentsSpec\":{\"agentSpecs\":[{\"agentId\":\"" + agentId
        + "\"}]}}");
  }
}
