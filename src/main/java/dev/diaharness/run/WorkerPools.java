package dev.diaharness.run;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The thread pools of an evaluation, with names that show in thread dumps. */
final class WorkerPools {
  private WorkerPools() {}

  /** Blocking agent conversations of one split: exactly {@code workers} threads. */
  static ExecutorService agentPool(Split split, int workers) {
    return Executors.newFixedThreadPool(workers, named(split.label() + "-agent-"));
  }

  /** Scoring is CPU and DuckDB work: one thread per core. */
  static ExecutorService scoringPool() {
    return Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), named("scoring-"));
  }

  /** The thread that hands one split's items to its workers. */
  static Thread feeder(Split split, Runnable feed) {
    Thread t = new Thread(feed, split.label() + "-feeder");
    t.setDaemon(true);
    return t;
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
