package dev.diaharness.run;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The scoring pool of an evaluation, with names that show in thread dumps. */
final class WorkerPools {
  private WorkerPools() {}

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
