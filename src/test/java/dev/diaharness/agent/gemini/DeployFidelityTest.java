package dev.diaharness.agent.gemini;

import static dev.diaharness.agent.gemini.FakeGeminiServer.error;
import static dev.diaharness.agent.gemini.FakeGeminiServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.agent.AgentSummary;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.core.InputException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deploy against a loopback server that enforces what Google's discovery document marks Required, answering a
 * missing field with Google's 400 shape ({@code INVALID_ARGUMENT} with a {@code BadRequest} field violation).
 */
class DeployFidelityTest {
  static final String LOCATION = "projects/proj/locations/global";
  static final String ASSISTANT = LOCATION + "/collections/default_collection/engines/eng/assistants/default_assistant";
  static final Map<String, String> ENV = Map.of("GOOGLE_CLOUD_PROJECT", "proj", "BQ_DATASET_ID", "shop");

  final FakeGeminiServer fake = new FakeGeminiServer();

  @AfterEach
  void stop() {
    fake.close();
  }

  GeminiEnterpriseClient client(Optional<GeminiSettings.OAuthClient> oauth) {
    GeminiSettings s = fake.settings("1");
    GeminiSettings settings = new GeminiSettings(s.project(), s.location(), s.engineId(), Optional.empty(),
        s.endpoint(), oauth, s.policy());
    return new GeminiEnterpriseClient(new GeminiHttp(settings), name -> Optional.ofNullable(ENV.get(name)));
  }

  static AgentConfig config(String description, String dataset) {
    return new AgentConfig("x", "Data Agent - X", description, "", "tool", "prompt", "schema", List.of(), "",
        List.of(), List.of(), "${GOOGLE_CLOUD_PROJECT}", dataset, Optional.empty());
  }

  /** agents.create as Google checks it: displayName and description Required. */
  FakeGeminiServer.Reply strictCreate() {
    return exchange -> {
      var body = fake.requests("POST", ASSISTANT + "/agents").get(fake.requests("POST", ASSISTANT + "/agents").size() - 1)
          .json();
      for (String field : List.of("displayName", "description")) {
        if (body.path(field).asText("").isBlank()) {
          json(400, "{\"error\":{\"code\":400,\"message\":\"Request contains an invalid argument.\",\"status\":"
              + "\"INVALID_ARGUMENT\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.BadRequest\","
              + "\"fieldViolations\":[{\"field\":\"agent." + field + "\",\"description\":\"Field is required\"}]}]}}")
              .write(exchange);
          return;
        }
      }
      json(200, "{\"name\":\"" + ASSISTANT + "/agents/77\",\"displayName\":\"Data Agent - X\",\"state\":"
          + "\"CONFIGURED\"}").write(exchange);
    };
  }

  void deployable() {
    fake.on("GET", ASSISTANT + "/agents", json(200, "{}"))
        .on("POST", ASSISTANT + "/agents", strictCreate())
        .on("POST", ASSISTANT + "/agents/77:deploy", json(200, "{\"name\":\"" + ASSISTANT + "/agents/77/operations/d1\","
            + "\"done\":true}"));
  }

  @Test
  void aConfigWithoutDescriptionDeploysWithOneDerivedFromTheDisplayName() {
    deployable();

    DeployService.Result result = new DeployService(client(Optional.empty())).deploy(config("", "${BQ_DATASET_ID}"));

    assertThat(result.agentId()).isEqualTo("77");
    String sent = fake.requests("POST", ASSISTANT + "/agents").get(0).json().path("description").asText();
    assertThat(sent).contains("Data Agent - X");
    assertThat(fake.requests("POST", ASSISTANT + "/agents")).hasSize(1); // no 400, no retry
  }

  @Test
  void aMissingFieldIsBadInputBeforeAnyCall() {
    assertThatThrownBy(() -> new DeployService(client(Optional.empty())).deploy(config("d", "${NOT_SET}")))
        .isInstanceOf(InputException.class).hasMessageContaining("NOT_SET");
    assertThat(fake.requests()).isEmpty(); // not even the agents.list that looks for an existing agent
  }

  @Test
  void anEmptyRequiredFieldIsNamed() {
    assertThatThrownBy(() -> RequiredFields.check("agents.create", "description", " "))
        .isInstanceOf(InputException.class).hasMessage("description is empty, but agents.create requires it");
  }

