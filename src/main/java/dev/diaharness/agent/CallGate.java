package dev.diaharness.agent;

import java.time.Duration;
import java.util.Optional;

/**
 * Traffic control an agent adapter consults around every HTTP call it makes to the agent service: the evaluation
 * engine implements it with the global {@code --rate-limit} and adaptive concurrency, shared by train and test.
 * Implementations are thread-safe.
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
}
