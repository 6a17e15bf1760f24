package dev.diaharness.run;

import dev.diaharness.agent.CallGate;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one gate all agent traffic of a run goes through, over both splits: the optional global rate limit on HTTP
 * requests, a global pause honouring the service's Retry-After, and the adaptive limit on conversations in flight.
 * Thread-safe.
 */
public final class TrafficControl implements CallGate {
  private final Optional<TokenBucket> rate;
  private final AdaptiveConcurrencyLimit conversations;
  private final Ticker ticker;
  private final AtomicLong pausedUntilNanos;
  private final AtomicLong rateLimitedCount = new AtomicLong();
  /** whether the conversation on this thread saw a 429: adapters call back on the thread that makes the call */
  private final ThreadLocal<Boolean> sawRateLimit = ThreadLocal.withInitial(() -> false);

  public TrafficControl(Optional<Double> ratePerSecond, int maxConversations, Ticker ticker) {
    this.ticker = ticker;
    this.rate = ratePerSecond.map(qps -> new TokenBucket(qps, ticker));
    this.conversations = new AdaptiveConcurrencyLimit(maxConversations, 0.7, 20);
    this.pausedUntilNanos = new AtomicLong(ticker.nanoTime());
  }

  @Override
  public void beforeCall() throws InterruptedException {
    long pause = pausedUntilNanos.get() - ticker.nanoTime();
    if (pause > 0) {
      ticker.sleepNanos(pause);
    }
    if (rate.isPresent()) {
      rate.get().acquire();
    }
  }

  @Override
  public void onRateLimited(Optional<Duration> retryAfter) {
    rateLimitedCount.incrementAndGet();
    sawRateLimit.set(true);
    conversations.onRateLimited();
    retryAfter.ifPresent(d -> {
      long until = ticker.nanoTime() + d.toNanos();
      pausedUntilNanos.accumulateAndGet(until, Math::max);
    });
  }

  /** Admission of one conversation (held for its whole duration). */
  public void startConversation() throws InterruptedException {
    conversations.acquire();
    sawRateLimit.set(false);
  }

  /** Ends the conversation started on this thread; one without a 429 counts towards growing the limit. */
  public void endConversation() {
    conversations.release(!sawRateLimit.get());
    sawRateLimit.remove();
  }

  public int conversationLimit() {
    return conversations.limit();
  }

  public long rateLimitedCount() {
    return rateLimitedCount.get();
  }
}
