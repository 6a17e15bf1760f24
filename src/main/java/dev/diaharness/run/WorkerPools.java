package dev.diaharness.run;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The scoring pool of an evaluation, with names that show in thread dumps, and how the engine's pools end. */
final class WorkerPools {
  /**
   * How long closing waits for a pool's threads to end after they were interrupted. Conversations wake up at once
   * (HTTP calls and back-offs are interruptible); a scoring thread may finish a sandboxed query, which its own
   * time limit bounds.
   */
  static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(30);

  private WorkerPools() {}

  /**
   * Stops the pools (queued tasks dropped, running ones interrupted) and waits until their threads have ended, so no
   * thread of a finished evaluation still runs when the next starts or the process ends. Waits at most
   * {@link #SHUTDOWN_BOUND} in all: a thread that ignores its interrupt longer is left to end on its own (they are
   * daemons). An interrupt of the caller ends the wait and is kept.
   */
  static void stopAndAwait(ExecutorService... pools) {
    for (ExecutorService pool : pools) {
      pool.shutdownNow();
    }
    long deadline = System.nanoTime() + SHUTDOWN_BOUND.toNanos();
    try {
      for (ExecutorService pool : pools) {
        pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Scoring is CPU and DuckDB work: one thread per core. */
  static ExecutorService scoringPool() {
    return Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), named("scoring-"));
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
