package dev.diaharness.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diaharness.core.InputException;
import dev.diaharness.core.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What each provider adapter sends on the wire and how it reads the answer, against loopback fakes. */
class ProvidersWireTest {
  private static final ChatRequest JSON_REQUEST = ChatRequest.text("be strict", "is it equal?", 0.0, 512)
      .withJsonSchema(Json.MAPPER.createObjectNode().put("type", "object"));

  private static ChatModel model(String name, Map<String, String> env) {
    return ModelRoles.fromEnvironment(variable -> Optional.ofNullable(
        variable.equals("JUDGEMENT_MODEL") ? name : env.get(variable)), RetrySettings.fastForTests(2)).judge()
        .orElseThrow();
  }

  @Test
  void openAiSendsModelMessagesTemperatureAndJsonSchemaAndReadsUsage() throws Exception {
    try (var server = new FakeLlmServer(r -> FakeLlmServer.Reply.json(FakeLlmServer.openAiReply("{\"a\":1}", 11, 7)))) {
      ChatModel model = model("openai:llama3", Map.of("OPENAI_BASE_URL", server.baseUrl() + "/v1"));
      ChatReply reply = model.complete(JSON_REQUEST);

      var sent = server.requests().get(0);
      assertThat(sent.path()).isEqualTo("/v1/chat/completions");
      assertThat(sent.header("Authorization")).isNull();
      assertThat(sent.body().path("model").asText()).isEqualTo("llama3");
      assertThat(sent.body().path("temperature").asDouble()).isZero();
      assertThat(sent.body().path("max_tokens").asInt()).isEqualTo(512);
      assertThat(sent.body().path("messages").get(0).path("content").asText()).isEqualTo("be strict");
      assertThat(sent.body().path("messages").get(1).path("role").asText()).isEqualTo("user");
      assertThat(sent.body().at("/response_format/type").asText()).isEqualTo("json_schema");
      assertThat(sent.body().at("/response_format/json_schema/schema/type").asText()).isEqualTo("object");
      assertThat(reply.text()).isEqualTo("{\"a\":1}");
      assertThat(reply.usage()).isEqualTo(new TokenUsage(11, 7));
      assertThat(reply.model()).isEqualTo("served-model");
    }
  }

  @Test
  void openAiSendsTheKeyAsBearerWhenGiven() throws Exception {
    try (var server = new FakeLlmServer(r -> FakeLlmServer.Reply.json(FakeLlmServer.openAiReply("ok", 1, 1)))) {
      ChatModel model = model("openai:gpt-4o-mini",
          Map.of("OPENAI_BASE_URL", server.baseUrl(), "OPENAI_API_KEY", "sk-test-123"));
      model.complete(ChatRequest.text("", "hi", 0.7, 10));
      var sent = server.requests().get(0);
      assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-test-123");
      assertThat(sent.body().path("messages")).hasSize(1);
      assertThat(sent.body().has("response_format")).isFalse();
    }
  }

  @Test
  void anthropicSendsHeadersSystemAndMaxTokensAndReadsTextBlocks() throws Exception {
    String answer = "{\"model\":\"claude-x\",\"content\":[{\"type\":\"text\",\"text\":\"{\\\"ok\\\":\"},"
        + "{\"type\":\"text\",\"text\":\"true}\"}],\"usage\":{\"input_tokens\":20,\"output_tokens\":5}}";
    try (var server = new FakeLlmServer(r -> FakeLlmServer.Reply.json(answer))) {
      ChatModel model = model("anthropic:claude-sonnet-4-5",
          Map.of("ANTHROPIC_BASE_URL", server.baseUrl(), "ANTHROPIC_API_KEY", "ak-test"));
      ChatReply reply = model.complete(JSON_REQUEST);

      var sent = server.requests().get(0);
      assertThat(sent.path()).isEqualTo("/v1/messages");
      assertThat(sent.header("x-api-key")).isEqualTo("ak-test");
      assertThat(sent.header("anthropic-version")).isEqualTo("2023-06-01");
      assertThat(sent.body().path("model").asText()).isEqualTo("claude-sonnet-4-5");
      assertThat(sent.body().path("max_tokens").asInt()).isEqualTo(512);
      assertThat(sent.body().path("temperature").asDouble()).isZero();
      assertThat(sent.body().path("system").asText()).startsWith("be strict").contains("JSON schema");
      assertThat(sent.body().path("messages").get(0).path("content").asText()).isEqualTo("is it equal?");
      assertThat(reply.text()).isEqualTo("{\"ok\":true}");
      assertThat(reply.usage()).isEqualTo(new TokenUsage(20, 5));
    }
  }

