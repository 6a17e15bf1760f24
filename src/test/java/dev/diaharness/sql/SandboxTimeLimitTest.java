package dev.diaharness.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The time limit covers planning: DuckDB folds constant expressions while it prepares a statement, which cannot be
 * interrupted, so a query whose constant takes seconds to compute must still come back as TimedOut at the limit.
 */
class SandboxTimeLimitTest {
  /** Constant folding of a 30,000 × 30,000 edit distance: seconds of planning, a few bytes of memory. */
  private static final String SLOW_TO_PLAN = "SELECT levenshtein(repeat('ab', 15000), repeat('ba', 15000)) AS d";
  private static final Duration LIMIT = Duration.ofSeconds(1);

  @AutoClose private final SqlTestDatabase.Sandbox sandbox =
      SqlTestDatabase.sandbox(SandboxLimits.DEFAULT.withTimeout(LIMIT));

  @Test
  void slowConstantFoldingTimesOutAtTheLimit() {
    ExecutionResult result = sandbox.executor().execute(SLOW_TO_PLAN);

    assertThat(result).isEqualTo(new ExecutionResult.TimedOut(LIMIT));
  }

  @Test
  void slowConstantFoldingInBigQueryTextTimesOutAtTheLimit() {
    ExecutionResult result = sandbox.executor().executeBigQuery(
        "SELECT EDIT_DISTANCE(REPEAT('ab', 15000), REPEAT('ba', 15000)) AS d FROM orders");

    assertThat(result).isEqualTo(new ExecutionResult.TimedOut(LIMIT));
  }

  @Test
  void theSandboxStillAnswersAfterAnAbandonedPlan() {
    sandbox.executor().execute(SLOW_TO_PLAN);

    ExecutionResult next = sandbox.executor().execute("SELECT count(*) FROM orders");

    assertThat(next).isInstanceOf(ExecutionResult.Rows.class);
    assertThat(((ExecutionResult.Rows) next).table().rows().get(0).get(0)).isEqualTo(4L);
  }
}
