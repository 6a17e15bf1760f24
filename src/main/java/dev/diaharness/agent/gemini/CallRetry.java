package dev.diaharness.agent.gemini;

import dev.failsafe.ExecutionContext;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The retry policy of agent API calls (Failsafe): retries 429, 5xx, 400 without FAILED_PRECONDITION and failed
 * connects, with exponential backoff and jitter, honouring {@code Retry-After}, bounded in attempts and total time.
 * 403, FAILED_PRECONDITION, other 4xx and timeouts are not handled, so they pass straight through.
 */
final class CallRetry {
  private CallRetry() {}

  static <T> RetryPolicy<T> policy(CallPolicy policy, RetryListener listener) {
    return RetryPolicy.<T>builder()
        .handleIf((result, failure) -> isRetryable(failure))
        .withMaxAttempts(policy.maxAttempts())
        .withMaxDuration(policy.maxRetryTime())
        // Failsafe's own jitter would also shorten a server-given Retry-After, so jitter is applied here instead
        .withDelayFn(context -> delay(policy, context))
        .onRetryScheduled(event -> notify(listener, event.getLastException(), event.getAttemptCount(),
            event.getDelay()))
        .build();
  }

  static boolean isRetryable(Throwable failure) {
    return failure instanceof ApiFailure.Retryable
        || failure instanceof ApiFailure.Transport && ((ApiFailure.Transport) failure).retryable;
  }

  /** {@code Retry-After} when the server sent one, else initial·2^(n-1) capped, with 50–100 % jitter. */
  static <T> Duration delay(CallPolicy policy, ExecutionContext<T> context) {
    Throwable last = context.getLastException();
    if (last instanceof ApiFailure.Retryable && ((ApiFailure.Retryable) last).retryAfter.isPresent()) {
      return ((ApiFailure.Retryable) last).retryAfter.get();
    }
    return backoff(policy, context.getAttemptCount(), ThreadLocalRandom.current().nextDouble());
  }

  /** The jittered backoff after {@code failedAttempts} failures; {@code random} in [0, 1). */
  static Duration backoff(CallPolicy policy, int failedAttempts, double random) {
    double exponential = policy.initialBackoff().toMillis() * Math.pow(2, Math.max(0, failedAttempts - 1));
    double capped = Math.min(exponential, policy.maxBackoff().toMillis());
    return Duration.ofMillis(Math.round(capped * (0.5 + random / 2)));
  }

  private static void notify(RetryListener listener, Throwable last, int attempt, Duration delay) {
    int status = last instanceof ApiFailure.Retryable ? ((ApiFailure.Retryable) last).status : 0;
    if (status == 429) {
      listener.onRateLimited(((ApiFailure.Retryable) last).retryAfter);
    }
    listener.onRetry(status, attempt, delay);
  }
}
