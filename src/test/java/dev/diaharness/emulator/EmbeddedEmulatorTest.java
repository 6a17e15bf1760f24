package dev.diaharness.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.core.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EmbeddedEmulatorTest {
  private static final String ENGINE = "/v1alpha/projects/local-project/locations/global/collections/"
      + "default_collection/engines/local-engine";

  @Test
  void servesManyConcurrentConversationsEachWithItsOwnFollowUp() throws Exception {
    try (EmbeddedEmulator emulator = EmbeddedEmulator.start(TestData.baseline(), b -> b)) {
      assertThat(emulator.baseUrl()).startsWith("http://127.0.0.1:");
      assertThat(List.of(emulator.projectId(), emulator.location(), emulator.engineId()))
          .containsExactly("local-project", "global", "local-engine");
      Http http = new Http(emulator.baseUrl());
      ExecutorService pool = Executors.newFixedThreadPool(32);
      List<Future<String>> followUps = new ArrayList<>();
      for (int i = 0; i < 48; i++) {
        int n = 1 + i % 9;
        followUps.add(pool.submit(() -> conversation(http, emulator.agentId(), n)));
      }
      for (int i = 0; i < followUps.size(); i++) {
        assertThat(followUps.get(i).get())
            .contains("ORDER BY price DESC LIMIT " + (1 + i % 9) + "\n```");
      }
      pool.shutdown();
      MetricsSnapshot metrics = emulator.server().metrics();
      assertThat(metrics.count("sessions.create")).isEqualTo(48);
      assertThat(metrics.count("streamAssist")).isEqualTo(96);
      assertThat(metrics.arrivalNanos()).hasSize(144);
    }
  }

  /** A session, the question, then the follow-up in the same session; returns the follow-up's text. */
  private static String conversation(Http http, String agentId, int n) {
    String session = Http.json(http.post(ENGINE + "/sessions", "{\"displayName\":\"GoldenTestSession\"}"))
        .path("name").asText();
    ask(http, agentId, session, "What are the top " + n + " most expensive products?");
    return Streamed.of(ask(http, agentId, session, "what was the sql query used for the previous answer?")).text();
  }

  private static String ask(Http http, String agentId, String session, String question) {
    var body = Json.MAPPER.createObjectNode();
    body.put("session", session);
    body.putObject("query").put("text", question);
    body.putObject("agentsSpec").putArray("agentSpecs").addObject().put("agentId", agentId);
    return http.post(ENGINE + "/assistants/default_assistant:streamAssist", body.toString()).body();
  }
}
