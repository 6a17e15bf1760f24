package dev.diaharness.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.core.Json;
import dev.diaharness.llm.ChatReply;
import dev.diaharness.llm.ChatRequest;
import dev.diaharness.llm.JsonChatModel;
import dev.diaharness.llm.JsonHttp;
import dev.diaharness.llm.ProviderCalls;
import dev.diaharness.llm.ProviderException;
import dev.diaharness.llm.RetrySettings;
import dev.diaharness.llm.TokenUsage;
import java.util.Map;
import java.util.Optional;

/**
 * A chat model behind an OpenAI-compatible {@code POST {base}/chat/completions} endpoint (OpenAI, Ollama, vLLM,
 * LM Studio…). Sent: model, system + user messages, temperature, the output cap and {@code response_format}
 * ({@code json_schema} when a schema is given, else {@code json_object} in JSON mode). Read: the first choice's
 * content and {@code usage.prompt_tokens/completion_tokens}. Thread-safe.
 */
public final class OpenAiChatModel extends JsonChatModel {
  /** The official endpoint, used when {@code OPENAI_BASE_URL} is not set. */
  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

  private final boolean officialApi;

  /**
   * @param id      the configured name, e.g. {@code openai:gpt-4o-mini}
   * @param model   the name sent to the server, e.g. {@code gpt-4o-mini}
   * @param apiKey  absent for local servers that need none
   */
  public OpenAiChatModel(String id, String model, String baseUrl, Optional<String> apiKey, RetrySettings settings,
      ProviderCalls calls) {
    super(id, model, endpoint(baseUrl, "/chat/completions"),
        apiKey.filter(key -> !key.isBlank()).map(key -> Map.of("Authorization", "Bearer " + key)).orElse(Map.of()),
        new JsonHttp("OpenAI-compatible server", "OPENAI_API_KEY", settings), calls);
    this.officialApi = baseUrl.startsWith(DEFAULT_BASE_URL);
  }

  @Override
  protected ObjectNode body(ChatRequest request) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("model", model());
    var messages = body.putArray("messages");
    if (!request.system().isEmpty()) {
      messages.addObject().put("role", "system").put("content", request.system());
    }
    messages.addObject().put("role", "user").put("content", request.user());
    body.put("temperature", request.temperature());
    // OpenAI's own API deprecated max_tokens (reasoning models reject it); compatible servers still expect it
    body.put(officialApi ? "max_completion_tokens" : "max_tokens", request.maxOutputTokens());
    if (request.jsonSchema().isPresent()) {
      ObjectNode format = body.putObject("response_format").put("type", "json_schema");
      format.putObject("json_schema").put("name", "reply").put("strict", false)
          .set("schema", request.jsonSchema().get());
    } else if (request.json()) {
      body.putObject("response_format").put("type", "json_object");
    }
    return body;
  }

  @Override
  protected ChatReply parse(JsonNode answer) {
    JsonNode content = answer.path("choices").path(0).path("message").path("content");
    if (!content.isTextual()) {
      throw new ProviderException(ProviderException.Kind.FATAL, 200,
          "OpenAI-compatible server " + endpoint() + ": the answer has no choices[0].message.content");
    }
    JsonNode usage = answer.path("usage");
    TokenUsage tokens = new TokenUsage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0));
    return new ChatReply(content.asText(), tokens, answer.path("model").asText(model()));
  }
}
