package dev.diaharness.emulator.brain;

import dev.diaharness.llm.ProviderCalls;
import dev.diaharness.llm.RetrySettings;
import dev.diaharness.llm.openai.OpenAiChatModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.diaharness.core.Json;
import dev.diaharness.emulator.TestData;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OpenAI-compatible brain against a loopback fake chat-completions server. */
class OpenAiBrainTest {
  private HttpServer fake;
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile String reply = "";

  @BeforeEach
  void start() throws IOException {
    fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    fake.createContext("/v1/chat/completions", exchange -> {
      requests.add(Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes()));
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      var body = Json.MAPPER.createObjectNode();
      body.putArray("choices").addObject().putObject("message").put("role", "assistant").put("content", reply);
      byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    fake.start();
  }

  @AfterEach
  void stop() {
    fake.stop(0);
  }

  private OpenAiBrain brain() {
    String base = "http://127.0.0.1:" + fake.getAddress().getPort() + "/v1/";
    return new OpenAiBrain(new OpenAiChatModel("openai:test-model", "test-model", base, Optional.of("sk-test"),
        RetrySettings.fastForTests(0), new ProviderCalls(RetrySettings.fastForTests(0))), 0.2);
  }

  @Test
  void sendsPromptSchemaExamplesAndQuestionAndReadsTheSql() {
    reply = "I count the rows.\n```sql\nSELECT COUNT(*) FROM `dataset.customers`;\n```\nDone.";
    BrainAnswer answer = brain().answer(TestData.baseline(), "How many customers?", 0);

    assertThat(answer.sql()).contains("SELECT COUNT(*) FROM `dataset.customers`");
    assertThat(answer.thoughts()).contains("I count the rows.").doesNotContain("SELECT");
    JsonNode request = requests.get(0);
    assertThat(request.path("model").asText()).isEqualTo("test-model");
    assertThat(request.path("temperature").asDouble()).isEqualTo(0.2);
    String system = request.at("/messages/0/content").asText();
    assertThat(request.at("/messages/0/role").asText()).isEqualTo("system");
    assertThat(system).contains("You are a data scientist").contains("customers table")
        .contains("What are the top 5 most expensive products?");
    assertThat(request.at("/messages/1/content").asText()).isEqualTo("How many customers?");
    assertThat(authorizations).containsExactly("Bearer sk-test");
  }

  @Test
  void aReplyWithoutSqlIsANoSqlAnswer() {
    reply = "I cannot answer that from this data.";
    assertThat(brain().answer(TestData.baseline(), "Weather?", 0).sql()).isEmpty();
  }

  @Test
  void anErrorStatusIsABrainFailure() {
    status = 500;
    assertThatThrownBy(() -> brain().answer(TestData.baseline(), "q", 0))
        .isInstanceOf(BrainFailedException.class).hasMessageContaining("500").hasMessageNotContaining("sk-test");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'```sql\nSELECT 1\n```'|SELECT 1",
      "'```\nWITH t AS (SELECT 1) SELECT * FROM t\n```'|WITH t AS (SELECT 1) SELECT * FROM t",
      "'The query is SELECT a FROM t; it returns a.'|SELECT a FROM t",
      "'SELECT a\nFROM t\n\nThis lists a.'|'SELECT a\nFROM t'",
      "'```SQL\nselect x from y\n```'|select x from y",
  })
  void extractsSqlByTheSpecRules(String text, String sql) {
    assertThat(dev.diaharness.sql.SqlExtractor.extract(text.replace("\\n", "\n")))
        .contains(sql.replace("\\n", "\n"));
  }
}
