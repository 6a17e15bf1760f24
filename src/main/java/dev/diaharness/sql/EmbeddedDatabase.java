package dev.diaharness.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.duckdb.DuckDBConnection;

/**
 * An in-memory DuckDB database holding the tables of one folder ({@link TableFolderLoader}). Every table lives in
 * the default schema under its file name. Hand out one connection per thread with {@link #newConnection()}; the
 * database itself is thread-safe. Close it to free the memory. {@link #lockDown()} prepares it for untrusted SQL.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private final DuckDBConnection root;
  private final Map<String, Long> rowCounts;
  private boolean lockedDown;

  /**
   * Settings that make the database safe for untrusted SQL, global so that every connection (including those
   * duplicated earlier) has them. BigQuery's NULL order comes first; lock_configuration must be last, as DuckDB then
   * refuses any SET or PRAGMA that changes a setting.
   */
  private static final List<String> LOCKDOWN =
      List.of(
          "SET GLOBAL default_null_order = 'nulls_first_on_asc_last_on_desc'",
          "SET GLOBAL autoinstall_known_extensions = false",
          "SET GLOBAL autoload_known_extensions = false",
          "SET GLOBAL allow_community_extensions = false",
          "SET GLOBAL enable_external_access = false",
          "SET GLOBAL lock_configuration = true");

  EmbeddedDatabase(DuckDBConnection root, Map<String, Long> rowCounts) {
    this.root = Objects.requireNonNull(root);
    this.rowCounts = Map.copyOf(rowCounts);
  }

  /** Table name → number of rows, as loaded. */
  public Map<String, Long> tables() {
    return rowCounts;
  }

  /** A new connection to the same in-memory database (DuckDB shares the data between duplicates). */
  public Connection newConnection() throws SQLException {
    return root.duplicate();
  }

  /**
   * Locks the database down for untrusted SQL: no file, network or extension access, BigQuery's NULL ordering
   * (first on ASC, last on DESC), and no further configuration changes. Loading tables needs file access, so this
   * comes after loading; it cannot be undone. Idempotent and thread-safe.
   *
   * @throws SQLException when DuckDB refuses a setting
   */
  public synchronized void lockDown() throws SQLException {
    if (lockedDown) {
      return;
    }
    try (Statement statement = root.createStatement()) {
      for (String setting : LOCKDOWN) {
        statement.execute(setting);
      }
    }
    lockedDown = true;
  }

  @Override
  public void close() throws SQLException {
    root.close();
  }
}
