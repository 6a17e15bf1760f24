package dev.diaharness.run;

import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The items of one split still to ask, made as they are consumed (memory stays flat for any number of items).
 * Items the journal already holds are handed to {@code reused} (the split's aggregator) as they are passed, never
 * asked again.
 * Confined to the engine's dispatching thread.
 */
final class PendingItems {
  private final Iterator<WorkItem> items;
  private final Map<ItemKey, ItemResult> done;
  private final Predicate<ItemResult> reusable;
  private final Consumer<ItemResult> reused;
  private WorkItem next;

  PendingItems(EvaluationSpec spec, int repeats, Map<ItemKey, ItemResult> done, Predicate<ItemResult> reusable,
      Consumer<ItemResult> reused) {
    this.items = spec.workItems(repeats).iterator();
    this.done = done;
    this.reusable = reusable;
    this.reused = reused;
  }

  boolean hasNext() {
    while (next == null && items.hasNext()) {
      WorkItem item = items.next();
      ItemResult previous = done.get(item.key());
      if (previous != null && reusable.test(previous)) {
        reused.accept(previous);
      } else {
        next = item;
      }
    }
    return next != null;
  }

  WorkItem next() {
    if (!hasNext()) {
      throw new IllegalStateException("no pending item");
    }
    WorkItem item = next;
    next = null;
    return item;
  }
}
