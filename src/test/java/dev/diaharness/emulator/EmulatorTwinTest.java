package dev.diaharness.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.agent.AgentAccessDeniedException;
import dev.diaharness.agent.AgentError;
import dev.diaharness.agent.Answer;
import dev.diaharness.agent.SqlSource;
import dev.diaharness.agent.ToolEvent;
import dev.diaharness.agent.gemini.AgentResource;
import dev.diaharness.agent.gemini.Authorizations;
import dev.diaharness.agent.gemini.DeployService;
import dev.diaharness.agent.gemini.FakeGeminiServer;
import dev.diaharness.agent.gemini.GeminiAgent;
import dev.diaharness.agent.gemini.GeminiApiException;
import dev.diaharness.agent.gemini.GeminiEnterpriseClient;
import dev.diaharness.agent.gemini.GeminiHttp;
import dev.diaharness.agent.gemini.GeminiSettings;
import dev.diaharness.agent.gemini.SessionLedger;
import dev.diaharness.agent.gemini.SqlFollowup;
import dev.diaharness.agent.gemini.StreamAssistParser;
import dev.diaharness.config.AgentConfig;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The emulator as a twin of the real service, driven by the real client over loopback HTTP. */
class EmulatorTwinTest {
  static final String ENGINE =
      "/v1alpha/projects/local-project/locations/global/collections/default_collection/engines/local-engine";
  static final String QUESTION = "How many customers are there?";

  EmulatorServer server;
  final SessionLedger ledger = new SessionLedger();

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  EmulatorServer start(UnaryOperator<EmulatorServer.Builder> options) {
    server = options.apply(EmulatorServer.builder(EmulatorServerTestConfig.config()).deployDelay(Duration.ZERO))
        .start();
    return server;
  }

  Map<String, String> env(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(Map.of("GOOGLE_CLOUD_PROJECT", "local-project",
        "DIA_ENGINE_ID", "local-engine", "DIA_ENDPOINT", server.baseUrl(), "BQ_DATASET_ID", "shop"));
    env.putAll(extra);
    return env;
  }

  GeminiSettings settings(Map<String, String> extra) {
    return GeminiSettings.fromEnvironment(env(extra)).withPolicy(FakeGeminiServer.testPolicy());
  }

  GeminiAgent agent(SqlFollowup mode) {
    GeminiHttp http = new GeminiHttp(settings(Map.of("DIA_AGENT_ID", server.agentId())));
    return new GeminiAgent(http, mode, StreamAssistParser.DEFAULT_RAW_CAP, ledger);
  }

  GeminiEnterpriseClient client(Map<String, String> extra) {
    Map<String, String> env = env(extra);
    return new GeminiEnterpriseClient(new GeminiHttp(settings(extra)), name -> Optional.ofNullable(env.get(name)));
  }

  @Test
  void theDefaultStreamHasTheRecordedShape() {
    start(b -> b);

    Answer a = agent(SqlFollowup.IF_MISSING).ask(QUESTION);

    assertThat(a.error()).isEmpty();
    assertThat(a.sqlSource()).isEqualTo(SqlSource.ANSWER);
    assertThat(a.toolEvents()).containsSubsequence(
        new ToolEvent(ToolEvent.Kind.STATUS, "FunctionCallId_0", "Generating BigQuery SQL queries starts"),
        new ToolEvent(ToolEvent.Kind.STATUS, "10177153097010791149", "Generating BigQuery SQL queries finishes"),
        new ToolEvent(ToolEvent.Kind.STATUS, "FunctionCallId_1", "Executing BigQuery SQL queries starts"));
    assertThat(a.toolEvents()).contains(new ToolEvent(ToolEvent.Kind.TOOL_CALL, "FunctionCallId_0", ""));
    assertThat(a.responseText()).doesNotContain("Generating").doesNotContain("FunctionCallId");
    String raw = a.rawChunks().get(0);
    assertThat(raw).contains("\"contentMetadata\":{}").contains("\"replyId\":\"FunctionCallId_0\"")
        .contains("\"role\":\"model\"");
  }

  @Test
  void groundedSqlNeedsNoFollowUp() {
    start(b -> b.groundedSql(true).proseAnswers(true));

    Answer a = agent(SqlFollowup.IF_MISSING).ask(QUESTION);

    assertThat(a.sqlSource()).isEqualTo(SqlSource.GROUNDING);
    assertThat(a.sql()).hasValueSatisfying(sql -> assertThat(sql).containsIgnoringCase("COUNT(*)"));
    assertThat(a.responseText()).doesNotContainIgnoringCase("select");
    assertThat(server.metrics().count("streamAssist")).isEqualTo(1);
  }

  @Test
  void proseAnswersAsRecordedNeedTheFollowUp() {
    start(b -> b.proseAnswers(true));

    Answer a = agent(SqlFollowup.IF_MISSING).ask(QUESTION);

    assertThat(a.sqlSource()).isEqualTo(SqlSource.FOLLOW_UP);
    assertThat(a.responseText()).startsWith("The query returned");
    assertThat(server.metrics().count("streamAssist")).isEqualTo(2);
  }

