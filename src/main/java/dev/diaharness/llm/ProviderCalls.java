package dev.diaharness.llm;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The retry and concurrency policy around one provider's calls: Retry(Bulkhead(attempt)). Each attempt takes a
 * permit of the provider's semaphore, so a call waiting for its backoff holds no permit. 429 waits for
 * {@code Retry-After} (capped) or the backoff; 5xx and timeouts back off exponentially; everything else, and
 * configuration errors such as rejected credentials, fail at once. This class is thread-safe; share one instance
 * per provider.
 */
public final class ProviderCalls {
  private final Semaphore permits;
  private final FailsafeExecutor<Object> executor;

  public ProviderCalls(RetrySettings settings) {
    Objects.requireNonNull(settings, "settings");
    this.permits = new Semaphore(settings.maxConcurrency(), true);
    Duration cap = settings.maxRetryAfter();
    RetryPolicy<Object> retry = RetryPolicy.builder()
        .handleIf(failure -> failure instanceof ProviderException && ((ProviderException) failure).retryable())
        .withBackoff(settings.initialBackoff(), settings.maxBackoff())
        .withJitter(0.2)
        // a negative delay tells Failsafe to fall back to the backoff
        .withDelayFnOn(context -> retryAfterOf(context.getLastException(), cap), ProviderException.class)
        .withMaxRetries(settings.maxRetries())
        .build();
    this.executor = Failsafe.with(retry);
  }

  private static Duration retryAfterOf(Throwable failure, Duration cap) {
    if (!(failure instanceof ProviderException)) {
      return Duration.ofMillis(-1);
    }
    return ((ProviderException) failure).retryAfter()
        .map(after -> after.compareTo(cap) > 0 ? cap : after)
        .orElse(Duration.ofMillis(-1));
  }

  /** Runs {@code attempt} under the policy and returns its result or throws its last failure. */
  @SuppressWarnings("unchecked")
  public <T> T call(Supplier<T> attempt) {
    return (T) executor.get(() -> withPermit(attempt));
  }

  private <T> T withPermit(Supplier<T> attempt) {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(ProviderException.Kind.FATAL, 0, "interrupted while waiting for a model call slot");
    }
    try {
      return attempt.get();
    } finally {
      permits.release();
    }
  }
}
