package dev.diaharness.run;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What the journal holds for the iteration about to be evaluated (so resume asks nothing twice), without reading the
 * whole journal again for every iteration: the journal is read once, from the first iteration asked for on, and
 * every row written since passes through here on its way to the journal. An iteration then costs what its own rows
 * cost. Holds the current iteration's rows and the rows read for later iterations (normally none). Thread-safe.
 */
final class JournaledRows implements ResultSink {
  private final Path journal;
  private final ResultSink next;
  /** rows read from the journal for iterations not asked for yet, from {@link #knownFrom} on */
  private NavigableMap<Integer, Map<ItemKey, ItemResult>> later;
  /** every journal row of an iteration at or after this one is in {@link #later} or {@link #current} */
  private int knownFrom = Integer.MAX_VALUE;
  private int currentIteration;
  private Map<ItemKey, ItemResult> current = new LinkedHashMap<>();

  /** @param next where rows go on to (the journal) */
  JournaledRows(Path journal, ResultSink next) {
    this.journal = journal;
    this.next = next;
  }

  /** The row that counts of each key of {@code iteration} in the journal: a snapshot, safe to read while rows come. */
  synchronized Map<ItemKey, ItemResult> of(int iteration) {
    if (later == null || iteration < knownFrom) {
      later = new TreeMap<>();
      JournalReader.latestByKey(journal, key -> key.iteration() >= iteration)
          .forEach((key, row) -> later.computeIfAbsent(key.iteration(), i -> new LinkedHashMap<>()).put(key, row));
      knownFrom = iteration;
      currentIteration = 0;
    }
    if (iteration != currentIteration) {
      current = later.containsKey(iteration) ? later.remove(iteration) : new LinkedHashMap<>();
      later.headMap(iteration).clear();
      knownFrom = iteration; // the rows of earlier iterations are dropped: asked again, they are read again
      currentIteration = iteration;
    }
    return new HashMap<>(current);
  }

  @Override
  public void accept(ItemResult row) {
    next.accept(row);
    synchronized (this) {
      int iteration = row.key().iteration();
      if (iteration == currentIteration) {
        current.merge(row.key(), row, JournalReader.LATEST);
      } else if (later != null && iteration > currentIteration && iteration >= knownFrom) {
        later.computeIfAbsent(iteration, i -> new LinkedHashMap<>()).merge(row.key(), row,
            JournalReader.LATEST);
      }
    }
  }
}
