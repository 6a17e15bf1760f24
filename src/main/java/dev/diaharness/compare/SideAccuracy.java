package dev.diaharness.compare;

/**
 * The accuracy of one side on one split: the share of passed items (questions × repeats) with its 95% interval, as
 * the run's own metrics give it.
 */
public record SideAccuracy(long items, long passed, double accuracy, double ci95Low, double ci95High) {}
