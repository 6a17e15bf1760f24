package dev.diaharness.agent.gemini;

import static dev.diaharness.agent.gemini.FakeGeminiServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.agent.AgentAccessDeniedException;
import dev.diaharness.agent.AgentError.Kind;
import dev.diaharness.agent.Answer;
import dev.diaharness.agent.SqlSource;
import dev.diaharness.agent.ToolEvent;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent against a loopback server answering in the shapes recorded from the real service. */
class RecordedShapeAgentTest {
  static final String ENGINE = "projects/proj/locations/global/collections/default_collection/engines/eng";
  static final String ASSIST = ENGINE + "/assistants/default_assistant:streamAssist";
  static final String SESSION = ENGINE + "/sessions/8123";
  static final String CANONICAL_SQL =
      "SELECT COUNT(`customers`.`id`) AS `_col_0` FROM `my-project.my_dataset.customers` AS `customers`";

  final FakeGeminiServer fake = new FakeGeminiServer();
  final SessionLedger ledger = new SessionLedger();

  @AfterEach
  void stop() {
    fake.close();
  }

  GeminiAgent agent(SqlFollowup mode) {
    return new GeminiAgent(new GeminiHttp(fake.settings("4242")), mode, StreamAssistParser.DEFAULT_RAW_CAP, ledger);
  }

  void sessions() {
    fake.on("POST", ENGINE + "/sessions", json(200, "{\"name\":\"" + SESSION + "\"}"));
  }

  @Test
  void theRecordedStreamGivesACleanAnswerToolEventsAndTheFollowUpSql() {
    sessions();
    fake.on("POST", ASSIST,
        RecordedStreams.answer(SESSION, "There are 100 customers. Next, you could break them down by country.")
            .reply(),
        RecordedStreams.answer(SESSION, "I used this query:\n" + CANONICAL_SQL).reply());

    Answer a = agent(SqlFollowup.IF_MISSING).ask("How many customers are there?");

    assertThat(a.error()).isEmpty();
    assertThat(a.responseText())
        .isEqualTo("There are 100 customers. Next, you could break them down by country.");
    assertThat(a.sql()).contains(CANONICAL_SQL);
    assertThat(a.sqlSource()).isEqualTo(SqlSource.FOLLOW_UP);
    assertThat(a.thoughts()).startsWith("I will find out how many customers").doesNotContain("Generating");
    assertThat(a.toolEvents()).contains(
        new ToolEvent(ToolEvent.Kind.STATUS, "FunctionCallId_0", "Generating BigQuery SQL queries starts"),
        new ToolEvent(ToolEvent.Kind.TOOL_CALL, "FunctionCallId_0", ""));
    assertThat(a.toolEvents()).filteredOn(e -> e.kind() == ToolEvent.Kind.STATUS).hasSize(8); // 4 per turn
    assertThat(fake.requests("POST", ".*:streamAssist")).hasSize(2);
  }

  @Test
  void groundedSqlIsUsedWithoutAFollowUp() {
    sessions();
    fake.on("POST", ASSIST, RecordedStreams.answer(SESSION, "There are 100 customers.")
        .grounding("PYTHON", "print('not sql')").grounding("SQL", CANONICAL_SQL + ";").end("SUCCEEDED", SESSION)
        .reply());

    Answer a = agent(SqlFollowup.IF_MISSING).ask("How many customers are there?");

    assertThat(a.sql()).contains(CANONICAL_SQL);
    assertThat(a.sqlSource()).isEqualTo(SqlSource.GROUNDING);
    assertThat(a.responseText()).isEqualTo("There are 100 customers.");
    assertThat(fake.requests("POST", ".*:streamAssist")).hasSize(1);
  }

