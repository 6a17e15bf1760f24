package dev.diaharness.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * One generated variant of a base database: its own in-memory DuckDB database with the same table names and columns
 * (so the same translated SQL runs unchanged), plus what it changed, for evidence. {@link #database()} is an
 * ordinary {@link EmbeddedDatabase}, so anything that runs queries on the base database runs them here too. Owned
 * by {@link DatabaseVariants}, which closes it; connections already handed out keep working after that. Thread-safe.
 */
public final class VariantDatabase {
  private final int index;
  private final VariantKind kind;
  private final String description;
  private final EmbeddedDatabase database;
  private volatile boolean closed;

  VariantDatabase(int index, VariantKind kind, String description, EmbeddedDatabase database) {
    this.index = index;
    this.kind = kind;
    this.description = Objects.requireNonNull(description);
    this.database = Objects.requireNonNull(database);
  }

  /** Position among the K variants, 0-based. */
  public int index() {
    return index;
  }

  public VariantKind kind() {
    return kind;
  }

  /** What this variant changed, e.g. {@code "orders.amount values nudged around 100 (3 rows)"}. */
  public String description() {
    return description;
  }

  public EmbeddedDatabase database() {
    return database;
  }

  /** Same as {@code database().newConnection()}. */
  public Connection newConnection() throws SQLException {
    return database.newConnection();
  }

  /** Whether {@link DatabaseVariants} has dropped this variant (evicted or closed): hold no executor on it longer. */
  public boolean isClosed() {
    return closed;
  }

  void close() {
    closed = true;
    try {
      database.close();
    } catch (SQLException ignored) {
      // closing an in-memory database only frees memory; nothing to report
    }
  }

  @Override
  public String toString() {
    return "variant " + index + " (" + kind + "): " + description;
  }
}
