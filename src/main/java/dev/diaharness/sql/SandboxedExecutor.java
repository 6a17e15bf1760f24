package dev.diaharness.sql;

import dev.diaharness.core.BoundedCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.duckdb.DuckDBResultSetMetaData;
import org.duckdb.StatementReturnType;

/**
 * Runs untrusted SQL (an agent's, a golden set's) on an {@link EmbeddedDatabase} safely. Defence in depth:
 *
 * <ol>
 *   <li>{@link ReadOnlyGuard}: only one SELECT/WITH query, no file/URL-reading functions, no file-like table names;
 *   <li>the database is locked down ({@link EmbeddedDatabase#lockDown()}) when the executor is created: no file,
 *       network or extension access, configuration locked;
 *   <li>DuckDB itself must classify the prepared statement as a query returning rows;
 *   <li>each query runs in a transaction that is rolled back afterwards;
 *   <li>a hard time limit covering translation, the guard, planning (DuckDB folds constants while preparing),
 *       execution and reading: the caller gets {@link ExecutionResult.TimedOut} at the limit, a running statement
 *       is cancelled; and a row cap ({@link SandboxLimits}).
 * </ol>
 *
 * <p>Connections are duplicated from the database once and reused (one per query running at once); the data is
 * never reloaded. One statement per query, as the driver closes a statement after a failure. Closing the executor
 * closes its connections, not the database.
 *
 * <p>This class is thread-safe: any number of threads may call {@link #execute} and {@link #executeBigQuery} at once.
 */
