package dev.diaharness.emulator;

import dev.diaharness.core.InputException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long the emulator sleeps before answering each {@code streamAssist} call. Uniform: {@code mean} plus a
 * uniform jitter in [-jitter, +jitter], never below zero ({@code --latency-ms MEAN[:JITTER]}). Log-normal, when
 * {@code p95} is given: {@code mean} is then the median and 95 % of the calls are faster than {@code p95}
 * ({@code --latency-ms MEDIAN --latency-p95-ms P95}), the long right tail real conversation turns have. Immutable
 * and thread-safe.
 */
public record LatencyPlan(Duration mean, Duration jitter, Optional<Duration> p95) {
  /** The 95th percentile of the standard normal distribution. */
  private static final double Z95 = 1.6448536269514722;

  public LatencyPlan {
    Objects.requireNonNull(mean, "mean");
    Objects.requireNonNull(jitter, "jitter");
    Objects.requireNonNull(p95, "p95");
    if (mean.isNegative() || jitter.isNegative()) {
      throw new IllegalArgumentException("latency mean and jitter must not be negative");
    }
    if (p95.isPresent() && (!jitter.isZero() || mean.isZero() || p95.get().compareTo(mean) < 0)) {
      throw new IllegalArgumentException("a log-normal latency needs a positive median, no jitter, and p95 >= median");
    }
  }

  /** A uniform plan. */
  public LatencyPlan(Duration mean, Duration jitter) {
    this(mean, jitter, Optional.empty());
  }

  /** A log-normal plan with this median and 95th percentile. */
  public static LatencyPlan logNormal(Duration median, Duration p95) {
    return new LatencyPlan(median, Duration.ZERO, Optional.of(p95));
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
    if (p95.isPresent()) {
      double sigma = Math.log((double) p95.get().toNanos() / mean.toNanos()) / Z95;
      double u = Math.min(Math.max(uniform, 1e-12), 1 - 1e-12);
      return Duration.ofNanos(Math.round(mean.toNanos() * Math.exp(sigma * StandardNormal.quantile(u))));
    }
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

  /**
   * Makes {@code plan} log-normal with the given 95th percentile ({@code flag}'s value, in ms), its mean read as the
   * median; null keeps it as it is.
   *
   * @throws InputException naming the flag when there is no median, a jitter, or the p95 is below the median
   */
  public static LatencyPlan withP95(String flag, Long p95Millis, LatencyPlan plan) {
    if (p95Millis == null) {
      return plan;
    }
    if (plan.mean().isZero() || !plan.jitter().isZero() || p95Millis < plan.mean().toMillis()) {
      throw new InputException(flag + " " + p95Millis + " needs a latency median (without :JITTER) of at most "
          + p95Millis + " ms");
    }
    return logNormal(plan.mean(), Duration.ofMillis(p95Millis));
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
