package dev.diaharness.llm;

/**
 * The verdict bands of the 100-point rubric (kept from the Python tool): 90 EQUIVALENT, 75 MOSTLY_CORRECT,
 * 50 PARTIALLY_CORRECT, 25 MOSTLY_INCORRECT, else INCORRECT. Only the first two pass.
 */
public enum RubricVerdict {
  EQUIVALENT(90),
  MOSTLY_CORRECT(75),
  PARTIALLY_CORRECT(50),
  MOSTLY_INCORRECT(25),
  INCORRECT(0);

  private final int minimum;

  RubricVerdict(int minimum) {
    this.minimum = minimum;
  }

  /** The lowest total of this band. */
  public int minimum() {
    return minimum;
  }

  /** The band a total (0–100) falls in. */
  public static RubricVerdict forTotal(int total) {
    for (RubricVerdict verdict : values()) {
      if (total >= verdict.minimum) {
        return verdict;
      }
    }
    throw new IllegalArgumentException("total must be within 0..100, got " + total);
  }

  public boolean passes() {
    return this == EQUIVALENT || this == MOSTLY_CORRECT;
  }
}
