package dev.diaharness.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.core.Json;
import java.net.http.HttpResponse;
import java.util.List;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each fault kind at rate 1.0 shows its status, headers or stream shape; rates below 1 hit about that share. */
class FaultInjectionTest {
  /** Faults do not need the tables: no data loads faster. */
  private static final dev.diaharness.config.AgentConfig NO_DATA =
      TestData.baseline().withLocalData(java.util.Optional.empty());
  private static final String ASSISTANT = "/v1alpha/projects/local-project/locations/global/collections/"
      + "default_collection/engines/local-engine/assistants/default_assistant";

  @ParameterizedTest
  @CsvSource({"429, 429, RESOURCE_EXHAUSTED", "500, 500, INTERNAL", "403, 403, PERMISSION_DENIED"})
  void statusFaultsAnswerWithAGoogleStyleError(String kind, int status, String errorStatus) {
    try (EmulatorServer server = serverWith(kind + "=1.0")) {
      HttpResponse<String> r = ask(server);
      assertThat(r.statusCode()).isEqualTo(status);
      assertThat(Http.json(r).at("/error/status").asText()).isEqualTo(errorStatus);
      assertThat(Http.json(r).at("/error/code").asInt()).isEqualTo(status);
      assertThat(server.metrics().faultCount(FaultPlan.Kind.values()[kindIndex(kind)])).isEqualTo(1);
    }
  }

  @Test
  void a429CarriesTheConfiguredRetryAfter() {
    FaultPlan plan = FaultPlan.parse("--fault-rate", "429=1").withRetryAfter(Duration.ofSeconds(3));
    try (EmulatorServer server = EmulatorServer.builder(NO_DATA).faults(plan).start()) {
      assertThat(ask(server).headers().firstValue("Retry-After")).contains("3");
    }
  }

  @Test
  void aFailedAnswerEndsInStateFailedWithoutSql() {
    try (EmulatorServer server = serverWith("failed=1")) {
      HttpResponse<String> r = ask(server);
      assertThat(r.statusCode()).isEqualTo(200);
      Streamed s = Streamed.of(r.body());
      assertThat(s.states()).endsWith("FAILED");
      assertThat(s.text()).doesNotContain("SELECT");
      assertThat(s.last().at("/sessionInfo/session").asText()).contains("/sessions/");
    }
  }

  @Test
  void aTruncatedStreamNeverClosesTheArray() {
    try (EmulatorServer server = serverWith("truncate=1")) {
      HttpResponse<String> r = ask(server);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).startsWith("[").doesNotEndWith("]");
      assertThatThrownBy(() -> Json.MAPPER.readTree(r.body())).isInstanceOf(Exception.class);
      // cut, not garbled: everything before the cut is well-formed, so a parser sees end-of-input, not bad JSON
      assertThatThrownBy(() -> Json.MAPPER.readTree(r.body()))
          .isInstanceOf(com.fasterxml.jackson.core.io.JsonEOFException.class);
    }
  }

  @Test
  void consentRequiredCarriesAnAuthorizationUri() {
    try (EmulatorServer server = serverWith("consent=1")) {
      Streamed s = Streamed.of(ask(server).body());
      assertThat(s.elements().get(0).at("/answer/requiredAuthorizations/0/authorizationUri").asText())
          .startsWith("https://accounts.google.com/o/oauth2/");
      assertThat(s.text()).isEmpty();
    }
  }

  @Test
  void faultsHitAboutTheirRateAndTheSameCallsForTheSameSeed() {
    String rates = "429=0.2,500=0.1";
    int[] first = statuses(rates, 11, 200);
    int[] again = statuses(rates, 11, 200);
    assertThat(again).isEqualTo(first);
    long limited = java.util.Arrays.stream(first).filter(s -> s == 429).count();
    long errors = java.util.Arrays.stream(first).filter(s -> s == 500).count();
    assertThat(limited).isBetween(20L, 60L);
    assertThat(errors).isBetween(8L, 35L);
    assertThat(java.util.Arrays.stream(first).filter(s -> s == 200).count()).isEqualTo(200 - limited - errors);
  }

  /** Faults follow the conversation, not the arrival order: the flake of a fault keyed by call number. */
  @Test
  void theSameConversationsGetTheSameFaultsInAnyArrivalOrder() {
    List<String> questions = java.util.stream.IntStream.range(0, 60).mapToObj(i -> "How many orders in week " + i + "?")
        .toList();
    List<String> reversed = new java.util.ArrayList<>(questions);
    java.util.Collections.reverse(reversed);
    java.util.Map<String, Integer> inOrder = statusesByQuestion(questions);
    java.util.Map<String, Integer> backwards = statusesByQuestion(reversed);
    assertThat(backwards).isEqualTo(inOrder);
    assertThat(inOrder.values()).contains(200, 429);
  }

  private static java.util.Map<String, Integer> statusesByQuestion(List<String> questions) {
    try (EmulatorServer server = EmulatorServer.builder(NO_DATA)
        .faults(FaultPlan.parse("--fault-rate", "429=0.3")).seed(5).start()) {
      java.util.Map<String, Integer> statuses = new java.util.HashMap<>();
      questions.forEach(q -> statuses.put(q, ask(server, q).statusCode()));
      return statuses;
    }
  }

  @Test
  void latencyDoesNotChangeTheAnswer() {
    try (EmulatorServer server = EmulatorServer.builder(NO_DATA)
        .latency(LatencyPlan.parse("--latency-ms", "5:5")).start()) {
      assertThat(Streamed.of(ask(server).body()).text()).contains("SELECT COUNT(*)");
    }
  }

  private static int[] statuses(String rates, long seed, int n) {
    try (EmulatorServer server = EmulatorServer.builder(NO_DATA)
        .faults(FaultPlan.parse("--fault-rate", rates)).seed(seed).start()) {
      int[] statuses = new int[n];
      for (int i = 0; i < n; i++) {
        statuses[i] = ask(server).statusCode();
      }
      assertThat(server.metrics().faultCount(FaultPlan.Kind.RATE_LIMITED))
          .isEqualTo(java.util.Arrays.stream(statuses).filter(s -> s == 429).count());
      return statuses;
    }
  }

  private static int kindIndex(String flagName) {
    for (FaultPlan.Kind k : FaultPlan.Kind.values()) {
      if (k.flagName().equals(flagName)) {
        return k.ordinal();
      }
    }
    throw new IllegalArgumentException(flagName);
  }

  private static EmulatorServer serverWith(String rates) {
    return EmulatorServer.builder(NO_DATA).faults(FaultPlan.parse("--fault-rate", rates)).start();
  }

  private static HttpResponse<String> ask(EmulatorServer server) {
    return ask(server, "How many customers are there?");
  }

  private static HttpResponse<String> ask(EmulatorServer server, String question) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("session", "projects/local-project/locations/global/collections/default_collection/engines/"
        + "local-engine/sessions/-");
    body.putObject("query").put("text", question);
    body.putObject("agentsSpec").putArray("agentSpecs").addObject().put("agentId", server.agentId());
    return new Http(server.baseUrl()).post(ASSISTANT + ":streamAssist", body.toString());
  }
}
