package dev.diaharness.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the variant builders need to know about one table of the base database: its columns, their broad kind, the
 * numeric and date ranges, and which columns look like keys. Read once per {@link DatabaseVariants}. Immutable.
 */
record TableProfile(String name, long rows, List<Column> columns) {
  /** The broad kinds a variant treats differently. */
  enum Kind { INTEGER, DECIMAL, DATE, TIMESTAMP, STRING, OTHER }

  /**
   * @param type the DuckDB type name, used to cast replacement values back to the column type
   * @param keyLike named like a key ({@code id}, {@code *_id}, {@code *Id}, {@code *_key}) and unique: never set to NULL,
   *     never nudged, and a duplicated row gets a fresh value (a primary key stays unique)
   * @param keyNamed named like a key (unique or not): a reference to another table's key when not {@code keyLike}
   */
  record Column(String name, String type, Kind kind, double min, double max, LocalDate minDate, LocalDate maxDate,
      boolean keyLike, boolean keyNamed) {

    /** A column that points at other rows' keys: key-named but not unique, e.g. {@code orders.customer_id}. */
    boolean referenceLike() {
      return keyNamed && !keyLike && (kind == Kind.INTEGER || kind == Kind.STRING);
    }
  }

  TableProfile {
    columns = List.copyOf(columns);
  }

  static List<TableProfile> readAll(Connection connection, Iterable<String> tables) throws SQLException {
    List<TableProfile> out = new ArrayList<>();
    for (String table : tables) {
      out.add(read(connection, table));
    }
    return out;
  }

  private static TableProfile read(Connection c, String table) throws SQLException {
    List<String[]> described = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT column_name, data_type FROM information_schema.columns "
            + "WHERE table_schema = 'main' AND table_name = '" + table.replace("'", "''") + "' ORDER BY ordinal_position")) {
      while (rs.next()) {
        described.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    long rows = count(c, "SELECT count(*) FROM " + quote(table));
    List<Column> columns = new ArrayList<>();
    for (String[] d : described) {
      columns.add(column(c, table, d[0], d[1], rows));
    }
    return new TableProfile(table, rows, columns);
  }

  private static Column column(Connection c, String table, String name, String type, long rows) throws SQLException {
    Kind kind = kindOf(type);
    String q = quote(name);
    String t = quote(table);
    double min = 0;
    double max = 0;
    LocalDate minDate = null;
    LocalDate maxDate = null;
    if (kind == Kind.INTEGER || kind == Kind.DECIMAL) {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT min(" + q + ")::DOUBLE, max(" + q + ")::DOUBLE FROM " + t)) {
        rs.next();
        min = rs.getDouble(1);
        max = rs.getDouble(2);
      }
    } else if (kind == Kind.DATE || kind == Kind.TIMESTAMP) {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT min(" + q + ")::DATE::VARCHAR, max(" + q + ")::DATE::VARCHAR FROM " + t)) {
        rs.next();
        minDate = rs.getString(1) == null ? null : LocalDate.parse(rs.getString(1));
        maxDate = rs.getString(2) == null ? null : LocalDate.parse(rs.getString(2));
      }
    }
    boolean keyLike = keyName(name) && rows > 0
        && count(c, "SELECT count(DISTINCT " + q + ") FROM " + t) == rows
        && count(c, "SELECT count(" + q + ") FROM " + t) == rows;
    return new Column(name, type, kind, min, max, minDate, maxDate, keyLike, keyName(name));
  }

  private static boolean keyName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("id") || n.endsWith("_id") || name.endsWith("Id") || n.equals("key") || n.endsWith("_key");
  }

  static Kind kindOf(String type) {
    String t = type.toUpperCase(Locale.ROOT);
    if (t.matches("(U)?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)")) {
      return Kind.INTEGER;
    }
    if (t.startsWith("DECIMAL") || t.equals("DOUBLE") || t.equals("FLOAT") || t.equals("REAL")) {
      return Kind.DECIMAL;
    }
    if (t.equals("DATE")) {
      return Kind.DATE;
    }
    if (t.startsWith("TIMESTAMP")) {
      return Kind.TIMESTAMP;
    }
    return t.equals("VARCHAR") ? Kind.STRING : Kind.OTHER;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
