package dev.diaharness.optimize;

import java.util.Optional;

/**
 * How a loop ended.
 *
 * @param stoppedEarly true when something other than the loop's own rules ended it: a deployment or proposer
 *                     failure, the spent budget, or a best config that could not be deployed; everything was still
 *                     written ({@code optimize} exits 4)
 */
public record OptimizationOutcome(Trajectory trajectory, Optional<IterationRecord> best, String endReason,
    boolean stoppedEarly) {}
