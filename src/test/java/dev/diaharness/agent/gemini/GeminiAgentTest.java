package dev.diaharness.agent.gemini;

import static dev.diaharness.agent.gemini.FakeGeminiServer.error;
import static dev.diaharness.agent.gemini.FakeGeminiServer.json;
import static dev.diaharness.agent.gemini.FakeGeminiServer.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.agent.AgentAccessDeniedException;
import dev.diaharness.agent.AgentError.Kind;
import dev.diaharness.agent.Answer;
import dev.diaharness.agent.SqlSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GeminiAgentTest {
  static final String ENGINE = "projects/proj/locations/global/collections/default_collection/engines/eng";
  static final String ASSIST = ENGINE + "/assistants/default_assistant:streamAssist";
  static final String SESSION = ENGINE + "/sessions/s1";
  static final Duration PAUSE = Duration.ofMillis(20);

  final FakeGeminiServer fake = new FakeGeminiServer();

  @AfterEach
  void stop() {
    fake.close();
  }

  GeminiAgent agent(SqlFollowup mode) {
    return new GeminiAgent(new GeminiHttp(fake.settings("4242")), mode);
  }

  /** An answer streamed in pieces cut mid-element, with the session only at the end. */
  static FakeGeminiServer.Reply answer(String text, String thought) {
    String body = "[{\"answer\":{\"state\":\"IN_PROGRESS\",\"replies\":[{\"groundedContent\":{\"content\":"
        + "{\"text\":" + quote(thought) + ",\"thought\":true}}}]},\"assistToken\":\"tok\"},"
        + "{\"answer\":{\"state\":\"SUCCEEDED\",\"replies\":[{\"groundedContent\":{\"content\":{\"text\":"
        + quote(text) + "}}}]}},{\"sessionInfo\":{\"session\":\"" + SESSION + "\"}}]";
    int third = body.length() / 3;
    return stream(PAUSE, body.substring(0, third), body.substring(third, 2 * third), body.substring(2 * third));
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  void sessions() {
    fake.on("POST", ENGINE + "/sessions", json(200, "{\"name\":\"" + SESSION + "\"}"));
  }

  @Test
  void alwaysAsksTheFollowUpInTheSessionTheFirstTurnCreatedAndItsSqlWins() {
    sessions();
    fake.on("POST", ASSIST,
        answer("There are 42 customers. SELECT COUNT(*) FROM customers WHERE 1=1", "Counting the customers"),
        answer("```sql\nSELECT COUNT(*) FROM customers\n```", "Recalling"));

    Answer a = agent(SqlFollowup.ALWAYS).ask("How many customers?");

    assertThat(a.error()).isEmpty();
    assertThat(a.sql()).contains("SELECT COUNT(*) FROM customers");
    assertThat(a.sqlSource()).isEqualTo(SqlSource.FOLLOW_UP);
    assertThat(a.responseText()).startsWith("There are 42 customers.");
    assertThat(a.thoughts()).contains("Counting the customers").contains("Recalling");
    assertThat(a.assistTokens()).containsExactly("tok");
    assertThat(a.callLatencies()).as("two requests per conversation: no sessions.create").hasSize(2);
    assertThat(a.rawChunks()).hasSize(2);
    assertThat(fake.requests("POST", ".*/sessions")).isEmpty();
    List<FakeGeminiServer.Recorded> asks = fake.requests("POST", ".*:streamAssist");
    assertThat(asks).hasSize(2);
    assertThat(asks.get(0).json().path("session").asText()).as("'-' asks the service for a new session")
        .endsWith("/sessions/-");
    assertThat(asks.get(0).json().at("/query/text").asText()).isEqualTo("How many customers?");
    assertThat(asks.get(0).json().at("/agentsSpec/agentSpecs/0/agentId").asText()).isEqualTo("4242");
    assertThat(asks.get(1).json().path("session").asText()).isEqualTo(SESSION);
    assertThat(asks.get(1).json().at("/query/text").asText())
        .isEqualTo("what was the sql query used for the previous answer?");
  }

  @Test
  void ifMissingSkipsTheFollowUpWhenTheAnswerHadSql() {
    sessions();
    fake.on("POST", ASSIST, answer("```sql\nSELECT 1\n```", ""));

    Answer a = agent(SqlFollowup.IF_MISSING).ask("q");

    assertThat(a.sql()).contains("SELECT 1");
    assertThat(a.sqlSource()).isEqualTo(SqlSource.ANSWER);
    assertThat(fake.requests("POST", ".*:streamAssist")).hasSize(1);
  }

  @Test
  void ifMissingAsksTheFollowUpWhenTheAnswerHadNone() {
    sessions();
    fake.on("POST", ASSIST, answer("There are 42.", ""), answer("SELECT COUNT(*) FROM t", ""));

    Answer a = agent(SqlFollowup.IF_MISSING).ask("q");

    assertThat(a.sql()).contains("SELECT COUNT(*) FROM t");
    assertThat(a.sqlSource()).isEqualTo(SqlSource.FOLLOW_UP);
    assertThat(fake.requests("POST", ".*:streamAssist")).hasSize(2);
  }

  @Test
  void neverUsesTheAutoSessionAndFallsBackToThoughts() {
    fake.on("POST", ASSIST, answer("There are 42.", "I will run SELECT COUNT(*) FROM customers;"));

    Answer a = agent(SqlFollowup.NEVER).ask("q");

    assertThat(a.sql()).contains("SELECT COUNT(*) FROM customers");
    assertThat(a.sqlSource()).isEqualTo(SqlSource.THOUGHTS);
    assertThat(fake.requests("POST", ENGINE + "/sessions")).isEmpty();
    assertThat(fake.requests().get(0).json().path("session").asText()).isEqualTo(ENGINE + "/sessions/-");
  }

  @Test
  void noSqlAnywhereIsAnAnswerWithoutSqlNotAnError() {
    sessions();
    fake.on("POST", ASSIST, answer("I cannot answer that.", ""), answer("I did not run a query.", ""));

    Answer a = agent(SqlFollowup.ALWAYS).ask("q");

    assertThat(a.error()).isEmpty();
    assertThat(a.sql()).isEmpty();
    assertThat(a.sqlSource()).isEqualTo(SqlSource.NONE);
  }

  @Test
  void forbiddenStopsWithAccessDeniedAndIsNotRetried() {
    sessions();
    fake.on("POST", ASSIST, error(403, "PERMISSION_DENIED", "no access"));

    assertThatThrownBy(() -> agent(SqlFollowup.ALWAYS).ask("q"))
        .isInstanceOfSatisfying(AgentAccessDeniedException.class,
            e -> assertThat(e.steps()).isNotEmpty());
    assertThat(fake.requests("POST", ".*:streamAssist")).hasSize(1);
  }

  @Test
  void aMissingConsentThrowsWithTheAuthorizationUri() {
    sessions();
    fake.on("POST", ASSIST, stream(PAUSE, "[{\"answer\":{\"state\":\"SUCCEEDED\",\"requiredAuthorizations\":[{"
        + "\"authorization\":\"a1\",\"displayName\":\"BigQuery\",\"authorizationUri\":\"https://consent/x\"}]}}]"));

    assertThatThrownBy(() -> agent(SqlFollowup.ALWAYS).ask("q"))
        .isInstanceOfSatisfying(AgentAccessDeniedException.class, e -> {
          assertThat(e.authorizationUri()).contains("https://consent/x");
          assertThat(e.steps().get(0)).contains("https://consent/x");
        });
  }

  @Test
  void failedPreconditionIsAnErrorAnswerWithoutRetry() {
    sessions();
    fake.on("POST", ASSIST, error(400, "FAILED_PRECONDITION", "The agent could not run the query"));

    Answer a = agent(SqlFollowup.ALWAYS).ask("q");

    assertThat(a.error()).hasValueSatisfying(e -> {
      assertThat(e.kind()).isEqualTo(Kind.FAILED_PRECONDITION);
      assertThat(e.reason()).contains("could not run the query");
    });
    assertThat(fake.requests("POST", ".*:streamAssist")).hasSize(1);
  }

  @Test
  void aTruncatedStreamIsATruncatedErrorAnswer() {
    sessions();
    fake.on("POST", ASSIST, stream(PAUSE, "[{\"answer\":{\"replies\":[{\"groundedContent\":{\"content\":"
        + "{\"text\":\"Par", "tial\"}}}]}}"));

    Answer a = agent(SqlFollowup.ALWAYS).ask("q");

    assertThat(a.error().map(e -> e.kind())).contains(Kind.TRUNCATED);
    assertThat(a.responseText()).isEqualTo("Partial");
    assertThat(fake.requests("POST", ".*:streamAssist")).hasSize(1);
  }

  @Test
  void aFollowUpCutByTheNetworkMakesTheConversationWorthAskingAgainEvenWhenTheFirstTurnHadSql() {
    fake.on("POST", ASSIST, answer("SELECT 1 AS guess", "Thinking"),
        stream(PAUSE, "[{\"answer\":{\"replies\":[{\"groundedContent\":{\"content\":{\"text\":\"SEL"));

    Answer a = agent(SqlFollowup.ALWAYS).ask("q");

    // keeping the first turn's SQL would score a different answer than a fault-free run (whose follow-up SQL wins)
    assertThat(a.error().map(e -> e.kind())).contains(Kind.TRUNCATED);
    assertThat(a.error().get().kind().isTransient()).isTrue();
  }

  @Test
  void a429ThatOutlastsTheRetriesIsAQuotaErrorNotATimeout() {
    fake.on("POST", ASSIST, error(429, "RESOURCE_EXHAUSTED", "Quota exceeded"));

    Answer a = agent(SqlFollowup.ALWAYS).ask("q");

    assertThat(a.error().map(e -> e.kind())).contains(Kind.QUOTA);
    assertThat(fake.requests("POST", ".*:streamAssist")).hasSize(FakeGeminiServer.testPolicy().maxAttempts());
  }

  @Test
  void aServerThatStallsMidStreamGivesATimeoutAnswerNotAHang() {
    sessions();
    fake.on("POST", ASSIST, FakeGeminiServer.stall("[{\"answer\":{\"state\":\"IN_PROGRESS\"}},",
        Duration.ofSeconds(20)));

    Answer a = agent(SqlFollowup.ALWAYS).ask("q");

    assertThat(a.error()).hasValueSatisfying(e -> {
      assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
      assertThat(e.reason()).contains("no data for");
    });
  }

  @Test
  void aFailedAnswerIsAFailedErrorAnswer() {
    sessions();
    fake.on("POST", ASSIST, stream(PAUSE, "[{\"answer\":{\"state\":\"FAILED\"}}]"));

    Answer a = agent(SqlFollowup.ALWAYS).ask("q");

    assertThat(a.error().map(e -> e.kind())).contains(Kind.FAILED);
    assertThat(fake.requests("POST", ".*:streamAssist")).hasSize(1);
  }

  @Test
  void rateLimitedAskIsRetriedAfterRetryAfter() {
    sessions();
    fake.on("POST", ASSIST, json(429, "{}", Map.of("Retry-After", "0.3")), answer("SELECT 1", ""),
        answer("SELECT 2", ""));

    Answer a = agent(SqlFollowup.ALWAYS).ask("q");

    assertThat(a.sql()).contains("SELECT 2");
    List<FakeGeminiServer.Recorded> asks = fake.requests("POST", ".*:streamAssist");
    assertThat(Duration.ofNanos(asks.get(1).nanoTime() - asks.get(0).nanoTime()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void exhaustedRetriesAreAnErrorAnswer() {
    sessions();
    fake.on("POST", ASSIST, error(503, "UNAVAILABLE", "overloaded"));

    Answer a = agent(SqlFollowup.ALWAYS).ask("q");

    assertThat(a.error().map(e -> e.kind())).contains(Kind.RETRIES_EXHAUSTED);
    assertThat(fake.requests("POST", ".*:streamAssist")).hasSize(FakeGeminiServer.testPolicy().maxAttempts());
  }

  @Test
  void aFailedFollowUpKeepsTheFirstAnswersSql() {
    sessions();
    fake.on("POST", ASSIST, answer("SELECT 1", ""), error(400, "FAILED_PRECONDITION", "follow-up failed"));

    Answer a = agent(SqlFollowup.ALWAYS).ask("q");

    assertThat(a.error()).isEmpty();
    assertThat(a.sql()).contains("SELECT 1");
    assertThat(a.sqlSource()).isEqualTo(SqlSource.ANSWER);
  }

  @Test
  void noAgentIdIsBadInput() {
    GeminiSettings settings = GeminiSettings.fromEnvironment(Map.of("GOOGLE_CLOUD_PROJECT", "p",
        "DIA_ENGINE_ID", "e", "DIA_ENDPOINT", fake.base()));

    assertThatThrownBy(() -> new GeminiAgent(new GeminiHttp(settings), SqlFollowup.ALWAYS))
        .isInstanceOf(dev.diaharness.core.InputException.class).hasMessageContaining("DIA_AGENT_ID");
    assertThat(Optional.of(settings.agentId())).contains(Optional.empty());
  }
}
