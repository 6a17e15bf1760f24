/**
 * Scoring one answer (SPEC §4): the staged pipeline (no SQL, exact match, execution with database variants, the judge last), the verdict model (outcome, status, category scores, evidence).
 */
package dev.diaharness.scoring;
