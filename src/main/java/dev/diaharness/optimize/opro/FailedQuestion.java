package dev.diaharness.optimize.opro;

import java.util.Map;

/**
 * A training question the current config failed at least once, as the optimizer's models see it: the first failing
 * repeat's SQL and its evidence (the differing rows, the counterexample, the judge's rationale…).
 *
 * @param passRate share of the question's repeats that passed
 * @param details  the evidence details as scored (JSON-able values)
 */
record FailedQuestion(String questionId, String question, String expectedSql, String generatedSql, String status,
    double passRate, String evidenceSummary, Map<String, Object> details) {}
