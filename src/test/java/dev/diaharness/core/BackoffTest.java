package dev.diaharness.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {
  private static final Backoff TEN_TO_FIFTY = new Backoff(Duration.ofMillis(10), Duration.ofMillis(50));

  @ParameterizedTest
  @CsvSource({"1, 10", "2, 20", "3, 40", "4, 50", "10, 50", "100, 50"})
  void theCeilingDoublesPerRetryAndIsTruncatedAtTheCap(int retry, long expectedMillis) {
    assertThat(TEN_TO_FIFTY.ceiling(retry)).isEqualTo(Duration.ofMillis(expectedMillis));
  }

  @ParameterizedTest
  @CsvSource({"1, 0.0, 0", "1, 0.5, 5", "3, 0.25, 10", "10, 0.5, 25"})
  void fullJitterScalesTheCeilingByTheDrawFromZero(int retry, double uniform, long expectedMillis) {
    assertThat(TEN_TO_FIFTY.delay(retry, Optional.empty(), uniform)).isEqualTo(Duration.ofMillis(expectedMillis));
  }

  @Test
  void jitteredWaitsSpreadOverTheWholeRangeBelowTheCeiling() {
    SplittableRandom random = new SplittableRandom(11);
    long below = 0;
    long above = 0;
    for (int i = 0; i < 2000; i++) {
      Duration d = TEN_TO_FIFTY.delay(4, Optional.empty(), random.nextDouble());
      assertThat(d).isLessThan(Duration.ofMillis(50)).isGreaterThanOrEqualTo(Duration.ZERO);
      below += d.toMillis() < 25 ? 1 : 0;
      above += d.toMillis() >= 25 ? 1 : 0;
    }
    assertThat(below).as("full jitter, not 50–100 %% of the ceiling").isBetween(850L, 1150L);
    assertThat(above).isBetween(850L, 1150L);
  }

  @Test
  void retryAfterWinsOverTheBackoffEvenWhenLongerThanTheCap() {
    assertThat(TEN_TO_FIFTY.delay(1, Optional.of(Duration.ofSeconds(3)), 0.9)).isEqualTo(Duration.ofSeconds(3));
    assertThat(TEN_TO_FIFTY.delay(5, Optional.of(Duration.ZERO), 0.9)).isEqualTo(Duration.ZERO);
  }

  @Test
  void aCapBelowTheInitialIsRefused() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cap");
  }
}
