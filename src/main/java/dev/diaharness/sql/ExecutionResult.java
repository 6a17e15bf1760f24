package dev.diaharness.sql;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of running one query in the sandbox ({@link SandboxedExecutor}). {@link Unsupported} and {@link
 * Unparseable} come only from {@link SandboxedExecutor#executeBigQuery(String)}, when the BigQuery text could not be
 * translated. Values are immutable and thread-safe.
 */
public sealed interface ExecutionResult
    permits ExecutionResult.Rows,
        ExecutionResult.Rejected,
        ExecutionResult.Failed,
        ExecutionResult.TimedOut,
        ExecutionResult.Unsupported,
        ExecutionResult.Unparseable {

  /** The query ran; {@code table.truncated()} says whether the row cap cut it. */
  record Rows(ResultTable table) implements ExecutionResult {
    public Rows {
      Objects.requireNonNull(table, "table");
    }
  }

  /** The sandbox refused to run the statement (not a single read-only query, or it reaches outside the database). */
  record Rejected(String reason) implements ExecutionResult {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** DuckDB ran or bound the query and reported an error, e.g. "Catalog Error: Table with name x does not exist!". */
  record Failed(String reason) implements ExecutionResult {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The query was cancelled when it ran past the time limit. */
  record TimedOut(Duration limit) implements ExecutionResult {
    public TimedOut {
      Objects.requireNonNull(limit, "limit");
    }
  }

  /** The BigQuery text uses a construct the translator does not handle ({@link Translation.Unsupported}). */
  record Unsupported(String construct, String reason) implements ExecutionResult {
    public Unsupported {
      Objects.requireNonNull(construct, "construct");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The BigQuery text does not parse ({@link Translation.Unparseable}). */
  record Unparseable(String reason) implements ExecutionResult {
    public Unparseable {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
