package dev.diaharness.core;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses an HTTP {@code Retry-After} header: delta-seconds or an HTTP date (RFC 9110 §10.2.3), and leniently
 * fractional seconds such as {@code 0.3}. The one parser of the header: the agent transport and the model
 * providers both use it. Stateless.
 */
public final class RetryAfter {
  private RetryAfter() {}

  /** The wait the header asks for, never negative; empty when absent or unreadable. */
  public static Optional<Duration> parse(Optional<String> header, Clock clock) {
    if (header.isEmpty() || header.get().isBlank()) {
      return Optional.empty();
    }
    String value = header.get().strip();
    try {
      if (value.matches("\\d+")) {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      }
      if (value.matches("\\d*\\.\\d+")) { // not in the RFC; accepted from emulators and test fakes
        return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000)));
      }
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (NumberFormatException | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
