package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrafficControlTest {
  /** A ticker whose time only moves when someone sleeps. */
  static class FakeTicker implements Ticker {
    long now;

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleepNanos(long nanos) {
      if (nanos > 0) {
        now += nanos + overshoot();
      }
    }

    /** How much later than asked a sleep wakes up: never later, here. */
    long overshoot() {
      return 0;
    }
  }

  /** When each of {@code n} permits of a 20/s bucket was handed out, on {@code ticker}'s clock. */
  private static long[] permitTimes(Ticker ticker, int n) throws InterruptedException {
    TokenBucket bucket = new TokenBucket(20, ticker);
    long[] times = new long[n];
    for (int i = 0; i < n; i++) {
      bucket.acquire();
      times[i] = ticker.nanoTime();
    }
    return times;
  }

  @Test
  void tokenBucketSpacesPermitsSoNoSecondSeesMoreThanRatePlusOne() throws Exception {
    long[] times = permitTimes(new FakeTicker(), 100);
    for (int i = 0; i + 21 < times.length; i++) {
      assertThat(times[i + 21] - times[i]).as("21 permits after permit %d", i).isGreaterThanOrEqualTo(1_000_000_000L);
    }
    assertThat(times[99] - times[0]).isEqualTo(99 * 50_000_000L);
  }

  /** A fake ticker whose 3rd, 13th, 23rd … sleeps overshoot by 150 ms, as a wake-up on an overloaded machine. */
  static final class LateTicker extends FakeTicker {
    int sleeps;

    @Override
    long overshoot() {
      return ++sleeps % 10 == 3 ? 150_000_000L : 0;
    }
  }

  @Test
  void aLateWakeUpPushesLaterPermitsBackInsteadOfBunchingWithThem() throws Exception {
    long[] times = permitTimes(new LateTicker(), 100);
    for (int i = 0; i + 1 < times.length; i++) {
      assertThat(times[i + 1] - times[i]).as("gap after permit %d", i).isGreaterThanOrEqualTo(50_000_000L);
    }
  }

  @Test
  void retryAfterPausesEveryCallerUntilItPasses() throws Exception {
    FakeTicker ticker = new FakeTicker();
    TrafficControl traffic = new TrafficControl(Optional.empty(), 4, ticker);
    traffic.onRateLimited(Optional.of(Duration.ofSeconds(2)));
    assertThat(traffic.conversationLimit()).as("4 × 0.7").isEqualTo(2);
    long before = ticker.nanoTime();
    traffic.beforeCall();
    assertThat(ticker.nanoTime() - before).isEqualTo(2_000_000_000L);
    traffic.beforeCall();
    assertThat(ticker.nanoTime() - before).as("the pause is over").isEqualTo(2_000_000_000L);
    assertThat(traffic.conversationLimit()).as("the 2 s pause was a clean window each second: +1, +1").isEqualTo(4);
    assertThat(traffic.rateLimitedCount()).isEqualTo(1);
  }

  @Test
  void theLimitersWaitsAndTheBackoffArePausesOfTheConversationNotPartOfIt() throws Exception {
    FakeTicker ticker = new FakeTicker();
    TrafficControl traffic = new TrafficControl(Optional.of(10.0), 4, ticker);
    try (TrafficControl.Admission conversation = traffic.admit(new RetryBudget(3))) {
      ticker.now += 100_000_000L; // the first request is answered after 100 ms: a 429 with Retry-After 2 s
      traffic.onRateLimited(Optional.of(Duration.ofSeconds(2)));
      traffic.onRetry(Duration.ofSeconds(2));
      ticker.now += 2_000_000_000L; // the transport sleeps its back-off
      traffic.beforeCall(); // the rate limiter lets the retry pass at once
      traffic.beforeCall(); // the follow-up waits 100 ms for the rate limiter
      ticker.now += 300_000_000L; // and is answered in 300 ms
      assertThat(conversation.time.activeNanos()).as("100 ms + 300 ms of conversation, no waits")
          .isEqualTo(400_000_000L);
      assertThat(traffic.retriesLeft(99)).as("the retry came out of the item's budget").isEqualTo(2);
    }
    assertThat(traffic.retriesLeft(99)).as("outside a conversation: the caller's own budget").isEqualTo(99);
  }

  @Test
  void aRetryBudgetIsSpentOnceAndNeverBelowZero() {
    RetryBudget budget = new RetryBudget(2);
    assertThat(budget.spend()).isTrue();
    assertThat(budget.spend()).isTrue();
    assertThat(budget.spend()).isFalse();
    assertThat(budget.left()).isZero();
  }

  @Test
  void anAdmissionClosedByTheWatchdogFreesItsPlaceOnlyOnce() throws Exception {
    FakeTicker ticker = new FakeTicker();
    TrafficControl traffic = new TrafficControl(Optional.empty(), 1, ticker);
    TrafficControl.Admission first = traffic.admit(new RetryBudget(0));
    Thread watchdog = new Thread(first::close);
    watchdog.start();
    watchdog.join();
    first.close(); // the conversation's own thread ends later: no second release
    try (TrafficControl.Admission second = traffic.admit(new RetryBudget(0))) {
      assertThat(second.isClosed()).isFalse();
    }
    TrafficControl.Admission third = traffic.admit(new RetryBudget(0));
    assertThat(third.isClosed()).as("one place, freed once each time").isFalse();
    third.close();
  }

  @Test
  @org.junit.jupiter.api.Timeout(30)
  void aConversationBackingOffLendsItsPlaceAndTakesItBackBeforeItsNextRequest() throws Exception {
    TrafficControl traffic = new TrafficControl(Optional.empty(), 1, new FakeTicker());
    java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.CountDownLatch backingOff = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CountDownLatch otherDone = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.atomic.AtomicLong otherClosedAt = new java.util.concurrent.atomic.AtomicLong();
      java.util.concurrent.Future<Long> retried = thread.submit(() -> {
        try (TrafficControl.Admission first = traffic.admit(new RetryBudget(3))) {
          traffic.onRetry(Duration.ofSeconds(1)); // a 429: back off, place lent
          backingOff.countDown();
          otherDone.await();
          traffic.beforeCall(); // the retry takes the place back
          return System.nanoTime();
        }
      });
      backingOff.await();
      try (TrafficControl.Admission other = traffic.admit(new RetryBudget(3))) {
        assertThat(other.isClosed()).as("the only place was lent to another conversation").isFalse();
        otherClosedAt.set(System.nanoTime());
      }
      otherDone.countDown();
      assertThat(retried.get()).isGreaterThan(otherClosedAt.get());
    } finally {
      thread.shutdownNow();
    }
  }
}
