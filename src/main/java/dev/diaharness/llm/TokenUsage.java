package dev.diaharness.llm;

/** Tokens one call consumed, as the provider reported them (0 when it did not report). Immutable. */
public record TokenUsage(long input, long output) {
  public static final TokenUsage NONE = new TokenUsage(0, 0);

  public TokenUsage {
    if (input < 0 || output < 0) {
      throw new IllegalArgumentException("token counts must be >= 0, got " + input + "/" + output);
    }
  }

  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(input + other.input, output + other.output);
  }
}
