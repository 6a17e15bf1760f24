package dev.diaharness.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Idle duplicated connections to one {@link EmbeddedDatabase}, handed out one per running query. It grows to the
 * number of queries running at once and never reloads data: a duplicate shares the in-memory tables. Connections run
 * with auto-commit off so that every query can be rolled back. Thread-safe.
 */
final class ConnectionPool implements AutoCloseable {
  private final EmbeddedDatabase database;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  ConnectionPool(EmbeddedDatabase database) {
    this.database = database;
  }

  Connection borrow() throws SQLException {
    if (closed) {
      throw new SQLException("the sandbox is closed");
    }
    Connection connection = idle.pollFirst();
    if (connection != null) {
      return connection;
    }
    connection = database.newConnection();
    connection.setAutoCommit(false);
    return connection;
  }

  /** Returns a connection for reuse, or closes it when it may be in a bad state (e.g. after a cancel). */
  void giveBack(Connection connection, boolean reusable) {
    if (!reusable || closed) {
      closeQuietly(connection);
      return;
    }
    idle.offerFirst(connection);
    if (closed) {
      drain();
    }
  }

  @Override
  public void close() {
    closed = true;
    drain();
  }

  private void drain() {
    Connection connection;
    while ((connection = idle.pollFirst()) != null) {
      closeQuietly(connection);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // nothing left to do with a connection we are discarding
    }
  }
}
