package dev.diaharness.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diaharness.agent.AgentSummary;
import dev.diaharness.agent.gemini.AgentResource;
import dev.diaharness.agent.gemini.GeminiEnterpriseClient;
import dev.diaharness.agent.gemini.GeminiHttp;
import dev.diaharness.agent.gemini.GeminiSettings;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code agents.delete} on the emulator over loopback HTTP, as the real service answers it. */
class AgentDeleteTest {
  private final EmulatorServer server = EmulatorServer.builder(TestData.baseline()).deployDelay(Duration.ZERO)
      .seed(3).start();
  private final Http http = new Http(server.baseUrl());
  private final String assistant = "/v1alpha/projects/local-project/locations/global/collections/default_collection"
      + "/engines/local-engine/assistants/default_assistant";

  @AfterEach
  void stop() {
    server.close();
  }

  private String create(String displayName) {
    String body = AgentResource.toResource(TestData.baseline(), "p", "d", Optional.empty())
        .put("displayName", displayName).toString();
    return AgentResource.idOf(Http.json(http.post(assistant + "/agents", body)).path("name").asText());
  }

  private static void assertGoogleNotFound(HttpResponse<String> response, String id) {
    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode error = Http.json(response).path("error");
    assertThat(error.path("code").asInt()).isEqualTo(404);
    assertThat(error.path("status").asText()).isEqualTo("NOT_FOUND");
    assertThat(error.path("message").asText()).contains("/agents/" + id);
  }

  @Test
  void deleteAnswersWithAFinishedOperationAndTheAgentIsGoneFromListAndGet() {
    String kept = create("Kept");
    String doomed = create("Doomed");

    HttpResponse<String> deleted = http.delete(assistant + "/agents/" + doomed);

    assertThat(deleted.statusCode()).isEqualTo(200);
    JsonNode op = Http.json(deleted);
    assertThat(op.path("name").asText()).contains("/agents/" + doomed + "/operations/delete-");
    assertThat(op.path("done").asBoolean()).isTrue();
    assertThat(op.has("error")).isFalse();
    JsonNode polled = Http.json(http.get("/v1alpha/" + op.path("name").asText()));
    assertThat(polled.path("done").asBoolean()).isTrue();
    assertThat(polled.path("name").asText()).isEqualTo(op.path("name").asText());
    assertGoogleNotFound(http.get(assistant + "/agents/" + doomed), doomed);
    JsonNode listed = Http.json(http.get(assistant + "/agents"));
    assertThat(listed.path("agents").findValuesAsText("name"))
        .anyMatch(n -> n.endsWith("/agents/" + kept))
        .noneMatch(n -> n.endsWith("/agents/" + doomed))
        .hasSize(2); // the server's own agent and "Kept"
    assertThat(server.metrics().count("agents.delete")).isEqualTo(1);
  }

  @Test
  void deletingAnUnknownOrAlreadyDeletedAgentIsAGoogleStyle404() {
    String id = create("Once");
    assertThat(http.delete(assistant + "/agents/" + id).statusCode()).isEqualTo(200);

    assertGoogleNotFound(http.delete(assistant + "/agents/" + id), id);
    assertGoogleNotFound(http.delete(assistant + "/agents/123"), "123");
  }

  @Test
  void aDeployingAgentCanBeDeletedAndItsDeployOperationGoesWithIt() {
    EmulatorServer slow = EmulatorServer.builder(TestData.baseline()).deployDelay(Duration.ofHours(1)).start();
    try (slow) {
      Http slowHttp = new Http(slow.baseUrl());
      String body = AgentResource.toResource(TestData.baseline(), "p", "d", Optional.empty()).toString();
      String id = AgentResource.idOf(Http.json(slowHttp.post(assistant + "/agents", body)).path("name").asText());
      String deploy = Http.json(slowHttp.post(assistant + "/agents/" + id + ":deploy", "{}")).path("name").asText();

      assertThat(slowHttp.delete(assistant + "/agents/" + id).statusCode()).isEqualTo(200);

      assertThat(slowHttp.get("/v1alpha/" + deploy).statusCode()).isEqualTo(404);
      assertThat(slowHttp.get(assistant + "/agents/" + id).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void theRestClientDeletesThroughTheSameCodePathAndSeesA404AsAlreadyGone() {
    String id = create("Data Agent - Baseline · pool 1");
    GeminiEnterpriseClient client = new GeminiEnterpriseClient(new GeminiHttp(GeminiSettings.fromEnvironment(
        name -> Optional.ofNullable(Map.of("GOOGLE_CLOUD_PROJECT", server.projectId(), "DIA_ENGINE_ID",
            server.engineId(), "DIA_ENDPOINT", server.baseUrl()).get(name)))), name -> Optional.empty());

    assertThat(client.delete(id)).isTrue();
    assertThat(client.list()).extracting(AgentSummary::id).containsExactly(server.agentId());
    assertThat(client.delete(id)).isFalse();
  }
}
