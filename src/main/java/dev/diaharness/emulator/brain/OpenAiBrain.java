package dev.diaharness.emulator.brain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.config.AgentConfig;
import dev.diaharness.config.NlExample;
import dev.diaharness.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A brain that asks any OpenAI-compatible chat-completions endpoint (OpenAI, Ollama, vLLM, LM Studio…) to write the
 * SQL: {@code POST {baseUrl}/chat/completions} with the config's prompt, schema description and examples as the
 * system message and the question as the user message. The SQL is taken from the reply (a {@code ```sql} fence,
 * else a fence starting with SELECT/WITH, else a bare SELECT/WITH statement up to {@code ;} or a blank line); the
 * rest of the reply becomes the thoughts. Thread-safe (one shared {@link HttpClient}). The API key is sent only in
 * the Authorization header and never appears in a message.
 */
public final class OpenAiBrain implements Brain {
  private static final Pattern SQL_FENCE = Pattern.compile("(?is)```sql\\s*\\n?(.*?)```");
  private static final Pattern ANY_FENCE = Pattern.compile("(?is)```[a-z]*\\s*\\n?((?:select|with)\\b.*?)```");
  private static final Pattern BARE = Pattern.compile("(?is)\\b((?:select|with)\\b.*?)(?:;|\\n\\s*\\n|\\z)");

  private final URI baseUrl;
  private final String model;
  private final Optional<String> apiKey;
  private final double temperature;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * @param baseUrl e.g. {@code https://api.openai.com/v1} or {@code http://127.0.0.1:11434/v1}
   * @param apiKey sent as a Bearer token when present
   */
  public OpenAiBrain(URI baseUrl, String model, Optional<String> apiKey, double temperature, Duration timeout) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.model = Objects.requireNonNull(model, "model");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.temperature = temperature;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /**
   * @throws BrainFailedException when the endpoint cannot be reached, answers with an error status or an unreadable
   *     body
   */
  @Override
  public BrainAnswer answer(AgentConfig config, String question, int repeat) {
    String reply = complete(request(config, question));
    Optional<String> sql = extractSql(reply);
    String thoughts = sql.map(s -> reply.replace(s, "").replaceAll("(?is)```[a-z]*\\s*```", "").strip())
        .orElse(reply.strip());
    return new BrainAnswer(sql, thoughts);
  }

  /** The SQL of a model reply, by the rules of SPEC §3.1. */
  static Optional<String> extractSql(String reply) {
    for (Pattern p : new Pattern[] {SQL_FENCE, ANY_FENCE, BARE}) {
      Matcher m = p.matcher(reply);
      if (m.find() && !m.group(1).isBlank()) {
        return Optional.of(m.group(1).strip().replaceAll(";\\s*$", ""));
      }
    }
    return Optional.empty();
  }

  private ObjectNode request(AgentConfig config, String question) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("model", model);
    body.put("temperature", temperature);
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", systemPrompt(config));
    messages.addObject().put("role", "user").put("content", question);
    return body;
  }

  static String systemPrompt(AgentConfig config) {
    StringBuilder s = new StringBuilder(config.nl2sqlPrompt().strip());
    if (!config.schemaDescription().isBlank()) {
      s.append("\n\nSchema:\n").append(config.schemaDescription().strip());
    }
    if (!config.nl2sqlExamples().isEmpty()) {
      s.append("\n\nExamples:");
      for (NlExample e : config.nl2sqlExamples()) {
        s.append("\nQuestion: ").append(e.query()).append("\nSQL:\n```sql\n").append(e.expectedSql().strip())
            .append("\n```");
      }
    }
    s.append("\n\nAnswer with the SQL query in a ```sql fenced block.");
    return s.toString();
  }

  private String complete(ObjectNode body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripSlash(baseUrl) + "/chat/completions"))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new BrainFailedException("the chat endpoint answered HTTP " + response.statusCode());
      }
      JsonNode content = Json.MAPPER.readTree(response.body()).path("choices").path(0).path("message")
          .path("content");
      if (!content.isTextual()) {
        throw new BrainFailedException("the chat endpoint's reply has no choices[0].message.content");
      }
      return content.asText();
    } catch (IOException e) {
      throw new BrainFailedException("the chat endpoint cannot be reached: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrainFailedException("interrupted while waiting for the chat endpoint", e);
    }
  }

  private static String stripSlash(URI uri) {
    String s = uri.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
