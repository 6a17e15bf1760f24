package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrafficControlTest {
  /** A ticker whose time only moves when someone sleeps. */
  static final class FakeTicker implements Ticker {
    long now;

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleepNanos(long nanos) {
      if (nanos > 0) {
        now += nanos;
      }
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
  static final class LateTicker implements Ticker {
    long now;
    int sleeps;

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleepNanos(long nanos) {
      if (nanos > 0) {
        now += nanos + (++sleeps % 10 == 3 ? 150_000_000L : 0);
      }
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
  void adaptiveLimitCutsOnRateLimitAndGrowsBackAfterCleanWindows() throws Exception {
    AdaptiveConcurrencyLimit limit = new AdaptiveConcurrencyLimit(10, 0.5, 3);
    limit.onRateLimited();
    assertThat(limit.limit()).isEqualTo(5);
    limit.onRateLimited();
    limit.onRateLimited();
    limit.onRateLimited();
    assertThat(limit.limit()).isEqualTo(1);
    limit.onRateLimited();
    assertThat(limit.limit()).as("never below one").isEqualTo(1);
    for (int i = 0; i < 3; i++) {
      limit.acquire();
      limit.release(true);
    }
    assertThat(limit.limit()).isEqualTo(2);
    limit.acquire();
    limit.release(false);
    assertThat(limit.limit()).as("a conversation that saw a 429 does not count as clean").isEqualTo(2);
  }

  @Test
  void retryAfterPausesEveryCallerUntilItPasses() throws Exception {
    FakeTicker ticker = new FakeTicker();
    TrafficControl traffic = new TrafficControl(Optional.empty(), 4, ticker);
    traffic.onRateLimited(Optional.of(Duration.ofSeconds(2)));
    long before = ticker.nanoTime();
    traffic.beforeCall();
    assertThat(ticker.nanoTime() - before).isEqualTo(2_000_000_000L);
    traffic.beforeCall();
    assertThat(ticker.nanoTime() - before).as("the pause is over").isEqualTo(2_000_000_000L);
    assertThat(traffic.conversationLimit()).isEqualTo(2);
    assertThat(traffic.rateLimitedCount()).isEqualTo(1);
  }
}
