/**
 * The {@code opro} proposer (SPEC §5): an LLM config analysis chooses the fields to change, then K improvement calls
 * run in parallel at temperature 1.0 over an OPRO meta-prompt (past configs with their training accuracy in ascending
 * order, full text within a token budget; the current failures with their evidence; the successes to keep; the
 * rules). Candidates that repeat a tried config or fail validation are set aside with the reason, the survivors are
 * screened on a seeded minibatch of training questions through the {@link dev.diaharness.optimize.opro.CandidateScreen}
 * port, and the best one is accepted only if a paired sign test does not find it worse than the current config.
 * Prompts live in resource files with a version line. Nothing here sees the test set.
 */
package dev.diaharness.optimize.opro;
