/**
 * The agent pool of {@code optimize --agent-pool N}: N − 1 sibling agents of the run's agent (named by
 * {@link dev.diaharness.agent.PoolNames}), found by display name or created and deployed while the first iteration
 * is evaluated, and the screen that tries all of a step's optimizer candidates at once, each on its own pool agent,
 * with every request through the run's one traffic control. Pool agents never serve the reported evaluations.
 */
package dev.diaharness.optimize.pool;
