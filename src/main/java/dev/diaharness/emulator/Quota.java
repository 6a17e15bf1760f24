package dev.diaharness.emulator;

import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A per-project request quota as Google enforces one: at most {@code requestsPerSecond} conversation requests
 * (streamAssist and sessions.create) per second, refilled continuously, with a burst of one second's worth; a request
 * above it is refused with 429 {@code RESOURCE_EXHAUSTED} and no {@code Retry-After}, which is how Google signals a
 * spent quota. Thread-safe.
 */
final class Quota {
  /** Endpoint name under which refused requests are counted in the metrics. */
  static final String REFUSED = "quota.refused";

  private final double perNano;
  private final double burst;
  private final LongSupplier nanoTime;
  private double tokens;
  private long lastNanos;

  Quota(double requestsPerSecond, LongSupplier nanoTime) {
    if (!(requestsPerSecond > 0)) {
      throw new IllegalArgumentException("quota must be > 0 requests/s, got " + requestsPerSecond);
    }
    this.perNano = requestsPerSecond / 1e9;
    this.burst = Math.max(1, requestsPerSecond);
    this.nanoTime = nanoTime;
    this.tokens = burst;
    this.lastNanos = nanoTime.getAsLong();
  }

  /** The quota of {@code requestsPerSecond}, or none. */
  static Optional<Quota> of(Optional<Double> requestsPerSecond) {
    return requestsPerSecond.map(r -> new Quota(r, System::nanoTime));
  }

  /** Takes one request's unit; false when the quota is spent for now. */
  synchronized boolean admit() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(burst, tokens + (now - lastNanos) * perNano);
    lastNanos = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
