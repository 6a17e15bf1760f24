package dev.diaharness.run;

import dev.diaharness.dataset.GoldenCase;
import java.util.Objects;

/** One (iteration, split, question, repeat) to ask and score. */
public record WorkItem(ItemKey key, GoldenCase goldenCase) {
  public WorkItem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(goldenCase, "goldenCase");
  }
}
