package dev.diaharness.run;

import java.util.Objects;

/** The identity of one unit of work: journal lines are keyed by it, and resume skips the keys already there. */
public record ItemKey(int iteration, Split split, String questionId, int repeat) {
  public ItemKey {
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(questionId, "questionId");
    if (iteration < 1 || repeat < 1) {
      throw new IllegalArgumentException("iteration and repeat are 1-based, got " + iteration + "/" + repeat);
    }
  }
}
