package dev.diaharness.compare;

/**
 * McNemar's exact test for paired pass/fail outcomes: under "no difference", each discordant question (fixed or
 * broken) is a fair coin, so the two-sided p-value is twice the binomial tail of the smaller count, capped at 1.
 */
public final class McNemar {
  private McNemar() {}

  /**
   * @param fixed questions that failed in A and pass in B
   * @param broken questions that passed in A and fail in B
   * @return the exact two-sided p-value; 1 when no question changed
   */
  public static double exactTwoSided(int fixed, int broken) {
    if (fixed < 0 || broken < 0) {
      throw new IllegalArgumentException("counts must be >= 0, got " + fixed + " and " + broken);
    }
    int n = fixed + broken;
    int k = Math.min(fixed, broken);
    // sum_{i<=k} C(n,i) / 2^n, in logarithms so that large n neither overflows nor underflows to 0 too early
    double tail = 0;
    double logHalfToN = n * Math.log(0.5);
    double logChoose = 0; // log C(n, 0)
    for (int i = 0; i <= k; i++) {
      if (i > 0) {
        logChoose += Math.log(n - i + 1) - Math.log(i);
      }
      tail += Math.exp(logChoose + logHalfToN);
    }
    return Math.min(1.0, 2 * tail);
  }
}
