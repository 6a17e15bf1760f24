package dev.diaharness.run;

/**
 * How much of one split was evaluated in one iteration, and how much of it passed: the counts every accuracy of
 * {@link SplitMetrics} divides. Immutable.
 *
 * @param questions questions with at least one finished item
 * @param repeats   repeats asked per question
 * @param items     finished items (questions × repeats, fewer while a run is incomplete)
 * @param passed    items whose verdict is PASS
 */
public record SplitCounts(int questions, int repeats, long items, long passed) {}
