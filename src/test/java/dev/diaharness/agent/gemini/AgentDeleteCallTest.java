package dev.diaharness.agent.gemini;

import static dev.diaharness.agent.gemini.FakeGeminiServer.error;
import static dev.diaharness.agent.gemini.FakeGeminiServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code agents.delete} as the client sends it: the REST call, its operation, retries and a 404. */
class AgentDeleteCallTest {
  static final String AGENT = GeminiEnterpriseClientTest.ASSISTANT + "/agents/42";
  static final String OP = AGENT + "/operations/delete-7";

  final FakeGeminiServer fake = new FakeGeminiServer();

  @AfterEach
  void stop() {
    fake.close();
  }

  GeminiEnterpriseClient client() {
    return new GeminiEnterpriseClient(new GeminiHttp(fake.settings("1")), name -> Optional.empty());
  }

  @Test
  void sendsAnEmptyDeleteOfTheAgentAndWaitsForItsOperation() {
    fake.on("DELETE", AGENT, json(200, "{\"name\":\"" + OP + "\",\"done\":false}"))
        .on("GET", OP, json(200, "{\"name\":\"" + OP + "\",\"done\":false}"),
            json(200, "{\"name\":\"" + OP + "\",\"done\":true,\"response\":{}}"));

    assertThat(client().delete("42")).isTrue();

    assertThat(fake.requests()).extracting(r -> r.method() + " " + r.path())
        .containsExactly("DELETE " + AGENT, "GET " + OP, "GET " + OP);
    assertThat(fake.requests().get(0).body()).isEmpty();
  }

  @Test
  void aNotFoundAgentIsAlreadyGoneAndNotRetried() {
    fake.on("DELETE", AGENT, error(404, "NOT_FOUND", "Agent 42 not found."));

    assertThat(client().delete("42")).isFalse();
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void anOperationThatEndsInAnErrorFailsWithItsCodeAndMessage() {
    fake.on("DELETE", AGENT, json(200, "{\"name\":\"" + OP + "\",\"done\":false}"))
        .on("GET", OP, json(200, "{\"name\":\"" + OP + "\",\"done\":true,\"error\":{\"code\":9,"
            + "\"message\":\"agent is in use\"}}"));

    assertThatThrownBy(() -> client().delete("42")).isInstanceOf(GeminiApiException.class)
        .hasMessageContaining("deletion of agent 42 failed").hasMessageContaining("code 9")
        .hasMessageContaining("agent is in use");
  }

  @Test
  void anErrorInAnAlreadyFinishedOperationIsNotTakenForSuccess() {
    fake.on("DELETE", AGENT, json(200, "{\"name\":\"" + OP + "\",\"done\":true,\"error\":{\"code\":13,"
        + "\"message\":\"internal\"}}"));

    assertThatThrownBy(() -> client().delete("42")).isInstanceOf(GeminiApiException.class)
        .hasMessageContaining("code 13: internal");
  }

  @Test
  void serverErrorsAreRetriedLikeEveryAgentCallThenAServiceFailure() {
    fake.on("DELETE", AGENT, error(503, "UNAVAILABLE", "try later"));

    assertThatThrownBy(() -> client().delete("42")).isInstanceOf(GeminiApiException.class)
        .hasMessageContaining("try later").hasMessageContaining("gave up after retries");
    assertThat(fake.requests("DELETE", AGENT)).hasSize(FakeGeminiServer.testPolicy().maxAttempts());
  }

  @Test
  void anOperationStillRunningAtTheDeadlineCountsAsDoneOnlyWhenTheAgentIsGone() {
    fake.on("DELETE", AGENT, json(200, "{\"name\":\"" + OP + "\",\"done\":false}"))
        .on("GET", OP, json(200, "{\"name\":\"" + OP + "\",\"done\":false}"))
        .on("GET", AGENT, error(404, "NOT_FOUND", "gone"));
    assertThat(client().delete("42")).isTrue();

    fake.on("GET", AGENT, json(200, "{\"name\":\"" + AGENT + "\",\"state\":\"ENABLED\"}"));
    assertThatThrownBy(() -> client().delete("42")).isInstanceOf(GeminiApiException.class)
        .hasMessageContaining("deletion of agent 42 did not finish");
  }
}
