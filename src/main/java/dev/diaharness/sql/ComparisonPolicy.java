package dev.diaharness.sql;

import dev.diaharness.core.InputException;
import java.util.Locale;

/**
 * How forgiving the comparison of an answer's result with the expected one is (docs/scoring.md, "Comparison
 * policy"). {@link #LENIENT} follows Spider 2.0's evaluation (extra columns, unasked rounding, numeric text, tied rows
 * and LIMIT tie-breaks accepted); {@link #STRICT} follows BIRD (the same rows and columns, values within float noise).
 */
public enum ComparisonPolicy {
  LENIENT,
  STRICT;

  /**
   * @throws InputException when the value is neither {@code strict} nor {@code lenient}
   */
  public static ComparisonPolicy parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InputException("--comparison must be strict or lenient, got '" + value + "'");
    }
  }

  public String flagValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
