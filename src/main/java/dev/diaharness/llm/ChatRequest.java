package dev.diaharness.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One chat call: a system message, a user message and the generation settings. Immutable.
 *
 * @param temperature     0 for deterministic work (the judge), higher for proposals
 * @param maxOutputTokens cap on generated tokens; also the budget's worst-case estimate of the output
 * @param json            ask for a JSON object reply (provider JSON mode where one exists)
 * @param jsonSchema      the JSON schema the reply should follow, sent where the provider supports it; implies json
 */
public record ChatRequest(
    String system, String user, double temperature, int maxOutputTokens, boolean json, Optional<JsonNode> jsonSchema) {

  public ChatRequest {
    system = Objects.requireNonNullElse(system, "");
    Objects.requireNonNull(user, "user");
    jsonSchema = Objects.requireNonNullElse(jsonSchema, Optional.empty());
    if (temperature < 0 || temperature > 2) {
      throw new IllegalArgumentException("temperature must be within 0..2, got " + temperature);
    }
    if (maxOutputTokens < 1) {
      throw new IllegalArgumentException("maxOutputTokens must be >= 1, got " + maxOutputTokens);
    }
    json = json || jsonSchema.isPresent();
  }

  /** A plain-text request. */
  public static ChatRequest text(String system, String user, double temperature, int maxOutputTokens) {
    return new ChatRequest(system, user, temperature, maxOutputTokens, false, Optional.empty());
  }

  /** A copy that asks for JSON following {@code schema}. */
  public ChatRequest withJsonSchema(JsonNode schema) {
    return new ChatRequest(system, user, temperature, maxOutputTokens, true, Optional.of(schema));
  }
}