  @Test
  void executableCodeThatIsAQueryIsUsedAndPythonIsNot() {
    sessions();
    fake.on("POST", ASSIST, RecordedStreams.answer(SESSION, "There are 100 customers.")
        .executableCode("-- count them\nSELECT COUNT(*) FROM customers").executableCode("import pandas as pd")
        .end("SUCCEEDED", SESSION).reply());

    Answer a = agent(SqlFollowup.IF_MISSING).ask("How many customers are there?");

    assertThat(a.sql()).contains("-- count them\nSELECT COUNT(*) FROM customers");
    assertThat(a.sqlSource()).isEqualTo(SqlSource.EXECUTABLE_CODE);
    assertThat(fake.requests("POST", ".*:streamAssist")).hasSize(1);
  }

  @Test
  void typedSqlStaysWhenTheFollowUpIsAskedAnyway() {
    sessions();
    fake.on("POST", ASSIST,
        RecordedStreams.answer(SESSION, "There are 100.").grounding("SQL", CANONICAL_SQL).end("SUCCEEDED", SESSION)
            .reply(),
        RecordedStreams.answer(SESSION, "SELECT 1").reply());

    Answer a = agent(SqlFollowup.ALWAYS).ask("q");

    assertThat(a.sql()).contains(CANONICAL_SQL);
    assertThat(a.sqlSource()).isEqualTo(SqlSource.GROUNDING);
    assertThat(fake.requests("POST", ".*:streamAssist")).hasSize(2);
  }

  static Stream<Arguments> notAnswered() {
    return Stream.of(
        Arguments.of("SKIPPED", Kind.SKIPPED, "OUT_OF_DOMAIN_QUERY_IGNORED"),
        Arguments.of("CANCELLED", Kind.CANCELLED, "USER_CANCELLED"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notAnswered")
  void skippedAndCancelledAnswersAreErrorRowsOfTheirOwnKindWithTheReasons(String state, Kind kind, String reason) {
    sessions();
    fake.on("POST", ASSIST, new RecordedStreams().thought("Looking at the question.", true)
        .endSkipped(state, SESSION, reason).reply());

    Answer a = agent(SqlFollowup.ALWAYS).ask("What is the weather?");

    assertThat(a.error()).hasValueSatisfying(e -> {
      assertThat(e.kind()).isEqualTo(kind);
      assertThat(e.reason()).contains(state).contains(reason);
    });
    assertThat(a.rawChunks()).singleElement().asString().contains("assistSkippedReasons");
    assertThat(fake.requests("POST", ".*:streamAssist")).hasSize(1);
  }

  @Test
  void connectorAuthErrorsStopTheRunWithTheSteps() {
    sessions();
    String connector = "projects/proj/locations/global/collections/bq/dataConnector";
    fake.on("POST", ASSIST, new RecordedStreams().connectorAuthError(connector, "OAuth token expired")
        .end("FAILED", SESSION).reply());

    assertThatThrownBy(() -> agent(SqlFollowup.ALWAYS).ask("q"))
        .isInstanceOfSatisfying(AgentAccessDeniedException.class, e -> {
          assertThat(e.getMessage()).contains("OAuth consent").contains(connector).contains("OAuth token expired");
          assertThat(e.steps()).anySatisfy(step -> assertThat(step).contains("authorization link"));
        });
  }

  @Test
  void sessionsOfTheConversationsAreRecordedAndDeleted() {
    sessions();
    fake.on("POST", ASSIST, RecordedStreams.answer(SESSION, "There are 100. SELECT 1").reply());
    fake.on("DELETE", ENGINE + "/sessions/.*", json(200, "{}"));

    agent(SqlFollowup.IF_MISSING).ask("q");
    SessionLedger.Cleanup cleanup = ledger.deleteAll(new GeminiHttp(fake.settings("4242")));

    assertThat(cleanup).isEqualTo(new SessionLedger.Cleanup(1, 0, ""));
    assertThat(fake.requests("DELETE", ".*")).extracting(FakeGeminiServer.Recorded::path).containsExactly(SESSION);
    assertThat(ledger.size()).isZero();
  }

  @Test
  void theAutomaticSessionIsRecordedFromSessionInfo() {
    fake.on("POST", ASSIST, RecordedStreams.answer(SESSION, "SELECT 1").reply());

    agent(SqlFollowup.NEVER).ask("q");

    assertThat(ledger.sessions()).containsExactly(SESSION);
  }
}
