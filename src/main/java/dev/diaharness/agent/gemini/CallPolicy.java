package dev.diaharness.agent.gemini;

import dev.diaharness.core.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and retry budget of every call to the agent API. Immutable.
 *
 * @param connectTimeout   TCP/TLS connect
 * @param requestTimeout   a whole non-streaming call, and the wait for the response headers of streamAssist
 * @param streamIdleTimeout the longest pause between two chunks of a streamed answer
 * @param streamTimeout    a whole streamed answer
 * @param maxAttempts      attempts per call on 429, 5xx and retryable 400 (1 = no retry)
 * @param initialBackoff   ceiling of the first backoff, doubled each retry (full jitter), unless {@code Retry-After}
 *                         says otherwise
 * @param maxBackoff       cap of the backoff ceiling
 * @param maxRetryTime     cap of the time spent on one call including its retries
 * @param lroTimeout       how long a deploy or update operation may take
 * @param lroInitialPoll   first wait between two polls of an operation, growing 1.5× up to {@code lroMaxPoll}
 */
public record CallPolicy(
    Duration connectTimeout,
    Duration requestTimeout,
    Duration streamIdleTimeout,
    Duration streamTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration maxRetryTime,
    Duration lroTimeout,
    Duration lroInitialPoll,
    Duration lroMaxPoll) {

  public CallPolicy {
    for (Duration d : new Duration[] {connectTimeout, requestTimeout, streamIdleTimeout, streamTimeout,
        initialBackoff, maxBackoff, maxRetryTime, lroTimeout, lroInitialPoll, lroMaxPoll}) {
      Objects.requireNonNull(d, "durations of a CallPolicy");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("every duration of a CallPolicy must be positive, got " + d);
      }
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff must be >= initialBackoff");
    }
  }

  /**
   * Production defaults: 10 s connect, 60 s per plain call, 180 s per answer (as the Python tool's read timeout)
   * with at most 120 s of silence, 5 attempts with {@link Backoff#DEFAULT} (1 s…32 s) within 5 minutes, 10 minutes
   * per operation. In a run, the retries of a conversation come from its budget ({@code --max-retries}) instead.
   */
  public static CallPolicy defaults() {
    return new CallPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(120),
        Duration.ofSeconds(180), 5, Backoff.DEFAULT.initial(), Backoff.DEFAULT.cap(), Duration.ofMinutes(5),
        Duration.ofMinutes(10), Duration.ofSeconds(2), Duration.ofSeconds(20));
  }

  /** The back-off rule of retried calls. */
  public Backoff backoff() {
    return new Backoff(initialBackoff, maxBackoff);
  }

  public CallPolicy withMaxAttempts(int attempts) {
    return new CallPolicy(connectTimeout, requestTimeout, streamIdleTimeout, streamTimeout, attempts,
        initialBackoff, maxBackoff, maxRetryTime, lroTimeout, lroInitialPoll, lroMaxPoll);
  }

  public CallPolicy withStreamTimeouts(Duration idle, Duration whole) {
    return new CallPolicy(connectTimeout, requestTimeout, idle, whole, maxAttempts,
        initialBackoff, maxBackoff, maxRetryTime, lroTimeout, lroInitialPoll, lroMaxPoll);
  }

  public CallPolicy withLro(Duration timeout, Duration initialPoll, Duration maxPoll) {
    return new CallPolicy(connectTimeout, requestTimeout, streamIdleTimeout, streamTimeout, maxAttempts,
        initialBackoff, maxBackoff, maxRetryTime, timeout, initialPoll, maxPoll);
  }
}
