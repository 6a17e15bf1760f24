package dev.diaharness.sql;

import dev.diaharness.core.BoundedCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
 *   <li>a time limit (the statement is cancelled) and a row cap ({@link SandboxLimits}).
 * </ol>
 *
 * <p>Connections are duplicated from the database once and reused (one per query running at once); the data is
 * never reloaded. One statement per query, as the driver closes a statement after a failure. Closing the executor
 * closes its connections, not the database.
 *
 * <p>This class is thread-safe: any number of threads may call {@link #execute} and {@link #executeBigQuery} at once.
 */
public final class SandboxedExecutor implements BigQueryExecutor, AutoCloseable {
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

  /** Translates BigQuery SQL ({@link BigQueryTranslator}) against the loaded tables, then runs it. Never throws. */
  @Override
  public ExecutionResult executeBigQuery(String bigQuerySql) {
    Translation translation = translations.get(bigQuerySql,
        sql -> translator.translate(sql, database.tables().keySet()));
    if (translation instanceof Translation.Unsupported) {
      Translation.Unsupported u = (Translation.Unsupported) translation;
      return new ExecutionResult.Unsupported(u.construct(), u.reason());
    }
    if (translation instanceof Translation.Unparseable) {
      return new ExecutionResult.Unparseable(((Translation.Unparseable) translation).reason());
    }
    return execute(((Translation.Translated) translation).duckDbSql());
  }

  /** Runs one DuckDB query under the sandbox rules and limits. Never throws. */
  public ExecutionResult execute(String duckDbSql) {
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
    AtomicBoolean cancelled = new AtomicBoolean();
    try {
      return run(connection, duckDbSql, cancelled);
    } finally {
      pool.giveBack(connection, rollBack(connection) && !cancelled.get());
    }
  }

  private ExecutionResult run(Connection connection, String sql, AtomicBoolean cancelled) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      if (!returnsRows(statement)) {
        return new ExecutionResult.Rejected("only a read-only query may run; DuckDB does not classify it as one");
      }
      ScheduledFuture<?> deadline = scheduleCancel(statement, cancelled);
      try (ResultSet rs = statement.executeQuery()) {
        return new ExecutionResult.Rows(ResultReader.read(rs, limits.maxRows()));
      } catch (SQLException e) {
        return cancelled.get() ? new ExecutionResult.TimedOut(limits.timeout()) : failed(e);
      } finally {
        deadline.cancel(false);
      }
    } catch (SQLException e) {
      return cancelled.get() ? new ExecutionResult.TimedOut(limits.timeout()) : failed(e);
    }
  }

  private static boolean returnsRows(PreparedStatement statement) throws SQLException {
    // one metadata call: each crosses into the native driver
    return statement.getMetaData() instanceof DuckDBResultSetMetaData meta
        && meta.getReturnType() == StatementReturnType.QUERY_RESULT;
  }

  private ScheduledFuture<?> scheduleCancel(PreparedStatement statement, AtomicBoolean cancelled) {
    return CANCELLER.schedule(
        () -> {
          cancelled.set(true);
          try {
            statement.cancel();
          } catch (SQLException ignored) {
            // the statement finished or closed meanwhile: nothing to cancel
          }
        },
        limits.timeout().toNanos(),
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
}
