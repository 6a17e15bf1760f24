package dev.diaharness.sql;

/**
 * The port that runs BigQuery SQL on one database, sandboxed (read-only, time- and row-limited); implemented by
 * {@link SandboxedExecutor}. Implementations are thread-safe and never throw on untrusted SQL.
 */
public interface BigQueryExecutor {
  ExecutionResult executeBigQuery(String bigQuerySql);
}
