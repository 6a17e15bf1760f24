/**
 * Golden and test sets: {@link dev.diaharness.dataset.GoldenSetLoader} reads JSON, JSON lines, CSV and XLSX into
 * {@link dev.diaharness.dataset.GoldenSet}s of {@link dev.diaharness.dataset.GoldenCase}s with stable ids
 * ({@link dev.diaharness.dataset.QuestionIds}); {@link dev.diaharness.dataset.SetChecks} finds repeated questions and
 * train/test leakage. Depends on {@code core} only.
 */
package dev.diaharness.dataset;
