package dev.diaharness.agent.gemini;

import dev.diaharness.core.Backoff;
import dev.failsafe.ExecutionContext;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The retry policy of agent API calls (Failsafe): retries 429, 5xx, 400 without FAILED_PRECONDITION (SPEC §3.1)
 * and failed connects (resets before anything reached the server) with the project's one {@link Backoff} rule
 * (truncated exponential, full jitter, {@code Retry-After} wins), bounded in retries and total time. 403,
 * FAILED_PRECONDITION, other 4xx and timeouts are not handled, so they pass straight through.
 */
final class CallRetry {
  private CallRetry() {}

  /** @param maxRetries retries after the first attempt (a conversation's remaining budget, in a run) */
  static <T> RetryPolicy<T> policy(CallPolicy policy, int maxRetries, RetryListener listener) {
    return RetryPolicy.<T>builder()
        .handleIf((result, failure) -> isRetryable(failure))
        .withMaxRetries(maxRetries)
        .withMaxDuration(policy.maxRetryTime())
        .withDelayFn(context -> delay(policy.backoff(), context))
        .onRetryScheduled(event -> notify(listener, event.getLastException(), event.getAttemptCount(),
            event.getDelay()))
        .build();
  }

  static boolean isRetryable(Throwable failure) {
    return failure instanceof ApiFailure.Retryable
        || failure instanceof ApiFailure.Transport && ((ApiFailure.Transport) failure).retryable;
  }

  private static <T> Duration delay(Backoff backoff, ExecutionContext<T> context) {
    Throwable last = context.getLastException();
    Optional<Duration> retryAfter = last instanceof ApiFailure.Retryable
        ? ((ApiFailure.Retryable) last).retryAfter : Optional.empty();
    return backoff.delay(context.getAttemptCount(), retryAfter, ThreadLocalRandom.current().nextDouble());
  }

  private static void notify(RetryListener listener, Throwable last, int attempt, Duration delay) {
    int status = last instanceof ApiFailure.Retryable ? ((ApiFailure.Retryable) last).status : 0;
    if (status == 429) {
      listener.onRateLimited(((ApiFailure.Retryable) last).retryAfter);
    }
    listener.onRetry(status, attempt, delay);
  }
}
