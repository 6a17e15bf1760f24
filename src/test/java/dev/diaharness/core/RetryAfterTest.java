package dev.diaharness.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {
  @ParameterizedTest
  @CsvSource({"7, 7000", "0, 0", "0.3, 300", "'Thu, 01 Jan 2026 00:00:05 GMT', 5000",
      "'Wed, 31 Dec 2025 23:59:00 GMT', 0"})
  void retryAfterIsReadAsSecondsOrAnHttpDate(String header, long expectedMillis) {
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    assertThat(RetryAfter.parse(Optional.of(header), clock)).contains(Duration.ofMillis(expectedMillis));
  }

  @ParameterizedTest
  @CsvSource({"soon", "'-3'", "''", "'Thursday at five'"})
  void unreadableRetryAfterIsIgnored(String header) {
    assertThat(RetryAfter.parse(Optional.of(header), Clock.systemUTC())).isEmpty();
  }

  @Test
  void absentRetryAfterIsEmpty() {
    assertThat(RetryAfter.parse(Optional.empty(), Clock.systemUTC())).isEmpty();
  }
}
