package dev.diaharness.llm;

import dev.diaharness.core.InputException;
import java.util.Locale;
import java.util.Objects;

/**
 * A model name from the environment, split into its provider and the provider's model name (SPEC §2.3):
 * {@code gemini-2.5-pro} (or {@code gemini:NAME}) → Gemini, {@code openai:NAME} → an OpenAI-compatible server,
 * {@code anthropic:NAME} → Anthropic. Immutable.
 *
 * @param id the name as configured, e.g. {@code openai:gpt-4o-mini}
 */
public record ModelSpec(String id, Provider provider, String model) {

  /** Where a model runs. */
  public enum Provider { GEMINI, OPENAI, ANTHROPIC }

  public ModelSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
  }

  /**
   * Parses the value of {@code variable}.
   *
   * @throws InputException for an unknown prefix or a bare name that is not a Gemini model; the message names the
   *     variable and the accepted forms
   */
  public static ModelSpec parse(String variable, String value) {
    String name = value.strip();
    int colon = name.indexOf(':');
    if (colon < 0) {
      if (name.toLowerCase(Locale.ROOT).startsWith("gemini-")) {
        return new ModelSpec(name, Provider.GEMINI, name);
      }
      throw unknown(variable, name);
    }
    String prefix = name.substring(0, colon).toLowerCase(Locale.ROOT);
    String model = name.substring(colon + 1).strip();
    if (model.isEmpty()) {
      throw new InputException(variable + "=" + name + ": the model name after '" + prefix + ":' is missing");
    }
    switch (prefix) {
      case "gemini":
        return new ModelSpec(name, Provider.GEMINI, model);
      case "openai":
        return new ModelSpec(name, Provider.OPENAI, model);
      case "anthropic":
        return new ModelSpec(name, Provider.ANTHROPIC, model);
      default:
        throw unknown(variable, name);
    }
  }

  private static InputException unknown(String variable, String name) {
    return new InputException(variable + "=" + name + ": unknown model provider; use gemini-… (or gemini:NAME), "
        + "openai:NAME or anthropic:NAME, or 'none'");
  }
}