  @Test
  void geminiApiGoesThroughTheGenAiClientToTheBaseUrlOverride() throws Exception {
    String answer = "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"{\\\"v\\\":2}\"}]},"
        + "\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":30,\"candidatesTokenCount\":4,"
        + "\"thoughtsTokenCount\":6,\"totalTokenCount\":40},\"modelVersion\":\"gemini-2.5-flash-001\"}";
    try (var server = new FakeLlmServer(r -> FakeLlmServer.Reply.json(answer))) {
      ChatModel model = model("gemini-2.5-flash",
          Map.of("GEMINI_BASE_URL", server.baseUrl(), "GEMINI_API_KEY", "g-key"));
      ChatReply reply = model.complete(JSON_REQUEST);

      var sent = server.requests().get(0);
      assertThat(sent.path()).endsWith("/models/gemini-2.5-flash:generateContent");
      assertThat(sent.header("x-goog-api-key")).isEqualTo("g-key");
      assertThat(sent.body().at("/generationConfig/temperature").asDouble()).isZero();
      assertThat(sent.body().at("/generationConfig/maxOutputTokens").asInt()).isEqualTo(512);
      assertThat(sent.body().at("/generationConfig/responseMimeType").asText()).isEqualTo("application/json");
      assertThat(sent.body().at("/systemInstruction/parts/0/text").asText()).isEqualTo("be strict");
      assertThat(sent.body().at("/contents/0/parts/0/text").asText()).isEqualTo("is it equal?");
      assertThat(reply.text()).isEqualTo("{\"v\":2}");
      assertThat(reply.usage()).isEqualTo(new TokenUsage(30, 10));
    }
  }

  @Test
  void serverErrorsAreRetriedThenSucceed() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (var server = new FakeLlmServer(r -> calls.incrementAndGet() <= 2 ? FakeLlmServer.Reply.status(503)
        : FakeLlmServer.Reply.json(FakeLlmServer.openAiReply("fine", 1, 1)))) {
      ChatModel model = model("openai:m", Map.of("OPENAI_BASE_URL", server.baseUrl()));
      assertThat(model.complete(ChatRequest.text("", "q", 0, 5)).text()).isEqualTo("fine");
      assertThat(server.requests()).hasSize(3);
    }
  }

  @Test
  void rateLimitWithRetryAfterIsRetried() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (var server = new FakeLlmServer(r -> calls.incrementAndGet() == 1
        ? new FakeLlmServer.Reply(429, "{}", Map.of("Retry-After", "0"))
        : FakeLlmServer.Reply.json(FakeLlmServer.openAiReply("after", 1, 1)))) {
      ChatModel model = model("openai:m", Map.of("OPENAI_BASE_URL", server.baseUrl()));
      assertThat(model.complete(ChatRequest.text("", "q", 0, 5)).text()).isEqualTo("after");
      assertThat(server.requests()).hasSize(2);
    }
  }

  @Test
  void persistentServerErrorsEndInAProviderExceptionAfterTheRetries() throws Exception {
    try (var server = new FakeLlmServer(r -> FakeLlmServer.Reply.status(500))) {
      ChatModel model = model("openai:m", Map.of("OPENAI_BASE_URL", server.baseUrl()));
      assertThatThrownBy(() -> model.complete(ChatRequest.text("", "q", 0, 5)))
          .isInstanceOf(ProviderException.class).hasMessageContaining("HTTP 500");
      assertThat(server.requests()).hasSize(3); // 1 + 2 retries
    }
  }

  @Test
  void badRequestIsNotRetried() throws Exception {
    try (var server = new FakeLlmServer(r -> FakeLlmServer.Reply.status(400))) {
      ChatModel model = model("openai:m", Map.of("OPENAI_BASE_URL", server.baseUrl()));
      assertThatThrownBy(() -> model.complete(ChatRequest.text("", "q", 0, 5))).isInstanceOf(ProviderException.class);
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void rejectedKeysNameTheVariableNeverTheKeyAndAreNotRetried() throws Exception {
    try (var server = new FakeLlmServer(r -> FakeLlmServer.Reply.status(401))) {
      Map<String, Map<String, String>> cases = Map.of(
          "openai:m", Map.of("OPENAI_BASE_URL", server.baseUrl(), "OPENAI_API_KEY", "sk-secret-1"),
          "anthropic:m", Map.of("ANTHROPIC_BASE_URL", server.baseUrl(), "ANTHROPIC_API_KEY", "sk-secret-1"),
          "gemini-2.5-pro", Map.of("GEMINI_BASE_URL", server.baseUrl(), "GEMINI_API_KEY", "sk-secret-1"));
      Map<String, String> variables = Map.of(
          "openai:m", "OPENAI_API_KEY", "anthropic:m", "ANTHROPIC_API_KEY", "gemini-2.5-pro", "GEMINI_API_KEY");
      for (var entry : cases.entrySet()) {
        int before = server.requests().size();
        ChatModel model = model(entry.getKey(), new HashMap<>(entry.getValue()));
        assertThatThrownBy(() -> model.complete(ChatRequest.text("", "q", 0, 5)))
            .as(entry.getKey())
            .isInstanceOf(InputException.class)
            .hasMessageContaining(variables.get(entry.getKey()))
            .hasMessageNotContaining("sk-secret-1");
        assertThat(server.requests().size() - before).as(entry.getKey()).isEqualTo(1);
      }
    }
  }
}
