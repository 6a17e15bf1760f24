package dev.diaharness.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The literal-independent edits, each a few set-based SQL statements on a variant's own connection (no row-by-row
 * Java): sampled subsets, duplicate rows, NULLs, boundary dates. Rows are picked by {@code hash(rowid, salt)}, so the
 * same seed picks the same rows. Each method returns what it changed, for the variant's description. Not
 * thread-safe; one instance per variant being built.
 */
class VariantEdits {
  static final double SUBSET_KEEP = 0.6;
  static final double CHILDLESS_SHARE = 0.2;

  private final Connection connection;
  private final List<TableProfile> tables;
  private final long seed;

  VariantEdits(Connection connection, List<TableProfile> tables, long seed) {
    this.connection = connection;
    this.tables = tables;
    this.seed = seed;
  }

  /**
   * Each table sampled independently: orphaned child rows are wanted, they separate LEFT from INNER joins. Then, in
   * each table, every row referring to a sample of about {@value #CHILDLESS_SHARE} of the values of a reference
   * column ({@code orders.customer_id}; at least two values) is removed, so some parents have no children left at all — what separates
   * {@code parent LEFT JOIN child} from an inner join when every parent has many children.
   */
  List<String> subset() throws SQLException {
    List<String> changes = new ArrayList<>();
    for (TableProfile t : tables) {
      long keep = Math.max(1, (long) Math.ceil(t.rows() * SUBSET_KEEP));
      if (t.rows() > 1 && keep < t.rows()) {
        execute("DELETE FROM " + q(t.name()) + " WHERE rowid IN (SELECT rowid FROM (SELECT rowid, row_number() "
            + "OVER (ORDER BY " + pick(t.name()) + ") AS rn FROM " + q(t.name()) + ") WHERE rn > " + keep + ")");
        changes.add(t.name() + " " + keep + "/" + t.rows() + " rows");
      }
      for (TableProfile.Column c : t.columns()) {
        if (c.referenceLike() && t.rows() > 1) {
          execute("DELETE FROM " + q(t.name()) + " WHERE " + q(c.name()) + " IN (SELECT v FROM (SELECT DISTINCT "
              + q(c.name()) + " AS v FROM " + q(t.name()) + " WHERE " + q(c.name()) + " IS NOT NULL) ORDER BY hash(v, "
              + salt(t.name() + "." + c.name()) + "), v LIMIT greatest(2, CAST((SELECT count(DISTINCT "
              + q(c.name()) + ") FROM " + q(t.name()) + ") * " + CHILDLESS_SHARE + " AS BIGINT)))");
          changes.add("no " + t.name() + " rows for some " + c.name() + " values");
        }
      }
    }
    return prefixed("sampled subset: ", changes);
  }

  /**
   * About 10% of each table's rows (at most 50) inserted a second time. A key column ({@link
   * TableProfile.Column#keyLike()}) gets a fresh value in the copy: a database with a primary key twice cannot
   * exist, and would tell apart queries that are equivalent on every real one ({@code COUNT(*) ... WHERE id IN
   * (...)} vs {@code COUNT(DISTINCT id)} over a join).
   */
  List<String> duplicates() throws SQLException {
    List<String> changes = new ArrayList<>();
    for (TableProfile t : tables) {
      long n = Math.min(50, Math.max(1, Math.round(t.rows() * 0.1)));
      if (t.rows() > 0 && copyable(t)) {
        execute("INSERT INTO " + q(t.name()) + " SELECT " + copyColumns(t) + " FROM (SELECT *, row_number() OVER ("
            + "ORDER BY rowid) AS dup_rn FROM " + q(t.name()) + " WHERE " + rows(t.name(), t.name(), n) + ")");
        changes.add(t.name() + " +" + n);
      }
    }
    return prefixed("duplicate rows: ", changes);
  }

  /** A table whose key columns can take a fresh value (integers, text); others are left without duplicates. */
  private static boolean copyable(TableProfile t) {
    return t.columns().stream().filter(TableProfile.Column::keyLike)
        .allMatch(c -> c.kind() == TableProfile.Kind.INTEGER || c.kind() == TableProfile.Kind.STRING);
  }