  @Test
  void theAgentIsLookedUpWithADisplayNameFilter() {
    fake.on("GET", ASSISTANT + "/agents", json(200, "{\"agents\":[{\"name\":\"" + ASSISTANT + "/agents/5\","
        + "\"displayName\":\"Data Agent - X\",\"state\":\"ENABLED\"}]}"));

    List<AgentSummary> found = client(Optional.empty()).findByDisplayName("Data Agent - X");

    assertThat(found).extracting(AgentSummary::id).containsExactly("5");
    String query = URLDecoder.decode(fake.requests().get(0).query(), StandardCharsets.UTF_8);
    assertThat(query).contains("filter=display_name=\"Data Agent - X\"");
  }

  @Test
  void aRefusedFilterFallsBackToPagingWithoutRetries() {
    fake.on("GET", ASSISTANT + "/agents", error(400, "INVALID_ARGUMENT", "Unsupported filter."),
        json(200, "{\"agents\":[{\"name\":\"" + ASSISTANT + "/agents/4\",\"displayName\":\"Other\"},"
            + "{\"name\":\"" + ASSISTANT + "/agents/5\",\"displayName\":\"Data Agent - X\"}]}"));

    List<AgentSummary> found = client(Optional.empty()).findByDisplayName("Data Agent - X");

    assertThat(found).extracting(AgentSummary::id).containsExactly("5");
    assertThat(fake.requests()).extracting(FakeGeminiServer.Recorded::query)
        .containsExactly(fake.requests().get(0).query(), "pageSize=100");
    assertThat(fake.requests().get(0).query()).contains("filter=");
  }

  @Test
  void aFailedAuthorizationWarnsAndTheDeploySucceeds() {
    deployable();
    fake.on("GET", LOCATION + "/authorizations/.*",
        error(403, "PERMISSION_DENIED", "Permission 'discoveryengine.authorizations.get' denied."));

    DeployService.Result result = new DeployService(client(Optional.of(new GeminiSettings.OAuthClient("cid", "sec"))))
        .deploy(config("d", "${BQ_DATASET_ID}"));

    assertThat(result.agentId()).isEqualTo("77");
    assertThat(result.authorizationName()).isEmpty();
    assertThat(result.warnings()).singleElement().asString()
        .contains("could not be set up").contains("PERMISSION_DENIED").doesNotContain("sec\"");
    assertThat(result.steps()).anySatisfy(s -> assertThat(s).contains("authorization link"));
    assertThat(fake.requests("POST", ASSISTANT + "/agents").get(0).json().has("authorizationConfig")).isFalse();
  }

  @Test
  void aFailedStateIsShownWithItsReason() {
    fake.on("GET", ASSISTANT + "/agents/9", json(200, "{\"name\":\"" + ASSISTANT + "/agents/9\",\"displayName\":"
        + "\"X\",\"state\":\"DEPLOYMENT_FAILED\",\"deploymentFailureReason\":\"BigQuery dataset shop not found\"}"));

    AgentSummary agent = client(Optional.empty()).summary("9");

    assertThat(agent.isFailed()).isTrue();
    assertThat(agent.describeState()).isEqualTo("DEPLOYMENT_FAILED (BigQuery dataset shop not found)");
    assertThatThrownBy(() -> client(Optional.empty()).isDeployed("9"))
        .isInstanceOf(GeminiApiException.class).hasMessageContaining("BigQuery dataset shop not found");
  }

  @Test
  void anOperationErrorShowsItsCodeMessageAndDetails() {
    fake.on("POST", ASSISTANT + "/agents/5:deploy", json(200, "{\"name\":\"" + ASSISTANT + "/agents/5/operations/o\"}"))
        .on("GET", ASSISTANT + "/agents/5/operations/o", json(200, "{\"name\":\"" + ASSISTANT
            + "/agents/5/operations/o\",\"done\":true,\"error\":{\"code\":9,\"message\":\"dataset missing\","
            + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"DATASET_NOT_FOUND\"}]}}"));

    assertThatThrownBy(() -> client(Optional.empty()).deploy("5")).isInstanceOf(GeminiApiException.class)
        .hasMessageContaining("code 9: dataset missing; DATASET_NOT_FOUND");
  }
}
