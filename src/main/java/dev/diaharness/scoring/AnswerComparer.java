package dev.diaharness.scoring;

import dev.diaharness.core.BoundedCache;
import dev.diaharness.sql.BigQueryExecutor;
import dev.diaharness.sql.ComparisonPolicy;
import dev.diaharness.sql.ExecutionResult;
import dev.diaharness.sql.PolicyComparator;
import dev.diaharness.sql.QueryShape;
import dev.diaharness.sql.ResultTable;
import java.util.List;
import java.util.Optional;

/**
 * Compares one answer's result with the expected one on one database under the run's {@link ComparisonPolicy}: the
 * expected SQL's shape decides whether order matters and which rows tie at a LIMIT; the expected query without its
 * LIMIT runs only when the LIMIT-tie rule needs it (cached per database). Thread-safe.
 */
final class AnswerComparer {
  private final ComparisonPolicy policy;
  private final BoundedCache<List<Object>, Optional<ResultTable>> withoutLimit = new BoundedCache<>(4096);

  AnswerComparer(ComparisonPolicy policy) {
    this.policy = policy;
  }

  ComparisonPolicy policy() {
    return policy;
  }

  /**
   * @param orderMatters the golden item or the expected SQL's top-level ORDER BY asks for this order
   */
  PolicyComparator.Result compare(String expectedSql, String generatedSql, ResultTable expected, ResultTable actual,
      boolean orderMatters, BigQueryExecutor on) {
    QueryShape shape = QueryShape.of(expectedSql);
    return PolicyComparator.compare(expected, actual, shape, QueryShape.of(generatedSql).rounds(), policy,
        orderMatters, () -> shape.withoutLimit().flatMap(sql -> withoutLimit.get(List.of(on, sql), key -> run(on, sql))));
  }

  private static Optional<ResultTable> run(BigQueryExecutor on, String sql) {
    return on.executeBigQuery(sql) instanceof ExecutionResult.Rows rows && !rows.table().truncated()
        ? Optional.of(rows.table()) : Optional.empty();
  }
}
