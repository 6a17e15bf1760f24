package dev.diaharness.agent;

import java.time.Duration;
import java.util.Optional;

/**
 * Traffic control an agent adapter consults around every HTTP call it makes to the agent service: the evaluation
 * engine implements it with the run's one limiter (rate limit, adaptive concurrency, retry budget), shared by train,
 * test and candidate screening. The waits it imposes are the run's, not the conversation's: they never count against
 * the item timeout. Implementations are thread-safe; per-conversation state belongs to the calling thread.
 */
public interface CallGate {
  /** A gate that never waits. */
  CallGate OPEN = new CallGate() {
    @Override
    public void beforeCall() {}

    @Override
    public void onRateLimited(Optional<Duration> retryAfter) {}
  };

  /** Blocks until the next request may be sent. */
  void beforeCall() throws InterruptedException;

  /** The service answered 429; {@code retryAfter} is its Retry-After, when given. */
  void onRateLimited(Optional<Duration> retryAfter);

  /** A request will be sent again after {@code delay}: the conversation spends one retry, and that wait starts now. */
  default void onRetry(Duration delay) {}

  /** Retries the conversation on this thread may still spend, or {@code standalone} outside any conversation. */
  default int retriesLeft(int standalone) {
    return standalone;
  }
}