public final class SandboxedExecutor implements BigQueryExecutor, AutoCloseable {
  /** Runs the queries, so that a caller can stop waiting at the time limit even while DuckDB plans. */
  private static final ExecutorService QUERY_THREADS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "sql-sandbox-query");
            t.setDaemon(true);
            return t;
          });

  private static final ScheduledExecutorService CANCELLER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "sql-sandbox-timeout");
            t.setDaemon(true);
            return t;
          });

  private final EmbeddedDatabase database;
  private final SandboxLimits limits;
  private final ConnectionPool pool;
  private final BigQueryTranslator translator = new BigQueryTranslator();
  /** every repeat of a question sends the same SQL again: parse, translate and guard it once */
  private final BoundedCache<String, Translation> translations = new BoundedCache<>(4096);
  private final BoundedCache<String, Optional<String>> rejections = new BoundedCache<>(4096);

  /**
   * Locks the database down (see {@link EmbeddedDatabase#lockDown()}); load every table before creating this.
   *
   * @throws IllegalStateException when DuckDB refuses the lock-down settings
   */
  public SandboxedExecutor(EmbeddedDatabase database, SandboxLimits limits) {
    this.database = Objects.requireNonNull(database, "database");
    this.limits = Objects.requireNonNull(limits, "limits");
    try {
      database.lockDown();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot lock the embedded database down: " + e.getMessage(), e);
    }
    this.pool = new ConnectionPool(database);
  }

  /** With {@link SandboxLimits#DEFAULT}. */
  public SandboxedExecutor(EmbeddedDatabase database) {
    this(database, SandboxLimits.DEFAULT);
  }

  public SandboxLimits limits() {
    return limits;
  }

  /**
   * Translates BigQuery SQL ({@link BigQueryTranslator}) against the loaded tables, then runs it. The time limit
   * covers the translation too. Never throws.
   */
  @Override
  public ExecutionResult executeBigQuery(String bigQuerySql) {
    return withDeadline(deadline -> {
      Translation translation = translations.get(bigQuerySql,
          sql -> translator.translate(sql, database.tables().keySet()));
      if (translation instanceof Translation.Unsupported u) {
        return new ExecutionResult.Unsupported(u.construct(), u.reason());
      }
      if (translation instanceof Translation.Unparseable u) {
        return new ExecutionResult.Unparseable(u.reason());
      }
      return guardAndRun(((Translation.Translated) translation).duckDbSql(), deadline);
    });
  }

  /** Runs one DuckDB query under the sandbox rules and limits. Never throws. */
  public ExecutionResult execute(String duckDbSql) {
    return withDeadline(deadline -> guardAndRun(duckDbSql, deadline));
  }

  /**
   * Runs {@code work} on a sandbox thread and waits for it until the time limit. The limit is hard: DuckDB folds
   * constant expressions while it prepares a statement, and a prepare cannot be interrupted (measured with DuckDB
   * 1.4: an interrupt during prepare is ignored), so the caller stops waiting at the limit and gets {@link
   * ExecutionResult.TimedOut}, whatever phase the query is in. The abandoned work sees the deadline after the
   * prepare and stops there; a running statement is cancelled at the deadline; its connection is then closed, not
   * reused.
   */
  private ExecutionResult withDeadline(Work work) {
    long deadline = System.nanoTime() + limits.timeout().toNanos();
    QueryRun run = new QueryRun(deadline);
    Future<ExecutionResult> future;
    try {
      future = QUERY_THREADS.submit(() -> work.run(run));
    } catch (RejectedExecutionException e) {
      return new ExecutionResult.Failed("the sandbox cannot start a query: " + e.getMessage());
    }
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      run.abandon();
      return new ExecutionResult.TimedOut(limits.timeout());
    } catch (InterruptedException e) {
      run.abandon();
      Thread.currentThread().interrupt();
      return new ExecutionResult.Failed("interrupted while the query ran");
    } catch (ExecutionException e) {
      return new ExecutionResult.Failed("the sandbox failed: " + e.getCause());
    }
  }

  private ExecutionResult guardAndRun(String duckDbSql, QueryRun run) {
    if (duckDbSql == null || duckDbSql.isBlank()) {
      return new ExecutionResult.Rejected("no SQL");
    }
    Optional<String> rejection = rejections.get(duckDbSql, ReadOnlyGuard::rejection);
    if (rejection.isPresent()) {
      return new ExecutionResult.Rejected(rejection.get());
    }
    Connection connection;
    try {
      connection = pool.borrow();
    } catch (SQLException e) {
      return new ExecutionResult.Failed(firstLine(e));
    }
    try {
      return run(connection, duckDbSql, run);
    } finally {
      pool.giveBack(connection, rollBack(connection) && !run.cancelled());
    }
  }

  private ExecutionResult run(Connection connection, String sql, QueryRun run) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      // planning (with constant folding) may have used up the time: the caller has stopped waiting
      if (run.pastDeadline()) {
        run.abandon();
        return new ExecutionResult.TimedOut(limits.timeout());
      }
      if (!returnsRows(statement)) {
        return new ExecutionResult.Rejected("only a read-only query may run; DuckDB does not classify it as one");
      }
      ScheduledFuture<?> cancel = scheduleCancel(statement, run);
      try (ResultSet rs = statement.executeQuery()) {
        return new ExecutionResult.Rows(ResultReader.read(rs, limits.maxRows()));
      } catch (SQLException e) {
        return run.cancelled() ? new ExecutionResult.TimedOut(limits.timeout()) : failed(e);
      } finally {
        cancel.cancel(false);
      }
    } catch (SQLException e) {
      return run.cancelled() ? new ExecutionResult.TimedOut(limits.timeout()) : failed(e);
    }
  }

  private static boolean returnsRows(PreparedStatement statement) throws SQLException {
    // one metadata call: each crosses into the native driver
    return statement.getMetaData() instanceof DuckDBResultSetMetaData meta
        && meta.getReturnType() == StatementReturnType.QUERY_RESULT;
  }

  /** Cancels the statement at the run's deadline (DuckDB stops a running query when cancelled). */
  private static ScheduledFuture<?> scheduleCancel(PreparedStatement statement, QueryRun run) {
    return CANCELLER.schedule(
        () -> {
          run.abandon();
          try {
            statement.cancel();
          } catch (SQLException ignored) {
            // the statement finished or closed meanwhile: nothing to cancel
          }
        },
        Math.max(0, run.deadline - System.nanoTime()),
        TimeUnit.NANOSECONDS);
  }

  /** Undoes anything the query did; false when the connection is no longer usable. */
  private static boolean rollBack(Connection connection) {
    try {
      connection.rollback();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static ExecutionResult failed(SQLException e) {
    return new ExecutionResult.Failed(firstLine(e));
  }

  private static String firstLine(SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String line = message.strip().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  @Override
  public void close() {
    pool.close();
  }

  /** One query's work, run on a sandbox thread. */
  @FunctionalInterface
  private interface Work {
    ExecutionResult run(QueryRun run);
  }

  /** The deadline of one query and whether it was given up (its connection is then not reused). Thread-safe. */
  private static final class QueryRun {
    final long deadline;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    QueryRun(long deadline) {
      this.deadline = deadline;
    }

    void abandon() {
      cancelled.set(true);
    }

    boolean cancelled() {
      return cancelled.get();
    }

    boolean pastDeadline() {
      return cancelled.get() || System.nanoTime() - deadline >= 0;
    }
  }
}
