package dev.diaharness.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {
  /** A value that records whether it was closed. */
  static final class Resource implements AutoCloseable {
    volatile boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void whenFullItEvictsSomeEntriesInsteadOfStartingOver() {
    BoundedCache<Integer, Integer> cache = new BoundedCache<>(100);
    for (int i = 0; i < 101; i++) {
      cache.get(i, k -> k * 2);
    }
    // the old cache emptied itself at 100 entries and held 1 here
    assertThat(cache.size()).isEqualTo(100);
    for (int i = 101; i < 1_000; i++) {
      cache.get(i, k -> k * 2);
    }
    assertThat(cache.size()).isEqualTo(100);
  }

  @Test
  void closesWhatItEvictsAndEverythingOnClose() {
    BoundedCache<Integer, Resource> cache = new BoundedCache<>(10);
    List<Resource> made = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      cache.get(i, k -> {
        Resource r = new Resource();
        made.add(r);
        return r;
      });
    }
    assertThat(cache.size()).isEqualTo(10);
    assertThat(made.stream().filter(r -> r.closed)).hasSize(40);
    cache.close();
    assertThat(made).allMatch(r -> r.closed);
    assertThat(cache.size()).isZero();
  }

  @Test
  void aKeyIsComputedOnceAndAnotherKeyIsNotBlockedMeanwhile() throws Exception {
    BoundedCache<String, String> cache = new BoundedCache<>(10);
    CountDownLatch slowStarted = new CountDownLatch(1);
    CountDownLatch releaseSlow = new CountDownLatch(1);
    AtomicInteger slowComputations = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<String> first = pool.submit(() -> cache.get("slow", k -> {
        slowComputations.incrementAndGet();
        slowStarted.countDown();
        await(releaseSlow);
        return "slow value";
      }));
      assertThat(slowStarted.await(30, TimeUnit.SECONDS)).isTrue();
      Future<String> second = pool.submit(() -> cache.get("slow", k -> {
        slowComputations.incrementAndGet();
        return "computed twice";
      }));
      // a different key completes while "slow" is still being computed: no lock is held over a computation
      assertThat(pool.submit(() -> cache.get("quick", k -> "quick value")).get(30, TimeUnit.SECONDS))
          .isEqualTo("quick value");
      assertThat(second.isDone()).isFalse();
      releaseSlow.countDown();
      assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("slow value");
      assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("slow value");
      assertThat(slowComputations).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailureIsRethrownAndNotCached() {
    BoundedCache<String, String> cache = new BoundedCache<>(10);
    assertThatThrownBy(() -> cache.get("k", k -> {
      throw new IllegalStateException("broken");
    })).isInstanceOf(IllegalStateException.class).hasMessage("broken");
    assertThat(cache.get("k", k -> "fine")).isEqualTo("fine");
  }

  @Test
  void refusesACapacityBelowOne() {
    assertThatThrownBy(() -> new BoundedCache<>(0)).hasMessageContaining("capacity must be >= 1, got 0");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
