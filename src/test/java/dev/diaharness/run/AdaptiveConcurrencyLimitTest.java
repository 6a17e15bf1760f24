package dev.diaharness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diaharness.run.TrafficControlTest.FakeTicker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The AIMD limit on a fake clock: one cut per congestion window, ×0.7, floor 1, +1 per clean window. */
class AdaptiveConcurrencyLimitTest {
  private static final long SECOND = 1_000_000_000L;
  private final FakeTicker ticker = new FakeTicker();
  private final List<Integer> changes = new ArrayList<>();

  private AdaptiveConcurrencyLimit limit(int max) {
    return new AdaptiveConcurrencyLimit(max, 0.7, Duration.ofSeconds(1), ticker, changes::add);
  }

  @Test
  void the429sOfOneOverloadCutTheLimitOnceNotOncePer429() {
    AdaptiveConcurrencyLimit limit = limit(20);
    for (int i = 0; i < 6; i++) {
      limit.onRateLimited();
      ticker.now += SECOND / 10;
    }
    assertThat(limit.limit()).as("six 429s within one window: one cut, 20 × 0.7").isEqualTo(14);
    ticker.now += SECOND / 2; // a whole window after the cut
    limit.onRateLimited();
    assertThat(limit.limit()).as("next window: 14 × 0.7 = 9.8").isEqualTo(9);
    assertThat(changes).containsExactly(14, 9);
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "2, 1", "3, 2", "10, 7", "40, 28"})
  void oneCutIsMultiplicativeAndNeverBelowOne(int max, int expected) {
    AdaptiveConcurrencyLimit limit = limit(max);
    limit.onRateLimited();
    assertThat(limit.limit()).isEqualTo(expected);
  }

  @Test
  void aPersistentOverloadBringsTheLimitDownToOneAndNoFurther() {
    AdaptiveConcurrencyLimit limit = limit(20);
    for (int window = 0; window < 30; window++) {
      limit.onRateLimited();
      ticker.now += SECOND;
    }
    limit.onRateLimited();
    assertThat(limit.limit()).isEqualTo(1);
  }

  @Test
  void eachWholeCleanWindowAddsOneUpToTheMaximum() {
    AdaptiveConcurrencyLimit limit = limit(10);
    limit.onRateLimited(); // 7
    ticker.now += SECOND / 2;
    assertThat(limit.limit()).as("half a window is not a clean window").isEqualTo(7);
    ticker.now += SECOND / 2;
    assertThat(limit.limit()).isEqualTo(8);
    ticker.now += 2 * SECOND;
    assertThat(limit.limit()).isEqualTo(10);
    ticker.now += 10 * SECOND;
    assertThat(limit.limit()).as("never above the maximum").isEqualTo(10);
  }

  @Test
  void a429RestartsTheCleanWindow() {
    AdaptiveConcurrencyLimit limit = limit(10);
    limit.onRateLimited(); // 7 at t = 0
    ticker.now += SECOND * 9 / 10;
    limit.onRateLimited(); // within the window: no cut, but the window is not clean
    ticker.now += SECOND * 9 / 10;
    assertThat(limit.limit()).as("1.8 s after the cut, but only 0.9 s since the last 429").isEqualTo(7);
    ticker.now += SECOND / 10;
    assertThat(limit.limit()).isEqualTo(8);
  }

  @Test
  void theWindowFollowsHowLongConversationsTake() throws Exception {
    AdaptiveConcurrencyLimit limit = limit(20);
    for (int i = 0; i < 40; i++) {
      limit.acquire();
      limit.release();
      limit.observe(4 * SECOND);
    }
    assertThat(limit.window()).isBetween(Duration.ofMillis(3900), Duration.ofSeconds(4));
    limit.onRateLimited(); // 14
    ticker.now += 2 * SECOND;
    limit.onRateLimited();
    assertThat(limit.limit()).as("2 s is within a 4 s window: no second cut").isEqualTo(14);
    ticker.now += 2 * SECOND;
    limit.onRateLimited();
    assertThat(limit.limit()).isEqualTo(9);
  }

  @Test
  void aConversationAboveTheLimitWaitsUntilAPlaceIsFreed() throws Exception {
    AdaptiveConcurrencyLimit limit = limit(2);
    limit.acquire();
    limit.acquire();
    AtomicReference<Thread> waiter = new AtomicReference<>();
    CompletableFuture<Void> third = CompletableFuture.runAsync(() -> {
      waiter.set(Thread.currentThread());
      try {
        limit.acquire();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    while (waiter.get() == null || waiter.get().getState() != Thread.State.TIMED_WAITING) {
      Thread.onSpinWait();
    }
    assertThat(third).isNotDone();
    limit.release();
    third.get();
    assertThat(third).isDone();
  }
}
