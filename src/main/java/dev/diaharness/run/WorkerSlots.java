package dev.diaharness.run;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The conversation places of an evaluation's splits. Each split is guaranteed {@code share} places
 * ({@code --max-workers}). With lending on (the default), a split with no pending items lends its idle places to
 * the splits that still have work, so up to {@code share} × splits conversations serve whichever split is not done;
 * a split that has run out of items never needs its places back, so lending never delays the lender. With lending
 * off ({@code --no-share-workers}) each split uses at most its share, the seed's exact shape. Thread-safe.
 */
final class WorkerSlots {
  private final int share;
  private final int capacity;
  private final boolean lend;
  private final Map<Split, Integer> busy = new EnumMap<>(Split.class);
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition freed = lock.newCondition();

  WorkerSlots(Collection<Split> splits, int share, boolean lend) {
    if (share < 1) {
      throw new IllegalArgumentException("share must be >= 1, got " + share);
    }
    this.share = share;
    this.capacity = share * splits.size();
    this.lend = lend;
    splits.forEach(s -> busy.put(s, 0));
  }

  /**
   * Blocks until one of {@code pending} (the splits that still have items to start) may start a conversation and
   * takes a place for it: first a split under its own share, the least busy first; else, when lending, any split
   * while places are idle.
   */
  Split acquire(Collection<Split> pending) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (true) {
        Split chosen = choose(pending);
        if (chosen != null) {
          busy.merge(chosen, 1, Integer::sum);
          return chosen;
        }
        freed.await();
      }
    } finally {
      lock.unlock();
    }
  }

  void release(Split split) {
    lock.lock();
    try {
      busy.merge(split, -1, Integer::sum);
      freed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Places in use by {@code split} now. */
  int busy(Split split) {
    lock.lock();
    try {
      return busy.getOrDefault(split, 0);
    } finally {
      lock.unlock();
    }
  }

  private Split choose(Collection<Split> pending) {
    Split underShare = null;
    for (Split s : pending) {
      int b = busy.get(s);
      if (b < share && (underShare == null || b < busy.get(underShare))) {
        underShare = s;
      }
    }
    if (underShare != null || !lend) {
      return underShare;
    }
    int total = busy.values().stream().mapToInt(Integer::intValue).sum();
    if (total >= capacity) {
      return null;
    }
    // lend only the places of splits with nothing left to start: their share is idle for good
    Split borrower = null;
    for (Split s : pending) {
      if (borrower == null || busy.get(s) < busy.get(borrower)) {
        borrower = s;
      }
    }
    return borrower;
  }
}
