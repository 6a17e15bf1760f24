package dev.diaharness.llm.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.core.Json;
import dev.diaharness.llm.ChatModel;
import dev.diaharness.llm.ChatReply;
import dev.diaharness.llm.ChatRequest;
import dev.diaharness.llm.JsonHttp;
import dev.diaharness.llm.ProviderCalls;
import dev.diaharness.llm.ProviderException;
import dev.diaharness.llm.RetrySettings;
import dev.diaharness.llm.TokenUsage;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * A Claude model behind Anthropic's {@code POST {base}/v1/messages}. The Messages API has no JSON mode, so a JSON
 * request adds one sentence (with the schema, if any) to the system prompt; the judge validates the reply anyway.
 * Read: the text blocks of {@code content} and {@code usage.input_tokens/output_tokens}. Thread-safe.
 */
public final class AnthropicChatModel implements ChatModel {
  /** The official endpoint, used when {@code ANTHROPIC_BASE_URL} is not set. */
  public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
  static final String API_VERSION = "2023-06-01";

  private final String id;
  private final String model;
  private final URI endpoint;
  private final String apiKey;
  private final JsonHttp http;
  private final ProviderCalls calls;

  public AnthropicChatModel(String id, String model, String baseUrl, String apiKey, RetrySettings settings,
      ProviderCalls calls) {
    this.id = Objects.requireNonNull(id, "id");
    this.model = Objects.requireNonNull(model, "model");
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.endpoint = URI.create(base + "/v1/messages");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.http = new JsonHttp("Anthropic", "ANTHROPIC_API_KEY", settings);
    this.calls = Objects.requireNonNull(calls, "calls");
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public ChatReply complete(ChatRequest request) {
    ObjectNode body = body(request);
    Map<String, String> headers = Map.of("x-api-key", apiKey, "anthropic-version", API_VERSION);
    JsonNode answer = calls.call(() -> http.post(endpoint, headers, body));
    return parse(answer);
  }

  private ObjectNode body(ChatRequest request) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("model", model);
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

  private ChatReply parse(JsonNode answer) {
    StringBuilder text = new StringBuilder();
    for (JsonNode block : answer.path("content")) {
      if ("text".equals(block.path("type").asText())) {
        text.append(block.path("text").asText());
      }
    }
    if (!answer.path("content").isArray()) {
      throw new ProviderException(ProviderException.Kind.FATAL, 200, "Anthropic " + endpoint + ": the answer has no content");
    }
    JsonNode usage = answer.path("usage");
    TokenUsage tokens = new TokenUsage(usage.path("input_tokens").asLong(0), usage.path("output_tokens").asLong(0));
    return new ChatReply(text.toString(), tokens, answer.path("model").asText(model));
  }
}
