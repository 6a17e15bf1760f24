package dev.diaharness.cli;

import dev.diaharness.bigquery.BigQueryExecution;
import dev.diaharness.core.InputException;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --execute-on} and {@code --max-bytes-billed}: where expected and generated SQL run. */
final class ExecuteOnMixin {
  /** Where the SQL of a scoring runs. */
  enum ExecuteOn { LOCAL, BIGQUERY }

  @Option(names = "--execute-on", paramLabel = "WHERE", defaultValue = "local",
      description = "Where expected and generated SQL run: local (the local tables, DuckDB) or bigquery (BigQuery "
          + "itself, every query dry-run first; default: ${DEFAULT-VALUE}).")
  String executeOn;

  @Option(names = "--max-bytes-billed", paramLabel = "BYTES", defaultValue = "1000000000",
      description = "With --execute-on bigquery: a query whose dry run estimates more bytes is refused, and every job "
          + "is capped at it (default: ${DEFAULT-VALUE}, 1 GB).")
  long maxBytesBilled = BigQueryExecution.DEFAULT_MAX_BYTES_BILLED;

  ExecuteOn where() {
    try {
      return ExecuteOn.valueOf(executeOn.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InputException("--execute-on must be local or bigquery, got '" + executeOn + "'");
    }
  }

  boolean onBigQuery() {
    if (where() == ExecuteOn.BIGQUERY && maxBytesBilled < 1) {
      throw new InputException("--max-bytes-billed must be >= 1, got " + maxBytesBilled);
    }
    return where() == ExecuteOn.BIGQUERY;
  }
}
