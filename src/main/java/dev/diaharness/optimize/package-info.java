/**
 * The optimization loop (SPEC §5): deploy and verify, evaluate, record the evaluated config, stop rules, rollback, proposers ({@code examples} offline, {@code opro} with models), validators, approval and the trajectory.
 */
package dev.diaharness.optimize;
