package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PassEstimatorsTest {
  @ParameterizedTest(name = "n={0} c={1} k={2}")
  @CsvSource({
    // n, c, k, pass@k, pass^k — by hand: pass@k = 1 - C(n-c,k)/C(n,k), pass^k = C(c,k)/C(n,k)
    "3, 0, 1, 0.0, 0.0",
    "3, 3, 3, 1.0, 1.0",
    "3, 1, 1, 0.3333333333, 0.3333333333",
    "3, 1, 2, 0.6666666667, 0.0",
    "3, 2, 2, 1.0, 0.3333333333",
    "5, 2, 3, 0.9, 0.0",
    "10, 5, 2, 0.7777777778, 0.2222222222"
  })
  void matchesTheCombinatorialDefinition(int n, int c, int k, double passAt, double passHat) {
    assertThat(PassEstimators.passAtK(n, c, k)).isCloseTo(passAt, within(1e-9));
    assertThat(PassEstimators.passHatK(n, c, k)).isCloseTo(passHat, within(1e-9));
  }

  static IntStream repeats() {
    return IntStream.rangeClosed(1, 20);
  }

  /** Every 0 <= c <= n and 1 <= k <= n for n up to 20: all 1,540 cases, cheaper than sampling them. */
  @ParameterizedTest(name = "n={0}")
  @MethodSource("repeats")
  void passAtKNeverBelowPassHatKAndBothAreProbabilities(int n) {
    for (int c = 0; c <= n; c++) {
      for (int k = 1; k <= n; k++) {
        double at = PassEstimators.passAtK(n, c, k);
        double hat = PassEstimators.passHatK(n, c, k);
        String where = "n=" + n + " c=" + c + " k=" + k;
        assertThat(at).as(where).isBetween(0.0, 1.0);
        assertThat(hat).as(where).isBetween(0.0, 1.0).isLessThanOrEqualTo(at + 1e-12);
        if (k == 1) {
          assertThat(at).as(where).isCloseTo((double) c / n, within(1e-12));
          assertThat(hat).as(where).isCloseTo((double) c / n, within(1e-12));
        }
      }
    }
  }

  @org.junit.jupiter.api.Test
  void intervalContainsThePointEstimateAndIsDeterministic() {
    List<int[]> tallies = List.of(new int[] {3, 3}, new int[] {3, 0}, new int[] {3, 2}, new int[] {3, 1},
        new int[] {3, 3}, new int[] {3, 0});
    double[] ci = PassEstimators.interval95(tallies);
    assertThat(ci[0]).isLessThan(0.5).isGreaterThanOrEqualTo(0.0);
    assertThat(ci[1]).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
    assertThat(PassEstimators.interval95(tallies)).containsExactly(ci);
  }

  @org.junit.jupiter.api.Test
  void wilsonMatchesTheKnownValue() {
    // 8 passes out of 10: Wilson 95% interval is [0.4902, 0.9433]
    double[] ci = PassEstimators.wilson(10, 8);
    assertThat(ci[0]).isCloseTo(0.4902, within(1e-4));
    assertThat(ci[1]).isCloseTo(0.9433, within(1e-4));
  }
}
