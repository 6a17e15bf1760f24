package dev.diaharness.scoring;

/**
 * The port that runs BigQuery SQL on one database, sandboxed (read-only, time- and row-limited). Implementations
 * are thread-safe and never throw on untrusted SQL.
 */
public interface SqlExecutor {
  ExecutionOutcome execute(String bigQuerySql);
}
