package dev.diaharness.optimize;

import dev.diaharness.config.AgentConfig;

/** A config evaluated earlier in the run, with its TRAINING accuracy (0–1) and mean score: what proposers learn from. */
public record TriedConfig(int iteration, AgentConfig config, String configHash, double trainAccuracy,
    double trainMeanScore) {}
