package dev.diaharness.llm;

import java.util.Objects;

/**
 * A model's reply: its text, the tokens the call used and the model that answered (the provider's own name when it
 * reports one, else the requested name). Immutable.
 */
public record ChatReply(String text, TokenUsage usage, String model) {
  public ChatReply {
    text = Objects.requireNonNullElse(text, "");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(model, "model");
  }
}
