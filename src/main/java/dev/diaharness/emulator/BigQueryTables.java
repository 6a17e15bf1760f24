package dev.diaharness.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diaharness.core.Json;
import dev.diaharness.sql.EmbeddedDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The emulator's local tables as BigQuery sees them: schema, row count, an estimate of the bytes BigQuery would
 * store (8 bytes per number, date or timestamp, 2 + length per string, as BigQuery's pricing counts them) and the
 * last modification time (the table file's). Read once at start; pages of rows are read on demand. Thread-safe.
 */
final class BigQueryTables {
  /** One table's metadata. */
  record Table(String name, List<Column> columns, long rows, long bytes, long lastModifiedMillis) {
    Table {
      columns = List.copyOf(columns);
    }
  }

  /** A column with its DuckDB type name. */
  record Column(String name, String duckDbType) {}

  private final Optional<EmbeddedDatabase> database;
  private final Map<String, Table> tables;

  BigQueryTables(Optional<EmbeddedDatabase> database, Optional<Path> folder, Instant started) {
    this.database = database;
    Map<String, Table> found = new LinkedHashMap<>();
    database.ifPresent(db -> {
      for (var entry : new java.util.TreeMap<>(db.tables()).entrySet()) {
        found.put(entry.getKey(), describe(db, entry.getKey(), entry.getValue(),
            lastModified(folder, entry.getKey()).orElse(started.toEpochMilli())));
      }
    });
    this.tables = Map.copyOf(found);
  }

  List<Table> all() {
    return tables.values().stream().sorted(java.util.Comparator.comparing(Table::name)).toList();
  }

  /** The table by its id (any case). */
  Optional<Table> find(String tableId) {
    return Optional.ofNullable(tables.get(tableId.toLowerCase(Locale.ROOT)));
  }

  /** Rows {@code [start, start + count)} in a stable order (the table's insertion order), each cell as JDBC gives it. */
  List<List<Object>> rows(Table table, long start, int count) {
    EmbeddedDatabase db = database.orElseThrow();
    String sql = "SELECT * FROM \"" + table.name() + "\" LIMIT " + count + " OFFSET " + start;
    try (Connection c = db.newConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int width = rs.getMetaData().getColumnCount();
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(width);
        for (int i = 1; i <= width; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read table " + table.name() + ": " + e.getMessage(), e);
    }
  }

  /** {@code {"fields": [...]}} of a table. */
  static ObjectNode schema(Table table) {
    ObjectNode schema = Json.MAPPER.createObjectNode();
    ArrayNode fields = schema.putArray("fields");
    for (Column column : table.columns()) {
      fields.add(BigQueryWire.field(column.name(), column.duckDbType()));
    }
    return schema;
  }

  private static Table describe(EmbeddedDatabase db, String name, long rows, long lastModified) {
    List<Column> columns = new ArrayList<>();
    try (Connection c = db.newConnection()) {
      try (PreparedStatement st = c.prepareStatement("SELECT column_name, data_type FROM information_schema.columns"
          + " WHERE table_name = ? ORDER BY ordinal_position")) {
        st.setString(1, name);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            columns.add(new Column(rs.getString(1), rs.getString(2)));
          }
        }
      }
      return new Table(name, columns, rows, bytes(c, name, columns, rows), lastModified);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot describe table " + name + ": " + e.getMessage(), e);
    }
  }

  /** BigQuery's logical size: 8 bytes per fixed-width value, 2 + UTF-8 length per string, 1 per boolean. */
  private static long bytes(Connection c, String table, List<Column> columns, long rows) throws SQLException {
    long fixed = 0;
    List<String> variable = new ArrayList<>();
    for (Column column : columns) {
      String type = column.duckDbType().toUpperCase(Locale.ROOT);
      if (type.equals("BOOLEAN")) {
        fixed += 1;
      } else if (type.startsWith("DECIMAL")) {
        fixed += 16;
      } else if (type.equals("VARCHAR") || type.equals("JSON") || type.equals("BLOB") || type.endsWith("[]")
          || type.startsWith("STRUCT")) {
        variable.add("coalesce(sum(strlen(CAST(\"" + column.name().replace("\"", "\"\"") + "\" AS VARCHAR)) + 2), 0)");
      } else {
        fixed += 8;
      }
    }
    long total = fixed * rows;
    if (!variable.isEmpty()) {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT " + String.join(" + ", variable) + " FROM \"" + table + "\"")) {
        rs.next();
        total += rs.getLong(1);
      }
    }
    return total;
  }

  private static Optional<Long> lastModified(Optional<Path> folder, String table) {
    if (folder.isEmpty()) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(folder.get())) {
      return files.filter(f -> {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.contains(".") && n.substring(0, n.lastIndexOf('.')).equals(table);
      }).findFirst().map(f -> {
        try {
          return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
          return null;
        }
      });
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
