package dev.diaharness.emulator;

import dev.diaharness.core.InputException;
import java.time.Duration;
import java.util.Objects;

/**
 * How long the emulator sleeps before answering each {@code streamAssist} call: {@code mean} plus a uniform jitter
 * in [-jitter, +jitter], never below zero. Parsed from {@code --latency-ms MEAN[:JITTER]}. Immutable and
 * thread-safe.
 */
public record LatencyPlan(Duration mean, Duration jitter) {
  public LatencyPlan {
    Objects.requireNonNull(mean, "mean");
    Objects.requireNonNull(jitter, "jitter");
    if (mean.isNegative() || jitter.isNegative()) {
      throw new IllegalArgumentException("latency mean and jitter must not be negative");
    }
  }

  /** No added latency. */
  public static LatencyPlan none() {
    return new LatencyPlan(Duration.ZERO, Duration.ZERO);
  }

  public boolean isNone() {
    return mean.isZero() && jitter.isZero();
  }

  /** The delay for one request, given a uniform sample in [0, 1). */
  public Duration sample(double uniform) {
    long meanNanos = mean.toNanos();
    long jitterNanos = jitter.toNanos();
    long delay = meanNanos + Math.round((uniform * 2 - 1) * jitterNanos);
    return Duration.ofNanos(Math.max(0, delay));
  }

  /**
   * Parses {@code MEAN[:JITTER]} in milliseconds.
   *
   * @throws InputException naming the flag when the value is not two non-negative integers
   */
  public static LatencyPlan parse(String flag, String value) {
    if (value == null || value.isBlank()) {
      return none();
    }
    String[] parts = value.strip().split(":", -1);
    if (parts.length > 2) {
      throw new InputException(flag + ": '" + value + "' is not MEAN[:JITTER] in milliseconds");
    }
    long mean = millis(flag, parts[0], value);
    long jitter = parts.length == 2 ? millis(flag, parts[1], value) : 0;
    return new LatencyPlan(Duration.ofMillis(mean), Duration.ofMillis(jitter));
  }

  private static long millis(String flag, String text, String whole) {
    try {
      long ms = Long.parseLong(text.strip());
      if (ms < 0) {
        throw new InputException(flag + ": '" + whole + "' must not be negative");
      }
      return ms;
    } catch (NumberFormatException e) {
      throw new InputException(flag + ": '" + whole + "' is not MEAN[:JITTER] in milliseconds");
    }
  }
}
