package dev.diaharness.llm;

import dev.diaharness.core.InputException;
import dev.diaharness.llm.anthropic.AnthropicChatModel;
import dev.diaharness.llm.gemini.GeminiChatModel;
import dev.diaharness.llm.openai.OpenAiChatModel;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the {@link ChatModel} of a {@link ModelSpec} from the environment's credentials and endpoints. One instance
 * per model name (roles that name the same model share it) and one {@link ProviderCalls} per provider (the
 * concurrency bound is per provider). Variables: {@code GOOGLE_CLOUD_PROJECT}, {@code GOOGLE_CLOUD_LOCATION}
 * (default {@code global}), {@code GEMINI_API_KEY}, {@code GEMINI_BASE_URL}, {@code OPENAI_BASE_URL},
 * {@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}, {@code ANTHROPIC_BASE_URL}. Thread-safe.
 */
public final class ModelFactory {
  private final Function<String, Optional<String>> env;
  private final RetrySettings settings;
  private final Map<String, ChatModel> models = new HashMap<>();
  private final Map<ModelSpec.Provider, ProviderCalls> calls = new EnumMap<>(ModelSpec.Provider.class);

  public ModelFactory(Function<String, Optional<String>> env, RetrySettings settings) {
    this.env = Objects.requireNonNull(env, "env");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * The model for {@code spec}, created on first use.
   *
   * @param variable the variable that named it, for error messages
   * @throws InputException when a credential the provider needs is missing
   */
  public synchronized ChatModel create(String variable, ModelSpec spec) {
    ChatModel existing = models.get(spec.id());
    if (existing != null) {
      return existing;
    }
    ProviderCalls providerCalls = calls.computeIfAbsent(spec.provider(), provider -> new ProviderCalls(settings));
    ChatModel model = build(variable, spec, providerCalls);
    models.put(spec.id(), model);
    return model;
  }

  private ChatModel build(String variable, ModelSpec spec, ProviderCalls providerCalls) {
    switch (spec.provider()) {
      case GEMINI:
        return gemini(variable, spec, providerCalls);
      case OPENAI:
        return openAi(variable, spec, providerCalls);
      case ANTHROPIC:
        String key = get("ANTHROPIC_API_KEY").orElseThrow(() -> new InputException(
            variable + "=" + spec.id() + " needs ANTHROPIC_API_KEY"));
        return new AnthropicChatModel(spec.id(), spec.model(),
            get("ANTHROPIC_BASE_URL").orElse(AnthropicChatModel.DEFAULT_BASE_URL), key, settings, providerCalls);
      default:
        throw new IllegalStateException("unhandled provider " + spec.provider());
    }
  }

  private ChatModel gemini(String variable, ModelSpec spec, ProviderCalls providerCalls) {
    Optional<String> baseUrl = get("GEMINI_BASE_URL");
    Optional<String> project = get("GOOGLE_CLOUD_PROJECT");
    if (project.isPresent()) {
      String location = get("GOOGLE_CLOUD_LOCATION").orElse("global");
      return GeminiChatModel.onVertex(spec.id(), spec.model(), project.get(), location, baseUrl, settings, providerCalls);
    }
    String key = get("GEMINI_API_KEY").orElseThrow(() -> new InputException(variable + "=" + spec.id()
        + " needs GOOGLE_CLOUD_PROJECT (Vertex AI with Application Default Credentials) or GEMINI_API_KEY (Gemini API)"));
    return GeminiChatModel.withApiKey(spec.id(), spec.model(), key, baseUrl, settings, providerCalls);
  }

  private ChatModel openAi(String variable, ModelSpec spec, ProviderCalls providerCalls) {
    Optional<String> baseUrl = get("OPENAI_BASE_URL");
    Optional<String> key = get("OPENAI_API_KEY");
    if (baseUrl.isEmpty() && key.isEmpty()) {
      throw new InputException(variable + "=" + spec.id()
          + " needs OPENAI_API_KEY, or OPENAI_BASE_URL for a local OpenAI-compatible server");
    }
    return new OpenAiChatModel(spec.id(), spec.model(), baseUrl.orElse(OpenAiChatModel.DEFAULT_BASE_URL), key,
        settings, providerCalls);
  }

  private Optional<String> get(String name) {
    return env.apply(name).map(String::strip).filter(value -> !value.isEmpty());
  }
}
