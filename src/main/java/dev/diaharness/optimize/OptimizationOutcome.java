package dev.diaharness.optimize;

import java.util.Optional;

/**
 * How a loop ended.
 *
 * @param failed true when an error (deployment, proposer) ended it early; everything was still written
 */
public record OptimizationOutcome(Trajectory trajectory, Optional<IterationRecord> best, String endReason,
    boolean failed) {}
