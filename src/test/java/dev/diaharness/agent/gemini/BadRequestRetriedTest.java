package dev.diaharness.agent.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.agent.AgentError.Kind;
import dev.diaharness.agent.Answer;
import dev.diaharness.emulator.EmulatorServer;
import dev.diaharness.emulator.FaultPlan;
import dev.diaharness.emulator.TestData;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A 400 without FAILED_PRECONDITION (Google's error shape, from the emulator) is retried as SPEC §3.1 asks, and one
 * that every attempt gets is an error row REJECTED with the service's message, not started again in a new session.
 * 5xx are retried the same way. Requests are counted at the server.
 */
class BadRequestRetriedTest {
  EmulatorServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  private GeminiAgent agent(FaultPlan faults) {
    server = EmulatorServer.builder(TestData.baseline()).faults(faults).deployDelay(Duration.ZERO).start();
    GeminiSettings settings = GeminiSettings.fromEnvironment(Map.of("GOOGLE_CLOUD_PROJECT", server.projectId(),
            "DIA_LOCATION", server.location(), "DIA_ENGINE_ID", server.engineId(), "DIA_ENDPOINT", server.baseUrl(),
            "DIA_AGENT_ID", server.agentId()))
        .withPolicy(FakeGeminiServer.testPolicy());
    return new GeminiAgent(new GeminiHttp(settings), SqlFollowup.NEVER);
  }

  @Test
  void aQuestionRejectedOnEveryAttemptIsARejectedRowWithTheServicesMessage() {
    GeminiAgent agent = agent(FaultPlan.none());

    Answer answer = agent.ask(" "); // the service requires query.text: 400 INVALID_ARGUMENT

    assertThat(answer.error()).hasValueSatisfying(e -> {
      assertThat(e.kind()).isEqualTo(Kind.REJECTED);
      assertThat(e.kind().isTransient()).as("not started again either").isFalse();
      assertThat(e.reason()).contains("400").contains("INVALID_ARGUMENT: query.text is required.");
    });
    assertThat(server.metrics().count("streamAssist")).isEqualTo(FakeGeminiServer.testPolicy().maxAttempts());
  }

  @Test
  void serverErrorsAreStillRetriedUpToThePolicysAttempts() {
    GeminiAgent agent = agent(FaultPlan.none().withRate(FaultPlan.Kind.SERVER_ERROR, 1.0));

    Answer answer = agent.ask("How many orders were placed?");

    assertThat(answer.error()).map(e -> e.kind()).contains(Kind.RETRIES_EXHAUSTED);
    assertThat(server.metrics().count("streamAssist")).isEqualTo(FakeGeminiServer.testPolicy().maxAttempts());
  }
}
