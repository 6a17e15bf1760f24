package dev.diaharness.run;

import java.util.List;
import java.util.Random;

/** The statistics of SPEC §6: unbiased pass@k and pass^k, and 95% intervals. Stateless. */
public final class PassEstimators {
  private static final int BOOTSTRAP_RESAMPLES = 2000;
  private static final long BOOTSTRAP_SEED = 20_201_104L;

  private PassEstimators() {}

  /** Chance that at least one of k draws (without replacement) from n tries with c passes passes. */
  public static double passAtK(int n, int c, int k) {
    requireValid(n, c, k);
    if (n - c < k) {
      return 1.0;
    }
    double allFail = 1.0;
    for (int i = n - c + 1; i <= n; i++) {
      allFail *= 1.0 - (double) k / i;
    }
    return 1.0 - allFail;
  }

  /** Chance that all k draws (without replacement) from n tries with c passes pass: C(c,k) / C(n,k). */
  public static double passHatK(int n, int c, int k) {
    requireValid(n, c, k);
    double p = 1.0;
    for (int i = 0; i < k; i++) {
      p *= (double) (c - i) / (n - i);
    }
    return Math.max(0, p);
  }

  private static void requireValid(int n, int c, int k) {
    if (n < 1 || c < 0 || c > n || k < 1 || k > n) {
      throw new IllegalArgumentException("need 1 <= k <= n and 0 <= c <= n, got n=" + n + " c=" + c + " k=" + k);
    }
  }

  /**
   * 95% interval of total passes / total tries: a percentile bootstrap over questions, which respects that the
   * repeats of one question are correlated; Wilson on the items when there is one question.
   *
   * @param tallies per question {tries, passes}
   */
  public static double[] interval95(List<int[]> tallies) {
    if (tallies.isEmpty()) {
      return new double[] {0, 0};
    }
    if (tallies.size() == 1) {
      return wilson(tallies.get(0)[0], tallies.get(0)[1]);
    }
    Random random = new Random(BOOTSTRAP_SEED);
    double[] estimates = new double[BOOTSTRAP_RESAMPLES];
    int q = tallies.size();
    for (int b = 0; b < BOOTSTRAP_RESAMPLES; b++) {
      long tries = 0;
      long passes = 0;
      for (int i = 0; i < q; i++) {
        int[] t = tallies.get(random.nextInt(q));
        tries += t[0];
        passes += t[1];
      }
      estimates[b] = tries == 0 ? 0 : (double) passes / tries;
    }
    java.util.Arrays.sort(estimates);
    return new double[] {estimates[(int) (0.025 * (BOOTSTRAP_RESAMPLES - 1))],
        estimates[(int) Math.ceil(0.975 * (BOOTSTRAP_RESAMPLES - 1))]};
  }

  /** Wilson score interval for {@code passes} successes in {@code tries}. */
  public static double[] wilson(long tries, long passes) {
    if (tries == 0) {
      return new double[] {0, 0};
    }
    double z = 1.959963984540054;
    double p = (double) passes / tries;
    double denom = 1 + z * z / tries;
    double centre = (p + z * z / (2.0 * tries)) / denom;
    double half = z * Math.sqrt(p * (1 - p) / tries + z * z / (4.0 * tries * tries)) / denom;
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }
}
