package dev.diaharness.bench;

import dev.diaharness.sql.EmbeddedDatabase;
import dev.diaharness.sql.TableFolderLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The example's tables scaled N times, seeded, as Parquet: copy 0 is the example exactly (same types, same rows in the
 * same order, as {@link TableFolderLoader} loads it); copy k ≥ 1 repeats every row with its keys moved to a range of
 * their own (each key-named integer column {@code id}/{@code *_id} plus k × the largest value of that column name in
 * any table, so {@code orders.customer_id} still points at copy k's customers and every join stays inside a copy) and
 * its dates shifted by a seeded number of days in [-30, 30], the same shift for every date of a row (a shipped date
 * stays after its order date). So 10× has ten times the rows, the same joins and spread-out dates.
 */
final class ExampleScaler {
  private ExampleScaler() {}

  /** Writes {@code <table>.parquet} for every table of {@code example} into {@code out}; returns table → rows. */
  static Map<String, Long> scale(Path example, int factor, long seed, Path out) throws Exception {
    Files.createDirectories(out);
    try (EmbeddedDatabase db = new TableFolderLoader().load(example); Connection c = db.newConnection()) {
      Map<String, List<String[]>> columns = new TreeMap<>();
      for (String table : db.tables().keySet()) {
        columns.put(table, columns(c, table));
      }
      Map<String, Long> strides = strides(c, columns);
      Map<String, Long> rows = new TreeMap<>();
      for (var e : columns.entrySet()) {
        String table = e.getKey();
        List<String> select = new ArrayList<>();
        String rowKey = quote(e.getValue().get(0)[0]);
        for (String[] col : e.getValue()) {
          String name = quote(col[0]);
          if (strides.containsKey(col[0])) {
            select.add("CAST(" + name + " + k * " + strides.get(col[0]) + " AS " + col[1] + ") AS " + name);
          } else if (col[1].equals("DATE") || col[1].startsWith("TIMESTAMP")) {
            select.add("CAST(" + name + " + to_days(CASE WHEN k = 0 THEN 0 ELSE CAST(hash(" + seed + ", k, "
                + rowKey + ") % 61 AS INTEGER) - 30 END) AS " + col[1] + ") AS " + name);
          } else {
            select.add(name);
          }
        }
        Path file = out.resolve(table + ".parquet");
        try (Statement st = c.createStatement()) {
          st.execute("SET threads = 1"); // rows written in the order below: copy 0 is the example's physical order
          st.execute("COPY (SELECT " + String.join(", ", select) + " FROM (SELECT *, row_number() OVER () AS scale_rn"
              + " FROM " + quote(table) + "), range(" + factor + ") AS r(k) ORDER BY k, scale_rn) TO '"
              + file.toAbsolutePath().toString().replace("'", "''") + "' (FORMAT parquet)");
        }
        rows.put(table, db.tables().get(table) * factor);
      }
      return rows;
    }
  }

  private static List<String[]> columns(Connection c, String table) throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT column_name, data_type FROM "
        + "information_schema.columns WHERE table_name = '" + table + "' ORDER BY ordinal_position")) {
      while (rs.next()) {
        out.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    return out;
  }

  /** Key-named integer column name → the largest value it has in any table: the offset between two copies. */
  private static Map<String, Long> strides(Connection c, Map<String, List<String[]>> columns) throws SQLException {
    Map<String, Long> strides = new TreeMap<>();
    for (var e : columns.entrySet()) {
      for (String[] col : e.getValue()) {
        boolean keyNamed = col[0].equalsIgnoreCase("id") || col[0].toLowerCase().endsWith("_id");
        if (keyNamed && (col[1].equals("BIGINT") || col[1].equals("INTEGER"))) {
          try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
              "SELECT coalesce(max(" + quote(col[0]) + "), 0) FROM " + quote(e.getKey()))) {
            rs.next();
            strides.merge(col[0], rs.getLong(1), Math::max);
          }
        }
      }
    }
    return strides;
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
