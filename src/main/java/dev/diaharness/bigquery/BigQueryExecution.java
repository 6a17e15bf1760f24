package dev.diaharness.bigquery;

import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.TableId;
import dev.diaharness.llm.Budget;
import dev.diaharness.sql.BigQueryExecutor;
import dev.diaharness.sql.ExecutionResult;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code --execute-on bigquery}: runs BigQuery SQL on BigQuery itself, guarded by a dry run. A statement the dry
 * run calls anything but SELECT (DML, DDL, scripts, several statements) is refused and never run; so is a query
 * whose estimate is over {@code --max-bytes-billed}, with the estimate in the reason. A query that runs carries
 * {@code maximumBytesBilled} and the label {@code dia-harness-run=<run id>}, and its bytes billed go into the run's
 * cost ledger. The connection is bound once the run exists ({@link #bind}). {@link #forExpected} gives the view
 * that caches expected results. Thread-safe; never throws on untrusted SQL (a 403 and a spent budget stop the
 * run, by design).
 */
public final class BigQueryExecution implements BigQueryExecutor {
  public static final long DEFAULT_MAX_BYTES_BILLED = 1_000_000_000L;
  static final String RUN_LABEL = "dia-harness-run";
  private static final String EMULATOR_UNSUPPORTED = "Unsupported construct in the emulator: ";

  /** Where and as what the queries run. */
  private record Binding(BigQueryQueries queries, String runLabel) {}

  private final long maxBytesBilled;
  private final int maxRows;
  private final BigQueryCosts costs;
  private final AtomicReference<Binding> binding = new AtomicReference<>();

  /**
   * @param maxBytesBilled {@code --max-bytes-billed}: queries estimated above it are refused
   * @param maxRows rows read of each result (as the local sandbox's row cap)
   */
  public BigQueryExecution(long maxBytesBilled, int maxRows, BigQueryCosts costs) {
    if (maxBytesBilled < 1) {
      throw new IllegalArgumentException("--max-bytes-billed must be >= 1, got " + maxBytesBilled);
    }
    this.maxBytesBilled = maxBytesBilled;
    this.maxRows = maxRows;
    this.costs = Objects.requireNonNull(costs, "costs");
  }

  /** Connects to BigQuery for the run {@code runId} (its label value). */
  public void bind(BigQueryQueries queries, String runId) {
    binding.set(new Binding(queries, labelValue(runId)));
  }

  public BigQueryCosts costs() {
    return costs;
  }

  public long maxBytesBilled() {
    return maxBytesBilled;
  }

  /** The same execution with expected results cached in {@code cache}. */
  public BigQueryExecutor forExpected(ExpectedResultCache cache) {
    return sql -> {
      Optional<DryRun> dry = dryRunOrNothing(sql);
      if (dry.isEmpty() || !dry.get().isSelect()) {
        return executeBigQuery(sql);
      }
      BigQueryQueries queries = bound().queries();
      return cache.get(sql, dry.get().tables(), t -> lastModified(queries, t), () -> execute(sql, dry.get()));
    };
  }

  @Override
  public ExecutionResult executeBigQuery(String sql) {
    if (sql == null || sql.isBlank()) {
      return new ExecutionResult.Rejected("no SQL");
    }
    DryRun dry;
    try {
      dry = bound().queries().dryRun(sql);
    } catch (BigQueryException e) {
      return failure(e);
    }
    return execute(sql, dry);
  }

  private ExecutionResult execute(String sql, DryRun dry) {
    if (!dry.isSelect()) {
      return new ExecutionResult.Rejected("BigQuery's dry run classifies it as "
          + (dry.statementType().isEmpty() ? "an unknown statement" : dry.statementType())
          + "; only a SELECT query runs, so it was not executed");
    }
    if (dry.bytesProcessed() > maxBytesBilled) {
      return new ExecutionResult.Rejected("the dry run estimates " + dry.bytesProcessed() + " bytes ("
          + gigabytes(dry.bytesProcessed()) + "), over --max-bytes-billed " + maxBytesBilled + " ("
          + gigabytes(maxBytesBilled) + "); not run");
    }
    Binding b = bound();
    Optional<Budget.Reservation> reservation = costs.reserve(dry.bytesProcessed());
    try {
      BigQueryQueries.Ran ran = b.queries().run(sql, maxBytesBilled, Map.of(RUN_LABEL, b.runLabel()), maxRows);
      costs.record(ran.bytesBilled());
      return new ExecutionResult.Rows(ran.table());
    } catch (BigQueryException e) {
      return failure(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ExecutionResult.Failed("interrupted while waiting for BigQuery");
    } finally {
      reservation.ifPresent(Budget.Reservation::close);
    }
  }

  private Optional<DryRun> dryRunOrNothing(String sql) {
    if (sql == null || sql.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(bound().queries().dryRun(sql));
    } catch (BigQueryException e) {
      return Optional.empty();
    }
  }

  private static long lastModified(BigQueryQueries queries, TableId table) {
    return queries.table(table).map(t -> t.getLastModifiedTime() == null ? 0L : t.getLastModifiedTime()).orElse(0L);
  }

  private Binding bound() {
    Binding b = binding.get();
    if (b == null) {
      throw new IllegalStateException("BigQuery execution used before the run bound it to a connection");
    }
    return b;
  }

  /** An error of the query itself (syntax, unknown column, over the bytes cap) as an execution outcome. */
  private ExecutionResult failure(BigQueryException e) {
    String message = e.getMessage() == null ? "BigQuery error " + e.getCode() : e.getMessage();
    String line = message.strip().lines().findFirst().orElse(message);
    if ("bytesBilledLimitExceeded".equals(e.getReason())) {
      return new ExecutionResult.Rejected("BigQuery refused it over --max-bytes-billed " + maxBytesBilled + ": "
          + line);
    }
    if (line.startsWith(EMULATOR_UNSUPPORTED)) {
      // the emulator cannot translate a construct BigQuery itself would run: hand on, as the local path does
      String rest = line.substring(EMULATOR_UNSUPPORTED.length());
      return new ExecutionResult.Unsupported(rest.contains(" (") ? rest.substring(0, rest.indexOf(" (")) : rest,
          line);
    }
    if (line.startsWith("Syntax error")) {
      return new ExecutionResult.Unparseable(line);
    }
    return new ExecutionResult.Failed(line);
  }

  /** Label values: lowercase letters, digits, _ and -, at most 63 characters. */
  static String labelValue(String runId) {
    String value = runId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
    return value.length() > 63 ? value.substring(0, 63) : value;
  }

  static String gigabytes(long bytes) {
    return String.format(Locale.ROOT, "%.3f GB", bytes / 1e9);
  }
}
