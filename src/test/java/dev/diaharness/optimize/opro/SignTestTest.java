package dev.diaharness.optimize.opro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The paired sign test that keeps a significantly worse candidate out. */
class SignTestTest {
  @ParameterizedTest(name = "current-only {0}, candidate-only {1} → p {2}")
  @CsvSource({
      "0, 0, 1.0",          // no discordant question: no evidence either way
      "2, 2, 1.0",          // tied: not behind
      "1, 3, 1.0",          // ahead
      "4, 0, 0.0625",       // 4 broken, none fixed: 1/16, not significant at 5%
      "5, 0, 0.03125",      // 5 broken: 1/32, significant
      "6, 1, 0.0625",       // (C(7,6)+C(7,7))/128
      "8, 2, 0.0546875",    // (45+10+1)/1024
      "3, 1, 0.3125"})      // (4+1)/16
  void oneSidedExactP(int currentOnly, int candidateOnly, double p) {
    assertThat(SignTest.worseP(currentOnly, candidateOnly)).isCloseTo(p, within(1e-12));
  }

  static IntStream counts() {
    return IntStream.rangeClosed(0, 40);
  }

  /** Every (broken, fixed) pair up to 40 each. */
  @ParameterizedTest(name = "broken {0}")
  @MethodSource("counts")
  void breakingMoreNeverLowersTheEvidenceOfBeingWorse(int broken) {
    for (int fixed = 0; fixed <= 40; fixed++) {
      double p = SignTest.worseP(broken, fixed);
      assertThat(p).as("fixed %d", fixed).isBetween(0.0, 1.0);
      assertThat(SignTest.worseP(broken + 1, fixed)).as("fixed %d", fixed).isLessThanOrEqualTo(p);
    }
  }
}