  static Stream<Arguments> answerFaults() {
    return Stream.of(Arguments.of(FaultPlan.Kind.SKIPPED_ANSWER, AgentError.Kind.SKIPPED, "OUT_OF_DOMAIN_QUERY_IGNORED"),
        Arguments.of(FaultPlan.Kind.CANCELLED_ANSWER, AgentError.Kind.CANCELLED, "ASSIST_CANCELLED"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answerFaults")
  void injectedSkippedAndCancelledAnswersAreErrorRowsOfTheirKind(FaultPlan.Kind fault, AgentError.Kind kind,
      String reason) {
    start(b -> b.faults(FaultPlan.none().withRate(fault, 1.0)));

    Answer a = agent(SqlFollowup.ALWAYS).ask(QUESTION);

    assertThat(a.error()).hasValueSatisfying(e -> {
      assertThat(e.kind()).isEqualTo(kind);
      assertThat(e.reason()).contains(reason);
    });
  }

  @Test
  void injectedConnectorAuthErrorsStopTheRun() {
    start(b -> b.faults(FaultPlan.none().withRate(FaultPlan.Kind.CONNECTOR_AUTH, 1.0)));

    assertThatThrownBy(() -> agent(SqlFollowup.ALWAYS).ask(QUESTION))
        .isInstanceOfSatisfying(AgentAccessDeniedException.class,
            e -> assertThat(e.getMessage()).contains("dataConnector").contains("expired"));
  }

  @Test
  void createRequiresADescriptionWithGooglesShapeAndTheClientSendsOne() {
    start(b -> b);
    AgentConfig noDescription = new AgentConfig("x", "Data Agent - X", "", "", "tool", "p", "s",
        java.util.List.of(), "", java.util.List.of(), java.util.List.of(), "p", "d", Optional.empty());
    ObjectNode raw = AgentResource.toResource(noDescription, "p", "d", Optional.empty());
    raw.remove("description");

    HttpResponse<String> refused = new Http(server.baseUrl()).post(ENGINE + "/assistants/default_assistant/agents",
        raw.toString());
    JsonNode error = Http.json(refused).path("error");
    DeployService.Result deployed = new DeployService(client(Map.of())).deploy(noDescription);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(error.path("status").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(error.at("/details/0/@type").asText()).isEqualTo("type.googleapis.com/google.rpc.BadRequest");
    assertThat(error.at("/details/0/fieldViolations/0/field").asText()).isEqualTo("agent.description");
    assertThat(client(Map.of()).summary(deployed.agentId()).state()).isEqualTo("ENABLED");
  }

  @Test
  void theAuthorizationIsCreatedOnceThenReused() {
    start(b -> b);
    Map<String, String> oauth = Map.of("OAUTH_CLIENT_ID", "cid", "OAUTH_SECRET", "s3cret");
    Authorizations authorizations = client(oauth).authorizations();
    GeminiSettings.OAuthClient client = new GeminiSettings.OAuthClient("cid", "s3cret");

    Authorizations.Outcome first = authorizations.ensure(client, "Data Agent - X");
    Authorizations.Outcome second = authorizations.ensure(client, "Data Agent - X");

    assertThat(first).isInstanceOf(Authorizations.Created.class);
    assertThat(second).isInstanceOf(Authorizations.Reused.class);
    assertThat(authorizations.find("Data Agent - X")).hasValueSatisfying(a -> {
      assertThat(a.path("displayName").asText()).isEqualTo("BigQuery access for Data Agent - X");
      assertThat(a.toString()).doesNotContain("s3cret");
    });
    assertThat(server.metrics().count("authorizations.create")).isEqualTo(1);
  }

  @Test
  void listFiltersByDisplayName() {
    start(b -> b);
    GeminiEnterpriseClient c = client(Map.of());
    c.create(EmulatorServerTestConfig.config().withNl2sqlPrompt("other"), Optional.empty()); // same display name
    String other = c.create(new AgentConfig("y", "Data Agent - Y", "d", "", "t", "p", "s", java.util.List.of(), "",
        java.util.List.of(), java.util.List.of(), "p", "d", Optional.empty()), Optional.empty());

    assertThat(c.findByDisplayName("Data Agent - Y")).extracting(a -> a.id()).containsExactly(other);
    assertThat(c.findByDisplayName("Data Agent - Baseline")).hasSize(2);
    assertThat(c.findByDisplayName("nobody")).isEmpty();
    assertThat(server.metrics().count("agents.list")).isEqualTo(3); // one filtered call each, no paging
  }

  @Test
  void sessionsOfARunAreDeleted() {
    start(b -> b);
    agent(SqlFollowup.ALWAYS).ask(QUESTION);
    agent(SqlFollowup.NEVER).ask(QUESTION);
    GeminiHttp http = new GeminiHttp(settings(Map.of()));

    SessionLedger.Cleanup cleanup = ledger.deleteAll(http);

    assertThat(cleanup.deleted()).isEqualTo(2);
    assertThat(cleanup.failed()).isZero();
    assertThat(server.metrics().count("sessions.delete")).isEqualTo(2);
  }

  @Test
  void aDeployFailureShowsTheStateAndItsReason() {
    start(b -> b.deployFault(DeployFault.DEPLOYMENT_FAILED));
    AgentConfig config = EmulatorServerTestConfig.config().withNl2sqlPrompt("new");
    GeminiEnterpriseClient c = client(Map.of());
    String id = c.create(config, Optional.empty());

    assertThatThrownBy(() -> c.deploy(id)).isInstanceOf(GeminiApiException.class)
        .hasMessageContaining("code 9").hasMessageContaining("emulated fault").hasMessageContaining("DEPLOYMENT_FAILED");
    assertThat(c.summary(id).describeState()).startsWith("DEPLOYMENT_FAILED (").contains("emulated fault");
  }

  @Test
  void anOperationErrorFailsTheDeploy() {
    start(b -> b.deployFault(DeployFault.OPERATION_ERROR));
    GeminiEnterpriseClient c = client(Map.of());
    String id = c.create(EmulatorServerTestConfig.config(), Optional.empty());

    assertThatThrownBy(() -> c.deploy(id)).isInstanceOf(GeminiApiException.class).hasMessageContaining("code 13");
  }
}
