package dev.diaharness.run;

/**
 * What asking the agent took for one split in one iteration. Immutable.
 *
 * @param latencyP50Ms median latency of an item, in milliseconds: the upper edge of its histogram bucket (about 2%
 *                     wide)
 * @param latencyP95Ms 95th percentile latency of an item, in milliseconds
 * @param agentCalls   HTTP calls the items' conversations made (sessions, questions, follow-ups)
 */
public record CallStats(long latencyP50Ms, long latencyP95Ms, long agentCalls) {}
