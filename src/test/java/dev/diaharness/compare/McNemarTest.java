package dev.diaharness.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class McNemarTest {
  @ParameterizedTest
  @CsvSource({"0, 0, 1.0", "0, 5, 0.0625", "5, 0, 0.0625", "1, 9, 0.021484375", "3, 3, 1.0", "2, 3, 1.0",
      "0, 1, 1.0", "1, 6, 0.125"})
  void knownValues(int fixed, int broken, double p) {
    assertThat(McNemar.exactTwoSided(fixed, broken)).isCloseTo(p, within(1e-12));
  }

  /** Against the binomial tail summed exactly with big integers, for random counts up to a few hundred. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void matchesTheExactBinomialTail(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int trial = 0; trial < 40; trial++) {
      int fixed = random.nextInt(300);
      int broken = random.nextInt(300);
      int n = fixed + broken;
      BigInteger tail = BigInteger.ZERO;
      BigInteger choose = BigInteger.ONE;
      for (int i = 0; i <= Math.min(fixed, broken); i++) {
        if (i > 0) {
          choose = choose.multiply(BigInteger.valueOf(n - i + 1)).divide(BigInteger.valueOf(i));
        }
        tail = tail.add(choose);
      }
      double exact = Math.min(1.0, new BigDecimal(tail.shiftLeft(1))
          .divide(new BigDecimal(BigInteger.TWO.pow(n)), MathContext.DECIMAL64).doubleValue());
      double p = McNemar.exactTwoSided(fixed, broken);
      assertThat(p).as("%d fixed, %d broken", fixed, broken).isCloseTo(exact, within(1e-9 + exact * 1e-9));
    }
  }
}
