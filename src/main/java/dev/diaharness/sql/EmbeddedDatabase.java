package dev.diaharness.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import org.duckdb.DuckDBConnection;

/**
 * An in-memory DuckDB database holding the tables of one folder ({@link TableFolderLoader}). Every table lives in
 * the default schema under its file name. Hand out one connection per thread with {@link #newConnection()}; the
 * database itself is thread-safe. Close it to free the memory.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private final DuckDBConnection root;
  private final Map<String, Long> rowCounts;

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

  @Override
  public void close() throws SQLException {
    root.close();
  }
}
