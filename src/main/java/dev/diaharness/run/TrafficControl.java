package dev.diaharness.run;

import dev.diaharness.agent.CallGate;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one limiter of all agent traffic of a run — both splits, SQL follow-ups, retries and candidate screening:
 * the optional global rate limit on HTTP requests ({@code --rate-limit}), the pace a quota allows as learnt from its
 * 429s ({@link QuotaPacer}), a global pause honouring the service's
 * Retry-After, the adaptive limit on conversations in flight, and each conversation's retry budget. Every wait it
 * imposes is recorded on the waiting conversation's {@link ActiveTime} as a pause, so it never counts against the
 * item timeout. Thread-safe; a conversation's state lives on the thread that {@link #admit admitted} it.
 */
public final class TrafficControl implements CallGate {
  /** Before the first conversation ends, a window of this long separates two cuts of the limit. */
  static final Duration INITIAL_WINDOW = Duration.ofSeconds(1);

  private final Optional<TokenBucket> rate;
  private final QuotaPacer quota;
  private final AdaptiveConcurrencyLimit conversations;
  private final Ticker ticker;
  private final AtomicLong pausedUntilNanos;
  private final AtomicLong rateLimitedCount = new AtomicLong();
  private final ThreadLocal<Admission> current = new ThreadLocal<>();
  private volatile RunListener listener = RunListener.NONE;

  public TrafficControl(Optional<Double> ratePerSecond, int maxConversations, Ticker ticker) {
    this.ticker = ticker;
    this.rate = ratePerSecond.map(qps -> new TokenBucket(qps, ticker));
    this.quota = new QuotaPacer(ticker);
    this.conversations = new AdaptiveConcurrencyLimit(maxConversations, 0.7, INITIAL_WINDOW, ticker,
        limit -> listener.throttled(limit, maxConversations, rateLimitedCount.get()));
    this.pausedUntilNanos = new AtomicLong(ticker.nanoTime());
  }

  /** Where changes of the limit are reported (the console shows when the run is throttled). */
  public void listen(RunListener value) {
    this.listener = value;
  }

  /**
   * Admits one conversation attempt on this thread: blocks until the adaptive limit has room, then returns the
   * admission that holds the place until closed. The wait is not part of the conversation.
   */
  Admission admit(RetryBudget budget) throws InterruptedException {
    conversations.acquire();
    Admission admission = new Admission(budget, new ActiveTime(ticker));
    current.set(admission);
    return admission;
  }

  @Override
  public void beforeCall() throws InterruptedException {
    Admission admission = current.get();
    if (admission != null) {
      admission.time.pause();
    }
    try {
      if (admission != null) {
        admission.hold();
      }
      long pause = pausedUntilNanos.get() - ticker.nanoTime();
      if (pause > 0) {
        ticker.sleepNanos(pause);
      }
      if (rate.isPresent()) {
        rate.get().acquire();
      }
      quota.beforeRequest();
    } finally {
      if (admission != null) {
        admission.time.resume();
      }
    }
  }

  @Override
  public void onRateLimited(Optional<Duration> retryAfter) {
    rateLimitedCount.incrementAndGet();
    conversations.onRateLimited();
    if (retryAfter.isEmpty()) { // a spent quota: find its rate; with a Retry-After the service says when itself
      quota.onRefused();
    }
    retryAfter.ifPresent(d -> pausedUntilNanos.accumulateAndGet(ticker.nanoTime() + d.toNanos(), Math::max));
  }

  /**
   * The back-off before a retried request: spends a retry, and the wait is a pause until the next request. The
   * conversation gives its place under the adaptive limit back while it waits: a conversation that is backing off
   * puts no load on the service, and holding the place would leave the quota unused.
   */
  @Override
  public void onRetry(Duration delay) {
    Admission admission = current.get();
    if (admission != null) {
      admission.budget.spend();
      admission.time.pause();
      admission.letGo();
    }
  }

  @Override
  public int retriesLeft(int standalone) {
    Admission admission = current.get();
    return admission == null ? standalone : admission.budget.left();
  }

  public int conversationLimit() {
    return conversations.limit();
  }

  public int maxConversations() {
    return conversations.max();
  }

  /** Requests per second the run paces itself to after a quota's 429s, or 0 while it does not. */
  public double quotaPace() {
    return quota.rate();
  }

  public long rateLimitedCount() {
    return rateLimitedCount.get();
  }

  /**
   * One admitted conversation attempt: its place under the adaptive limit, its active time and its item's retry
   * budget. Closing it frees the place once, whoever closes it first: the conversation's thread when it ends, or the
   * timeout watchdog when it gives up on it.
   */
  final class Admission implements AutoCloseable {
    final RetryBudget budget;
    final ActiveTime time;
    private final Thread owner = Thread.currentThread();
    private final long admittedNanos = ticker.nanoTime();
    private boolean open = true;
    private boolean holding = true;

    private Admission(RetryBudget budget, ActiveTime time) {
      this.budget = budget;
      this.time = time;
    }

    /** Takes the place back after a back-off (blocking, on the conversation's thread). */
    void hold() throws InterruptedException {
      synchronized (this) {
        if (holding || !open) {
          return;
        }
      }
      conversations.acquire();
      synchronized (this) {
        if (open) {
          holding = true;
          return;
        }
      }
      conversations.release(); // closed meanwhile by the watchdog: the place is not ours to keep
    }

    /** Gives the place back for a back-off. */
    synchronized void letGo() {
      if (open && holding) {
        holding = false;
        conversations.release();
      }
    }

    synchronized boolean isClosed() {
      return !open;
    }

    @Override
    public void close() {
      if (Thread.currentThread() == owner && current.get() == this) {
        current.remove();
      }
      synchronized (this) {
        if (!open) {
          return;
        }
        open = false;
        if (holding) {
          holding = false;
          conversations.release();
        }
      }
      // the window is the wall time, waits included: how long a change of the limit takes to show its effect
      conversations.observe(ticker.nanoTime() - admittedNanos);
    }
  }
}
