package dev.diaharness.llm.gemini;

import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import com.google.genai.errors.GenAiIOException;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import com.google.genai.types.Part;
import dev.diaharness.core.InputException;
import dev.diaharness.core.Json;
import dev.diaharness.llm.ChatModel;
import dev.diaharness.llm.ChatReply;
import dev.diaharness.llm.ChatRequest;
import dev.diaharness.llm.ProviderCalls;
import dev.diaharness.llm.ProviderException;
import dev.diaharness.llm.RetrySettings;
import dev.diaharness.llm.TokenUsage;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Gemini model through the Google Gen AI SDK ({@code com.google.genai.Client}): Vertex AI with Application Default
 * Credentials, or the Gemini API with an API key. The SDK's own retries are switched off so that
 * {@link ProviderCalls} owns retrying. Thinking tokens count as output (they are billed so). Thread-safe.
 */
public final class GeminiChatModel implements ChatModel {
  private final String id;
  private final String model;
  private final Client client;
  private final String credentialHint;
  private final ProviderCalls calls;

  private GeminiChatModel(String id, String model, Client client, String credentialHint, ProviderCalls calls) {
    this.id = Objects.requireNonNull(id, "id");
    this.model = Objects.requireNonNull(model, "model");
    this.client = client;
    this.credentialHint = credentialHint;
    this.calls = Objects.requireNonNull(calls, "calls");
  }

  /** The Gemini API with {@code GEMINI_API_KEY}; {@code baseUrl} overrides the Google host (tests). */
  public static GeminiChatModel withApiKey(String id, String model, String apiKey, Optional<String> baseUrl,
      RetrySettings settings, ProviderCalls calls) {
    Client client = Client.builder().vertexAI(false).apiKey(apiKey).httpOptions(httpOptions(baseUrl, settings)).build();
    return new GeminiChatModel(id, model, client, "GEMINI_API_KEY was rejected by the Gemini API", calls);
  }

  /** Vertex AI in {@code project}/{@code location} with Application Default Credentials. */
  public static GeminiChatModel onVertex(String id, String model, String project, String location,
      Optional<String> baseUrl, RetrySettings settings, ProviderCalls calls) {
    Client client;
    try {
      client = Client.builder().vertexAI(true).project(project).location(location)
          .httpOptions(httpOptions(baseUrl, settings)).build();
    } catch (RuntimeException e) {
      throw new InputException("Vertex AI for " + id + " needs Application Default Credentials: set "
          + "GOOGLE_APPLICATION_CREDENTIALS or run `gcloud auth application-default login` (" + e.getMessage() + ")", e);
    }
    return new GeminiChatModel(id, model, client, "Vertex AI rejected the Application Default Credentials "
        + "(GOOGLE_APPLICATION_CREDENTIALS) for GOOGLE_CLOUD_PROJECT=" + project, calls);
  }

  private static HttpOptions httpOptions(Optional<String> baseUrl, RetrySettings settings) {
    HttpOptions.Builder options = HttpOptions.builder()
        .timeout((int) settings.requestTimeout().toMillis())
        .retryOptions(HttpRetryOptions.builder().attempts(1).build());
    baseUrl.ifPresent(options::baseUrl);
    return options.build();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public ChatReply complete(ChatRequest request) {
    GenerateContentConfig config = config(request);
    GenerateContentResponse response = calls.call(() -> send(request, config));
    return parse(response);
  }

  private GenerateContentConfig config(ChatRequest request) {
    GenerateContentConfig.Builder config = GenerateContentConfig.builder()
        .temperature((float) request.temperature())
        .maxOutputTokens(request.maxOutputTokens());
    if (!request.system().isEmpty()) {
      config.systemInstruction(Content.fromParts(Part.fromText(request.system())));
    }
    if (request.json()) {
      config.responseMimeType("application/json");
    }
    request.jsonSchema().ifPresent(schema -> config.responseJsonSchema(Json.MAPPER.convertValue(schema, Map.class)));
    return config.build();
  }

  private GenerateContentResponse send(ChatRequest request, GenerateContentConfig config) {
    try {
      return client.models.generateContent(model, request.user(), config);
    } catch (ApiException e) {
      throw classify(e);
    } catch (GenAiIOException e) {
      throw new ProviderException(ProviderException.Kind.TRANSIENT, 0, Optional.empty(),
          "Gemini " + model + ": " + e.getMessage(), e);
    }
  }

  private RuntimeException classify(ApiException e) {
    int code = e.code();
    String message = String.valueOf(e.message());
    // the Gemini API answers a bad key with 400 INVALID_ARGUMENT "API key not valid"
    if (code == 401 || code == 403 || (code == 400 && message.contains("API key not valid"))) {
      return new InputException(credentialHint + " (HTTP " + code + ")");
    }
    return new ProviderException(ProviderException.kindOf(code), code, Optional.empty(),
        "Gemini " + model + ": HTTP " + code + " " + e.status() + ": " + message, e);
  }

  private ChatReply parse(GenerateContentResponse response) {
    String text;
    try {
      text = response.text();
    } catch (RuntimeException e) {
      throw new ProviderException(ProviderException.Kind.FATAL, 200, "Gemini " + model + ": unreadable reply: "
          + e.getMessage());
    }
    TokenUsage usage = response.usageMetadata().map(GeminiChatModel::usage).orElse(TokenUsage.NONE);
    return new ChatReply(text == null ? "" : text, usage, response.modelVersion().orElse(model));
  }

  private static TokenUsage usage(GenerateContentResponseUsageMetadata meta) {
    long output = meta.candidatesTokenCount().orElse(0) + meta.thoughtsTokenCount().orElse(0);
    return new TokenUsage(meta.promptTokenCount().orElse(0), output);
  }
}
