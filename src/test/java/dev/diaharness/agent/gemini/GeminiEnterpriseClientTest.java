package dev.diaharness.agent.gemini;

import static dev.diaharness.agent.gemini.FakeGeminiServer.error;
import static dev.diaharness.agent.gemini.FakeGeminiServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.agent.AgentAccessDeniedException;
import dev.diaharness.agent.AgentSummary;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.NlExample;
import dev.diaharness.core.InputException;
import dev.diaharness.core.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GeminiEnterpriseClientTest {
  static final String ASSISTANT =
      "projects/proj/locations/global/collections/default_collection/engines/eng/assistants/default_assistant";
  static final Map<String, String> ENV = Map.of(
      "GOOGLE_CLOUD_PROJECT", "proj", "BQ_DATASET_ID", "shop", "DIA_ENGINE_ID", "eng");

  final FakeGeminiServer fake = new FakeGeminiServer();

  @AfterEach
  void stop() {
    fake.close();
  }

  GeminiEnterpriseClient client() {
    return new GeminiEnterpriseClient(new GeminiHttp(fake.settings("1")), name -> Optional.ofNullable(ENV.get(name)));
  }

  static AgentConfig config() {
    return new AgentConfig("baseline", "Data Agent - Baseline", "desc", "https://icon/x.png", "Use me",
        "You write SQL", "tables: orders", List.of(new NlExample("How many?", "SELECT 1", "One")), "",
        List.of("orders"), List.of(), "${GOOGLE_CLOUD_PROJECT}", "${BQ_DATASET_ID}", Optional.empty());
  }

  @Test
  void listFollowsEveryPage() {
    fake.on("GET", ASSISTANT + "/agents",
        json(200, "{\"agents\":[{\"name\":\"" + ASSISTANT + "/agents/1\",\"displayName\":\"A\",\"state\":\"ENABLED\"}],"
            + "\"nextPageToken\":\"t1\"}"),
        json(200, "{\"agents\":[{\"name\":\"" + ASSISTANT + "/agents/2\",\"displayName\":\"B\",\"state\":\"CREATING\"}],"
            + "\"nextPageToken\":\"t2\"}"),
        json(200, "{\"agents\":[{\"name\":\"" + ASSISTANT + "/agents/3\",\"displayName\":\"C\"}]}"));

    List<AgentSummary> agents = client().list();

    assertThat(agents).containsExactly(new AgentSummary("1", "A", "ENABLED"), new AgentSummary("2", "B", "CREATING"),
        new AgentSummary("3", "C", ""));
    assertThat(fake.requests()).extracting(FakeGeminiServer.Recorded::query)
        .containsExactly("pageSize=100", "pageSize=100&pageToken=t1", "pageSize=100&pageToken=t2");
  }

  @Test
  void createSendsTheSpecPayloadWithVariablesExpanded() throws Exception {
    fake.on("POST", ASSISTANT + "/agents", json(200, "{\"name\":\"" + ASSISTANT + "/agents/987\"}"));

    String id = client().create(config(), Optional.of("projects/proj/locations/global/authorizations/auth-1"));

    assertThat(id).isEqualTo("987");
    assertThat(fake.requests().get(0).json()).isEqualTo(Json.MAPPER.readTree("""
        {"displayName": "Data Agent - Baseline", "description": "desc", "icon": {"uri": "https://icon/x.png"},
         "managedAgentDefinition": {
           "toolSettings": {"toolDescription": "Use me"},
           "dataScienceAgentConfig": {"bqProjectId": "proj", "bqDatasetId": "shop", "allowlistTables": ["orders"],
             "nlQueryConfig": {"nl2sqlPrompt": "You write SQL", "schemaDescription": "tables: orders",
               "nl2pyPrompt": "",
               "nl2sqlExamples": [{"query": "How many?", "expectedSql": "SELECT 1", "expectedResponse": "One"}]}}},
         "authorizationConfig": {"toolAuthorizations": ["projects/proj/locations/global/authorizations/auth-1"]}}
        """));
  }

  @Test
  void anUnsetVariableIsBadInputAndNothingIsSent() {
    AgentConfig config = config();
    AgentConfig withUnset = new AgentConfig(config.name(), config.displayName(), "", "", "", "p", "", List.of(), "",
        List.of(), List.of(), "${NO_SUCH_PROJECT}", "x", Optional.empty());

    assertThatThrownBy(() -> client().create(withUnset))
        .isInstanceOf(InputException.class).hasMessageContaining("NO_SUCH_PROJECT").hasMessageContaining("bq_project_id");
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void deployPollsTheOperationUntilDone() {
    fake.on("POST", ASSISTANT + "/agents/5:deploy", json(200, "{\"name\":\"projects/proj/operations/op-1\"}"))
        .on("GET", "projects/proj/operations/op-1",
            json(200, "{\"name\":\"projects/proj/operations/op-1\"}"),
            json(200, "{\"name\":\"projects/proj/operations/op-1\",\"done\":false}"),
            json(200, "{\"name\":\"projects/proj/operations/op-1\",\"done\":true}"));

    client().deploy("5");

    assertThat(fake.requests("POST", ".*:deploy").get(0).json().path("name").asText()).isEqualTo(ASSISTANT + "/agents/5");
    assertThat(fake.requests("GET", "projects/proj/operations/op-1")).hasSize(3);
  }

  @Test
  void anOperationErrorIsAFailedDeploy() {
    fake.on("POST", ASSISTANT + "/agents/5:deploy", json(200, "{\"name\":\"projects/proj/operations/op-2\"}"))
        .on("GET", "projects/proj/operations/op-2", json(200,
            "{\"name\":\"projects/proj/operations/op-2\",\"done\":true,\"error\":{\"code\":9,\"message\":\"bad dataset\"}}"));

    assertThatThrownBy(() -> client().deploy("5"))
        .isInstanceOf(GeminiApiException.class).hasMessageContaining("bad dataset").hasMessageContaining("op-2");
  }

  @Test
  void theOperationWaitIsBounded() {
    fake.on("POST", ASSISTANT + "/agents/5:deploy", json(200, "{\"name\":\"projects/proj/operations/op-3\"}"))
        .on("GET", "projects/proj/operations/op-3", json(200, "{\"name\":\"projects/proj/operations/op-3\"}"))
        .on("GET", ASSISTANT + "/agents/5", json(200, "{\"name\":\"" + ASSISTANT + "/agents/5\",\"state\":\"CREATING\"}"));

    assertThatThrownBy(() -> client().deploy("5"))
        .isInstanceOf(GeminiApiException.class).hasMessageContaining("did not finish");
    assertThat(fake.requests("GET", "projects/proj/operations/op-3").size()).isGreaterThan(1);
  }

  @Test
  void alreadyEnabledCountsAsDeployedWithoutRetrying() {
    fake.on("POST", ASSISTANT + "/agents/5:deploy",
        error(400, "INVALID_ARGUMENT", "Invalid agent state for deploy: ENABLED"));

    client().deploy("5");

    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void getMapsTheResourceBackToAConfig() {
    fake.on("GET", ASSISTANT + "/agents/7", json(200, "{\"name\":\"" + ASSISTANT + "/agents/7\","
        + "\"displayName\":\"Data Agent - v2\",\"managedAgentDefinition\":{\"dataScienceAgentConfig\":"
        + "{\"nlQueryConfig\":{\"nl2sqlPrompt\":\"P\"},\"bqDatasetId\":\"shop\"}}}"));

    AgentConfig config = client().get("7");

    assertThat(config.name()).isEqualTo("v2");
    assertThat(config.nl2sqlPrompt()).isEqualTo("P");
    assertThat(config.bqDatasetId()).isEqualTo("shop");
  }

  @Test
  void anUnknownAgentIsBadInputListingTheAgentsThatExist() {
    fake.on("GET", ASSISTANT + "/agents/404", error(404, "NOT_FOUND", "Agent not found"))
        .on("GET", ASSISTANT + "/agents", json(200,
            "{\"agents\":[{\"name\":\"" + ASSISTANT + "/agents/11\",\"displayName\":\"Data Agent - Baseline\"}]}"));

    assertThatThrownBy(() -> client().get("404"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("agent 404 not found")
        .hasMessageContaining("11 (Data Agent - Baseline)");
  }

  static Stream<Arguments> masks() {
    AgentConfig current = config();
    String nl = AgentResource.NL_QUERY_CONFIG_MASK;
    return Stream.of(
        Arguments.of("prompt only", current.withNl2sqlPrompt("new prompt"), List.of(nl)),
        Arguments.of("tool description changed", current.withToolDescription("new tool"),
            List.of(nl, AgentResource.TOOL_DESCRIPTION_MASK)),
        Arguments.of("tables changed", current.withAllowedTables(List.of("orders", "customers")),
            List.of(nl, AgentResource.ALLOWLIST_MASK)),
        Arguments.of("both changed", current.withToolDescription("t").withAllowedTables(List.of()),
            List.of(nl, AgentResource.TOOL_DESCRIPTION_MASK, AgentResource.ALLOWLIST_MASK)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("masks")
  void updateSendsNlQueryConfigWholeAndOtherMasksOnlyWhenChanged(String change, AgentConfig target,
      List<String> expectedMask) {
    fake.on("GET", ASSISTANT + "/agents/8", json(200, AgentResource.toResource(config(), "proj", "shop",
            Optional.empty()).put("name", ASSISTANT + "/agents/8").toString()))
        .on("PATCH", ASSISTANT + "/agents/8", json(200, "{}"));

    client().update("8", target);

    FakeGeminiServer.Recorded patch = fake.requests("PATCH", ".*").get(0);
    String mask = URLDecoder.decode(patch.query().replaceFirst("^updateMask=", ""), StandardCharsets.UTF_8);
    assertThat(List.of(mask.split(","))).containsExactlyElementsOf(expectedMask);
    assertThat(patch.json().at("/managedAgentDefinition/dataScienceAgentConfig/nlQueryConfig"))
        .isEqualTo(AgentResource.nlQueryConfig(target));
    assertThat(patch.json().at("/managedAgentDefinition/toolSettings").isMissingNode())
        .isEqualTo(!expectedMask.contains(AgentResource.TOOL_DESCRIPTION_MASK));
    assertThat(patch.json().at("/managedAgentDefinition/dataScienceAgentConfig/allowlistTables").isMissingNode())
        .isEqualTo(!expectedMask.contains(AgentResource.ALLOWLIST_MASK));
  }

  @Test
  void anAbsentAuthorizationIsCreatedWithItsRequiredDisplayName() {
    String id = Authorizations.idFor("Data Agent - X");
    fake.on("GET", "projects/proj/locations/global/authorizations/" + id,
        error(404, "NOT_FOUND", "Authorization not found."));
    fake.on("POST", "projects/proj/locations/global/authorizations", json(200, "{}"));

    Authorizations.Outcome outcome = client().authorizations()
        .ensure(new GeminiSettings.OAuthClient("cid", "s3cret"), "Data Agent - X");

    FakeGeminiServer.Recorded request = fake.requests("POST", ".*").get(0);
    assertThat(request.query()).isEqualTo("authorizationId=" + id);
    String name = "projects/proj/locations/global/authorizations/" + id;
    assertThat(outcome).isEqualTo(new Authorizations.Created(name));
    assertThat(request.json().path("name").asText()).isEqualTo(name);
    assertThat(request.json().path("displayName").asText()).isEqualTo("BigQuery access for Data Agent - X");
    assertThat(request.json().at("/serverSideOauth2/clientId").asText()).isEqualTo("cid");
    assertThat(request.json().at("/serverSideOauth2/clientSecret").asText()).isEqualTo("s3cret");
    assertThat(request.json().at("/serverSideOauth2/tokenUri").asText()).isEqualTo("https://oauth2.googleapis.com/token");
    assertThat(request.json().at("/serverSideOauth2/authorizationUri").asText())
        .startsWith("https://accounts.google.com/o/oauth2/v2/auth?client_id=cid&")
        .contains("scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fbigquery");
  }

  @Test
  void anExistingAuthorizationIsReusedWithoutCreatingAnother() {
    String name = "projects/proj/locations/global/authorizations/" + Authorizations.idFor("Data Agent - X");
    fake.on("GET", name, json(200, "{\"name\":\"" + name + "\",\"displayName\":\"x\"}"));

    Authorizations.Outcome outcome = client().authorizations()
        .ensure(new GeminiSettings.OAuthClient("cid", "s3cret"), "Data Agent - X");

    assertThat(outcome).isEqualTo(new Authorizations.Reused(name));
    assertThat(fake.requests("POST", ".*")).isEmpty();
  }

  @Test
  void authorizationIdsAreStableValidAndDistinct() {
    assertThat(Authorizations.idFor("Data Agent - X")).isEqualTo(Authorizations.idFor("Data Agent - X"))
        .isNotEqualTo(Authorizations.idFor("Data Agent - Y")).matches("[a-z0-9-]{1,63}");
    assertThat(Authorizations.idFor("é".repeat(200))).matches("[a-z0-9-]{1,63}");
  }

  @Test
  void loopbackCallsCarryTheProjectHeaderButNoCredentials() {
    fake.on("GET", ASSISTANT + "/agents", json(200, "{}"));

    client().list();

    FakeGeminiServer.Recorded request = fake.requests().get(0);
    assertThat(request.header("X-Goog-User-Project")).contains("proj");
    assertThat(request.header("Authorization")).isEmpty();
  }

  @Test
  void serverErrorsAreRetriedThenSucceed() {
    fake.on("GET", ASSISTANT + "/agents", error(500, "INTERNAL", "boom"), error(503, "UNAVAILABLE", "busy"),
        json(200, "{\"agents\":[{\"name\":\"" + ASSISTANT + "/agents/1\"}]}"));

    assertThat(client().list()).hasSize(1);
    assertThat(fake.requests()).hasSize(3);
  }

  @Test
  void retryAfterOfA429IsHonoured() {
    fake.on("GET", ASSISTANT + "/agents",
        json(429, "{\"error\":{\"code\":429,\"status\":\"RESOURCE_EXHAUSTED\"}}", Map.of("Retry-After", "0.3")),
        json(200, "{}"));
    List<Optional<Duration>> rateLimits = new java.util.concurrent.CopyOnWriteArrayList<>();
    RetryListener listener = new RetryListener() {
      @Override
      public void onRateLimited(Optional<Duration> retryAfter) {
        rateLimits.add(retryAfter);
      }
    };
    GeminiHttp http = new GeminiHttp(fake.settings("1"), listener, java.time.Clock.systemUTC());

    new GeminiEnterpriseClient(http, name -> Optional.empty()).list();

    List<FakeGeminiServer.Recorded> calls = fake.requests();
    assertThat(calls).hasSize(2);
    assertThat(Duration.ofNanos(calls.get(1).nanoTime() - calls.get(0).nanoTime())).isGreaterThanOrEqualTo(
        Duration.ofMillis(300));
    assertThat(rateLimits).containsExactly(Optional.of(Duration.ofMillis(300)));
  }

  @Test
  void retriesAreBoundedAndEndInAnApiError() {
    fake.on("GET", ASSISTANT + "/agents", error(503, "UNAVAILABLE", "busy"));

    assertThatThrownBy(() -> client().list())
        .isInstanceOf(GeminiApiException.class).hasMessageContaining("503").hasMessageContaining("busy");
    assertThat(fake.requests()).hasSize(FakeGeminiServer.testPolicy().maxAttempts());
  }

  @Test
  void forbiddenIsAccessDeniedAndNeverRetried() {
    fake.on("GET", ASSISTANT + "/agents", error(403, "PERMISSION_DENIED", "caller lacks permission"));

    assertThatThrownBy(() -> client().list())
        .isInstanceOfSatisfying(AgentAccessDeniedException.class, e -> {
          assertThat(e.getMessage()).contains("caller lacks permission");
          assertThat(e.steps()).anyMatch(step -> step.contains("console.cloud.google.com"));
        });
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void otherClientErrorsAreBadInputWithTheServiceMessage() {
    fake.on("GET", ASSISTANT + "/agents", error(409, "ALREADY_EXISTS", "engine is being deleted"));

    assertThatThrownBy(() -> client().list())
        .isInstanceOf(InputException.class).hasMessageContaining("engine is being deleted")
        .hasMessageContaining("DIA_ENGINE_ID");
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void aBadRequestThatStaysBadIsBadInputAfterRetries() {
    fake.on("POST", ASSISTANT + "/agents", error(400, "INVALID_ARGUMENT", "bqDatasetId is invalid"));

    assertThatThrownBy(() -> client().create(config()))
        .isInstanceOf(InputException.class).hasMessageContaining("INVALID_ARGUMENT: bqDatasetId is invalid");
    assertThat(fake.requests()).as("SPEC §3.1: a 400 without FAILED_PRECONDITION is retried")
        .hasSize(FakeGeminiServer.testPolicy().maxAttempts());
  }
}
