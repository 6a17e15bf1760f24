package dev.diaharness.optimize;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One failed question of an evaluation, in the Python tool's failure-row keys plus the status, the pass rate over
 * repeats and the evidence, derived from the verdicts (so it never disagrees with the accuracy).
 *
 * @param issue       the status of the failing repeat shown, e.g. EXEC_MISMATCH
 * @param explanation the evidence summary of that repeat
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FailureEntry(String questionId, String question, String expectedSql, String generatedSql, String issue,
    String explanation, double passRate) {}
