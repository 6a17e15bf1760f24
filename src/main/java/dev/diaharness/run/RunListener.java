package dev.diaharness.run;

/**
 * Receives progress of a run; the only way the engine talks to a console. Called from worker threads:
 * implementations are thread-safe and quick.
 */
public interface RunListener {
  RunListener NONE = new RunListener() {};

  /** An evaluation of {@code split} starts with {@code total} items, {@code alreadyDone} of them from the journal. */
  default void evaluationStarted(int iteration, Split split, long total, long alreadyDone) {}

  /** One item finished; {@code finished} of {@code total} are now done for this split. */
  default void itemFinished(ItemResult result, long finished, long total) {}

  default void evaluationFinished(int iteration, SplitMetrics metrics) {}

  /**
   * The service throttles the run (429s): the number of conversations allowed in flight changed to {@code limit}
   * of {@code max}; {@code rateLimited} 429s were answered so far.
   */
  default void throttled(int limit, int max, long rateLimited) {}

  /** A note for the user (one line). */
  default void note(String message) {}
}
