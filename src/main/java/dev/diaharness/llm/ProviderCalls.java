package dev.diaharness.llm;

import dev.diaharness.core.Backoff;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The retry and concurrency policy around one provider's calls: Retry(Bulkhead(attempt)). Each attempt takes a
 * permit of the provider's semaphore, so a call waiting for its backoff holds no permit. 429, 5xx and timeouts wait
 * per the project's one {@link Backoff} rule ({@code Retry-After}, capped, wins; else full-jitter exponential); everything else, and
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
    Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
    RetryPolicy<Object> retry = RetryPolicy.builder()
        .handleIf(failure -> failure instanceof ProviderException && ((ProviderException) failure).retryable())
        .withDelayFn(context -> backoff.delay(context.getAttemptCount(), retryAfterOf(context.getLastException(), cap),
            ThreadLocalRandom.current().nextDouble()))
        .withMaxRetries(settings.maxRetries())
        .build();
    this.executor = Failsafe.with(retry);
  }

  private static Optional<Duration> retryAfterOf(Throwable failure, Duration cap) {
    if (!(failure instanceof ProviderException)) {
      return Optional.empty();
    }
    return ((ProviderException) failure).retryAfter().map(after -> after.compareTo(cap) > 0 ? cap : after);
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