  /** The select list of a duplicate: every column as is, except keys, which continue after the largest value. */
  private static String copyColumns(TableProfile t) {
    List<String> out = new ArrayList<>();
    for (TableProfile.Column c : t.columns()) {
      String name = q(c.name());
      if (!c.keyLike()) {
        out.add(name);
      } else if (c.kind() == TableProfile.Kind.INTEGER) {
        out.add("CAST((SELECT max(" + name + ") FROM " + q(t.name()) + ") + dup_rn AS " + c.type() + ")");
      } else {
        out.add(name + " || '#copy'");
      }
    }
    return String.join(", ", out);
  }

  List<String> nulls() throws SQLException {
    List<String> changes = new ArrayList<>();
    for (TableProfile t : tables) {
      long n = Math.max(1, Math.round(t.rows() * 0.15));
      for (TableProfile.Column c : t.columns()) {
        if (!c.keyLike() && t.rows() > 0) {
          execute("UPDATE " + q(t.name()) + " SET " + q(c.name()) + " = NULL WHERE "
              + rows(t.name(), t.name() + "." + c.name(), n));
          changes.add(t.name() + "." + c.name() + " (" + n + ")");
        }
      }
    }
    return prefixed("NULLs injected: ", changes);
  }

  /** Row k of the picked rows goes to: first of month, last of month, first of year, last of year. */
  List<String> boundaryDates() throws SQLException {
    List<String> changes = new ArrayList<>();
    for (TableProfile t : tables) {
      long n = Math.min(4, Math.max(1, t.rows() / 4));
      for (TableProfile.Column c : t.columns()) {
        if ((c.kind() == TableProfile.Kind.DATE || c.kind() == TableProfile.Kind.TIMESTAMP) && t.rows() > 0) {
          execute(boundaryUpdate(t, c, n));
          changes.add(t.name() + "." + c.name() + " (" + n + ")");
        }
      }
    }
    return prefixed("boundary dates: ", changes);
  }

  private String boundaryUpdate(TableProfile t, TableProfile.Column c, long n) {
    String d = "CAST(" + q(c.name()) + " AS DATE)";
    boolean ts = c.kind() == TableProfile.Kind.TIMESTAMP;
    // for timestamps the "last" boundaries are the day's last second, where < next-day vs <= last-day differ
    String endOfDay = ts ? " + INTERVAL 86399 SECOND" : "";
    String value = "CASE v.rn WHEN 1 THEN CAST(date_trunc('month', " + d + ") AS DATE)"
        + " WHEN 2 THEN CAST(last_day(" + d + ") AS TIMESTAMP)" + endOfDay
        + " WHEN 3 THEN CAST(date_trunc('year', " + d + ") AS DATE)"
        + " ELSE CAST(make_date(year(" + d + "), 12, 31) AS TIMESTAMP)" + endOfDay + " END";
    return assignByRank(t.name(), c, value, n, t.name() + "." + c.name());
  }

  /**
   * UPDATE the first n rows in the hash order salted by {@code saltKey}, with {@code value} using v.rn (1..n) and the
   * row's own columns.
   */
  String assignByRank(String table, TableProfile.Column c, String value, long n, String saltKey) {
    String t = q(table);
    return "UPDATE " + t + " SET " + q(c.name()) + " = CAST(" + value + " AS " + c.type() + ") FROM (SELECT rid, rn FROM "
        + "(SELECT rowid AS rid, row_number() OVER (ORDER BY " + pick(saltKey) + ") AS rn FROM " + t
        + ") WHERE rn <= " + n + ") v WHERE " + t + ".rowid = v.rid";
  }

  /** A predicate picking n rows of {@code table}, in the order of a hash salted by seed and {@code what}. */
  private String rows(String table, String what, long n) {
    return "rowid IN (SELECT rowid FROM " + q(table) + " ORDER BY " + pick(what) + " LIMIT " + n + ")";
  }

  String pick(String what) {
    return "hash(rowid, " + salt(what) + "), rowid";
  }

  long salt(String what) {
    // String.hashCode is specified, so the same seed picks the same rows in every JVM
    return Math.floorMod(seed * 1_000_003L + what.hashCode(), 2_147_483_647L);
  }

  Connection connection() {
    return connection;
  }

  void execute(String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  static String q(String identifier) {
    return TableProfile.quote(identifier);
  }

  private static List<String> prefixed(String prefix, List<String> changes) {
    return changes.isEmpty() ? List.of() : List.of(prefix + String.join(", ", changes));
  }
}
