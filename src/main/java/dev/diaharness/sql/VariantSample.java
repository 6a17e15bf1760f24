package dev.diaharness.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the database variants start from when the local tables are large (e.g. pulled with {@code data pull}): every
 * table of at most {@code maxRows} rows whole, a larger one sampled so that joins stay meaningful, the way {@code data
 * pull} samples ({@link JoinKeys}): tables are taken children first, and a sampled table keeps every row whose key a
 * table taken before it references, topped up to {@code maxRows} with rows picked by a hash salted with the seed. So
 * every foreign key of the sample resolves, and the same seed and data give the same sample in every JVM.
 *
 * <p>Why a sample: a variant is a full copy of its tables, and four of the eight are built per literal set; at
 * 100,000 rows per table that is most of the time and memory of scoring. The variants' job is to tell queries apart
 * (a boundary row, a missing parent, a duplicate, a NULL), which a few thousand rows do as well; the queries' results on
 * the full tables still decide {@code EXEC_MISMATCH}, and the stability check still runs on all the rows.
 * Stateless.
 */
final class VariantSample {
  private VariantSample() {}

  /**
   * The files the variants load: a table's full snapshot when it has at most {@code maxRows} rows, else a sample
   * written next to it ({@code s<n>.parquet}). Reads the base through {@code c}, which must still allow file access.
   *
   * @param full table → its full Parquet snapshot
   * @return table → the file its variants start from (the full snapshot when whole)
   */
  static Map<String, Path> write(Connection c, Map<String, Long> rows, Map<String, Path> full, Path dir, long maxRows,
      long seed) throws SQLException {
    Map<String, String> byLower = new TreeMap<>();
    Map<String, List<String>> columns = new TreeMap<>();
    Map<String, Long> lowerRows = new TreeMap<>();
    for (String table : rows.keySet()) {
      String lower = table.toLowerCase(Locale.ROOT);
      byLower.put(lower, table);
      columns.put(lower, columnNames(c, table));
      lowerRows.put(lower, rows.get(table));
    }
    List<JoinKeys.Reference> references = JoinKeys.find("", columns);
    Map<String, Path> out = new TreeMap<>();
    int n = 0;
    for (String lower : JoinKeys.childrenFirst(lowerRows, references)) {
      String table = byLower.get(lower);
      if (rows.get(table) <= maxRows) {
        out.put(table, full.get(table));
        continue;
      }
      List<String> referenced = new ArrayList<>();
      for (JoinKeys.Reference r : references) {
        if (r.parent().equals(lower) && out.containsKey(byLower.get(r.child()))) {
          referenced.add(VariantEdits.q(r.key()) + " IN (SELECT " + VariantEdits.q(r.column()) + " FROM "
              + parquet(out.get(byLower.get(r.child()))) + ")");
        }
      }
      String kept = referenced.isEmpty() ? "false" : "coalesce(" + String.join(" OR ", referenced) + ", false)";
      Path file = dir.resolve("s" + n++ + ".parquet");
      String t = VariantEdits.q(table);
      String salt = String.valueOf(Math.floorMod(seed * 1_000_003L + ("sample." + lower).hashCode(), 2_147_483_647L));
      try (Statement st = c.createStatement()) {
        st.execute("COPY (SELECT * FROM " + t + " WHERE rowid IN (SELECT rowid FROM " + t + " WHERE " + kept
            + " UNION ALL SELECT rowid FROM (SELECT rowid FROM " + t + " WHERE NOT " + kept + " ORDER BY hash(rowid, "
            + salt + "), rowid LIMIT greatest(0, " + maxRows + " - (SELECT count(*) FROM " + t + " WHERE " + kept
            + ")))) ORDER BY rowid) TO " + literal(file) + " (FORMAT parquet)");
      }
      out.put(table, file);
    }
    return out;
  }

  /** The profiles of the tables in {@code files}, read from a scratch database loaded from them (closed after). */
  static List<TableProfile> profile(Map<String, Path> files) throws SQLException {
    try (Connection scratch = DriverManager.getConnection("jdbc:duckdb:"); Statement st = scratch.createStatement()) {
      st.execute("SET threads = 1");
      for (Map.Entry<String, Path> e : files.entrySet()) {
        st.execute("CREATE TABLE " + VariantEdits.q(e.getKey()) + " AS SELECT * FROM " + parquet(e.getValue()));
      }
      return TableProfile.readAll(scratch, files.keySet());
    }
  }

  private static List<String> columnNames(Connection c, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT column_name FROM "
        + "information_schema.columns WHERE table_schema = 'main' AND table_name = '" + table.replace("'", "''")
        + "' ORDER BY ordinal_position")) {
      while (rs.next()) {
        out.add(rs.getString(1).toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  static String parquet(Path file) {
    return "read_parquet(" + literal(file) + ")";
  }

  private static String literal(Path file) {
    return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
  }
}
