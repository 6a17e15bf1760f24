/**
 * The staged scorer of SPEC §4: the verdict of one answer ({@link dev.diaharness.scoring.Verdict}: outcome, status,
 * 0–100 score in six categories, evidence) and the stages that decide it, cheapest first — no SQL, exact match,
 * execution on the local tables and their variants — assembled by {@link dev.diaharness.scoring.ScoringPipeline}.
 * The LLM judge plugs in as the last {@link dev.diaharness.scoring.ScoringStage}. See docs/scoring.md.
 */
package dev.diaharness.scoring;
