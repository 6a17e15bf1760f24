package dev.diaharness.llm.anthropic;

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
import java.util.Objects;

/**
 * A Claude model behind Anthropic's {@code POST {base}/v1/messages}. The Messages API has no JSON mode, so a JSON
 * request adds one sentence (with the schema, if any) to the system prompt; the judge validates the reply anyway.
 * Read: the text blocks of {@code content} and {@code usage.input_tokens/output_tokens}. Thread-safe.
 */
public final class AnthropicChatModel extends JsonChatModel {
  /** The official endpoint, used when {@code ANTHROPIC_BASE_URL} is not set. */
  public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
  static final String API_VERSION = "2023-06-01";

  public AnthropicChatModel(String id, String model, String baseUrl, String apiKey, RetrySettings settings,
      ProviderCalls calls) {
    super(id, model, endpoint(baseUrl, "/v1/messages"),
        Map.of("x-api-key", Objects.requireNonNull(apiKey, "apiKey"), "anthropic-version", API_VERSION),
        new JsonHttp("Anthropic", "ANTHROPIC_API_KEY", settings), calls);
  }

  @Override
  protected ObjectNode body(ChatRequest request) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("model", model());
    body.put("max_tokens", request.maxOutputTokens());
    body.put("temperature", Math.min(1.0, request.temperature()));
    String system = request.system();
    if (request.json()) {
      system += "\n\nAnswer with one JSON object only, no prose and no code fence."
          + request.jsonSchema().map(schema -> " It must follow this JSON schema: " + schema).orElse("");
    }
    if (!system.isBlank()) {
      body.put("system", system.strip());
    }
    body.putArray("messages").addObject().put("role", "user").put("content", request.user());
    return body;
  }

  @Override
  protected ChatReply parse(JsonNode answer) {
    StringBuilder text = new StringBuilder();
    for (JsonNode block : answer.path("content")) {
      if ("text".equals(block.path("type").asText())) {
        text.append(block.path("text").asText());
      }
    }
    if (!answer.path("content").isArray()) {
      throw new ProviderException(ProviderException.Kind.FATAL, 200, "Anthropic " + endpoint() + ": the answer has no content");
    }
    JsonNode usage = answer.path("usage");
    TokenUsage tokens = new TokenUsage(usage.path("input_tokens").asLong(0), usage.path("output_tokens").asLong(0));
    return new ChatReply(text.toString(), tokens, answer.path("model").asText(model()));
  }
}
