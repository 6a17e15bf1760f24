package dev.diaharness.optimize.opro;

/**
 * The paired comparison of a candidate with the current config on the same questions: an exact one-sided sign test
 * (McNemar's exact test) on the discordant questions. With {@code b} questions only the current config passes and
 * {@code c} only the candidate passes, the candidate is significantly worse when {@code b > c} and
 * P(X ≥ b | X ~ Binomial(b + c, ½)) is below the significance level. Questions both pass or both fail say nothing
 * about the difference and are left out. Stateless.
 */
final class SignTest {
  private SignTest() {}

  /** One-sided p-value that the candidate is worse; 1 when it is not behind. */
  static double worseP(int currentOnly, int candidateOnly) {
    int n = currentOnly + candidateOnly;
    if (currentOnly <= candidateOnly) {
      return 1.0;
    }
    double p = 0;
    for (int x = currentOnly; x <= n; x++) {
      p += binomial(n, x);
    }
    return Math.min(1.0, p / Math.pow(2, n));
  }

  private static double binomial(int n, int k) {
    double r = 1;
    for (int i = 1; i <= k; i++) {
      r = r * (n - k + i) / i;
    }
    return r;
  }
}
