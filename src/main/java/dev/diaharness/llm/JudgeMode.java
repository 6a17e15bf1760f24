package dev.diaharness.llm;

import dev.diaharness.core.InputException;
import java.util.Locale;
import java.util.Optional;

/**
 * How the LLM judge decides: {@link #FLEXIBLE} grades the 100-point rubric (PASS at EQUIVALENT or MOSTLY_CORRECT);
 * {@link #BINARY} asks for a counterexample database and says EQUIVALENT only when it cannot build one.
 */
public enum JudgeMode {
  FLEXIBLE,
  BINARY;

  /** The variable that selects the mode; default true = flexible, as in the Python tool. */
  public static final String VARIABLE = "USE_FLEXIBLE_SCORING";

  /**
   * Reads {@code USE_FLEXIBLE_SCORING}: true/false (also yes/no, 1/0), default true.
   *
   * @throws InputException for any other value (the Python tool silently took it as false)
   */
  public static JudgeMode fromEnvironment(Optional<String> value) {
    if (value.isEmpty()) {
      return FLEXIBLE;
    }
    switch (value.get().strip().toLowerCase(Locale.ROOT)) {
      case "true": case "yes": case "1":
        return FLEXIBLE;
      case "false": case "no": case "0":
        return BINARY;
      default:
        throw new InputException(VARIABLE + "=" + value.get() + ": use true (100-point rubric) or false (binary)");
    }
  }
}
