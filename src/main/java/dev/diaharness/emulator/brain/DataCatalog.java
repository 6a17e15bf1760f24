package dev.diaharness.emulator.brain;

import dev.diaharness.sql.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the retrieval brain knows about the loaded tables: each table's columns with their types, and the distinct
 * values of the categorical text columns (statuses, categories, regions, names…), so that a word of a question
 * such as "Electronics" or "cancelled" can be recognised as a value of a column. Identifier-like columns
 * ({@code id}, {@code *_id}, e-mails, UUIDs) and columns with too many distinct values are left out. Immutable and
 * thread-safe once built.
 */
public final class DataCatalog {
  /** A column with many more distinct values than this is not categorical (free text, keys). */
  static final int MAX_DISTINCT = 300;
  private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F-]{32,36}");

  /** A column of a table and its SQL type name, lower-cased. */
  public record Column(String table, String name, String type) {
    public boolean isNumeric() {
      return type.matches("(?i).*(int|double|float|decimal|numeric|real|hugeint).*");
    }
  }

  private final Map<String, List<Column>> tables;
  /** lower-cased value → (column, value as stored) */
  private final Map<String, ColumnValue> values;

  /** A value of a categorical column as it is stored. */
  public record ColumnValue(Column column, String value) {}

  private DataCatalog(Map<String, List<Column>> tables, Map<String, ColumnValue> values) {
    this.tables = Collections.unmodifiableMap(tables);
    this.values = Collections.unmodifiableMap(values);
  }

  /** A catalog that knows nothing (no data folder). */
  public static DataCatalog empty() {
    return new DataCatalog(new TreeMap<>(), new LinkedHashMap<>());
  }

  /**
   * Reads the columns and categorical values of every table of the database.
   *
   * @throws IllegalStateException when the database cannot be read
   */
  public static DataCatalog of(EmbeddedDatabase database) {
    Map<String, List<Column>> tables = new TreeMap<>();
    Map<String, ColumnValue> values = new LinkedHashMap<>();
    try (Connection connection = database.newConnection()) {
      for (String table : database.tables().keySet()) {
        List<Column> columns = columns(connection, table);
        tables.put(table, columns);
        for (Column column : columns) {
          if (isCategoricalCandidate(column)) {
            addValues(connection, column, values);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the embedded database catalog: " + e.getMessage(), e);
    }
    return new DataCatalog(tables, values);
  }

  public Map<String, List<Column>> tables() {
    return tables;
  }

  /** Every known categorical value, keyed by its lower-cased text. */
  public Map<String, ColumnValue> values() {
    return values;
  }

  /** The categorical value with this text (any case), if known. */
  public Optional<ColumnValue> value(String text) {
    return Optional.ofNullable(values.get(text.toLowerCase(Locale.ROOT)));
  }

  /** The column with this name, searching every table (first table in name order wins). */
  public Optional<Column> column(String name) {
    for (List<Column> columns : tables.values()) {
      for (Column c : columns) {
        if (c.name().equals(name)) {
          return Optional.of(c);
        }
      }
    }
    return Optional.empty();
  }

  private static List<Column> columns(Connection connection, String table) throws SQLException {
    List<Column> columns = new ArrayList<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT column_name, data_type FROM information_schema.columns "
            + "WHERE table_name = '" + table + "' ORDER BY ordinal_position")) {
      while (rs.next()) {
        columns.add(new Column(table, rs.getString(1).toLowerCase(Locale.ROOT),
            rs.getString(2).toLowerCase(Locale.ROOT)));
      }
    }
    return columns;
  }

  private static boolean isCategoricalCandidate(Column column) {
    String n = column.name();
    return column.type().contains("varchar") && !n.equals("id") && !n.endsWith("_id") && !n.contains("email");
  }

  private static void addValues(Connection connection, Column column, Map<String, ColumnValue> values)
      throws SQLException {
    String sql = "SELECT DISTINCT \"" + column.name() + "\" FROM \"" + column.table() + "\" WHERE \""
        + column.name() + "\" IS NOT NULL LIMIT " + (MAX_DISTINCT + 1);
    List<String> found = new ArrayList<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        found.add(rs.getString(1));
      }
    }
    if (found.size() > MAX_DISTINCT) {
      return;
    }
    for (String v : found) {
      String key = v.strip().toLowerCase(Locale.ROOT);
      // the first column wins a value two columns share; short or key-like values would match noise
      if (key.length() >= 2 && key.length() <= 60 && !UUID_LIKE.matcher(key).matches()
          && !TextFeatures.isStopWord(key)) {
        values.putIfAbsent(key, new ColumnValue(column, v.strip()));
      }
    }
  }
}
