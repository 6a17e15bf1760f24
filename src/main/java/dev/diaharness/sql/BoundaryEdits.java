package dev.diaharness.sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Puts rows on the boundaries of the queries' conditions ({@link PredicateBound}), with the other conditions of the
 * same table satisfied. First each constant expression is evaluated on this variant, as the translator makes DuckDB
 * run it ({@code DATE_SUB(DATE '2024-04-01', INTERVAL 1 DAY)}, {@code LAST_DAY(…)}, {@code DATE_TRUNC(…)} included),
 * cast to the column's type. Then, per table, about a third of the rows (in an order picked by the seed) are made to
 * satisfy every AND-ed condition on that table (the expected query's when both constrain a column), keeping values
 * that already do: so a filter on several columns, or a join to a filtered table, selects rows. Finally rows from the
 * head of that same order get, for each bound, values exactly on it, just before and just after it (dates ±1 day,
 * timestamps ±1 second, the day's last second and ±1 day, integers ±1, decimals ±0.01 and ±1): where {@code <} and
 * {@code <=}, or a boundary computed one day off, give different answers. Key columns are never changed. Not
 * thread-safe; one instance per variant being built.
 */
final class BoundaryEdits {
  /** UPDATE statements for boundary values per variant at most. */
  static final int MAX_BOUNDARY_UPDATES = 16;

  private final VariantEdits edits;
  private final List<TableProfile> tables;
  private final boolean dense;
  private final BigQueryTranslator translator = new BigQueryTranslator();
  private final Set<String> tableNames = new TreeSet<>();

  BoundaryEdits(VariantEdits edits, List<TableProfile> tables, boolean dense) {
    this.edits = edits;
    this.tables = tables;
    this.dense = dense;
    tables.forEach(t -> tableNames.add(t.name()));
  }

  /** A bound resolved on this database: its table and column, and its values evaluated to SQL literals. */
  private record Resolved(PredicateBound bound, TableProfile table, TableProfile.Column column, List<String> values) {}

  List<String> apply(List<PredicateBound> bounds) throws SQLException {
    Map<String, List<Resolved>> byTable = new TreeMap<>();
    for (PredicateBound b : bounds) {
      Optional<Resolved> r = resolve(b);
      if (r.isPresent()) {
        byTable.computeIfAbsent(r.get().table().name(), k -> new ArrayList<>()).add(r.get());
      }
    }
    List<String> changes = new ArrayList<>();
    int updates = 0;
    for (List<Resolved> resolved : byTable.values()) {
      TableProfile t = resolved.get(0).table();
      List<List<String>> points = new ArrayList<>();
      List<Resolved> pointed = new ArrayList<>();
      for (Resolved r : resolved) {
        List<String> p = points(r);
        if (!p.isEmpty() && updates + pointed.size() < MAX_BOUNDARY_UPDATES) {
          points.add(p);
          pointed.add(r);
        }
      }
      int perPoint = dense ? 3 : 1;
      long needed = points.stream().mapToLong(p -> (long) p.size() * perPoint).sum();
      long satisfied = Math.min(t.rows(), Math.max(needed, t.rows() / 3));
      String salt = "boundary:" + t.name();
      satisfy(t, resolved, satisfied, salt).ifPresent(changes::add);
      long offset = 0;
      for (int i = 0; i < pointed.size() && offset < t.rows(); i++) {
        Resolved r = pointed.get(i);
        long n = Math.min((long) points.get(i).size() * perPoint, t.rows() - offset);
        edits.execute(rankedUpdate(t, r.column(), points.get(i), perPoint, offset, n, salt));
        offset += n;
        updates++;
        changes.add(t.name() + "." + r.column().name() + " on and around " + String.join(", ", r.values()));
      }
    }
    return changes.isEmpty() ? List.of() : List.of("boundary rows: " + String.join("; ", changes));
  }

  private Optional<Resolved> resolve(PredicateBound b) throws SQLException {
    List<String> candidates = b.table().isEmpty() ? b.fromTables() : List.of(b.table());
    for (String name : candidates) {
      for (TableProfile t : tables) {
        if (!t.name().equalsIgnoreCase(name) || t.rows() == 0) {
          continue;
        }
        for (TableProfile.Column c : t.columns()) {
          if (c.name().equalsIgnoreCase(b.column()) && !c.keyLike() && c.kind() != TableProfile.Kind.OTHER) {
            List<String> values = new ArrayList<>();
            for (String expression : b.values()) {
              Optional<String> v = evaluate(expression, c);
              if (v.isEmpty()) {
                return Optional.empty();
              }
              values.add(v.get());
            }
            return Optional.of(new Resolved(b, t, c, values));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The constant's value on this database, cast to the column's type, as text; empty when it cannot run. */
  private Optional<String> evaluate(String expression, TableProfile.Column c) {
    if (!(translator.translate("SELECT " + expression, tableNames) instanceof Translation.Translated t)) {
      return Optional.empty();
    }
    String sql = "SELECT CAST(CAST(x AS " + c.type() + ") AS VARCHAR) FROM (" + t.duckDbSql() + ") AS q(x)";
    try (Statement st = edits.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next() && rs.getString(1) != null ? Optional.of(rs.getString(1)) : Optional.empty();
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  /** Values on, just before and just after the bound's values, as SQL literals of the column's type. */
  private static List<String> points(Resolved r) {
    if ("<>".equals(r.bound().op()) && r.column().kind() == TableProfile.Kind.STRING) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String v : r.values()) {
      try {
        switch (r.column().kind()) {
          case DATE -> {
            LocalDate d = LocalDate.parse(v);
            for (LocalDate x : List.of(d.minusDays(1), d, d.plusDays(1))) {
              out.add("DATE '" + x + "'");
            }
          }
          case TIMESTAMP -> {
            LocalDateTime ts = LocalDateTime.parse(v.replace(' ', 'T'));
            for (LocalDateTime x : List.of(ts.minusSeconds(1), ts, ts.plusSeconds(1), ts.plusSeconds(86_399),
                ts.minusDays(1), ts.plusDays(1))) {
              out.add("TIMESTAMP '" + x.toString().replace('T', ' ') + "'");
            }
          }
          case INTEGER -> {
            BigDecimal n = new BigDecimal(v);
            for (BigDecimal x : List.of(n.subtract(BigDecimal.ONE), n, n.add(BigDecimal.ONE))) {
              out.add(x.toPlainString());
            }
          }
          case DECIMAL -> {
            BigDecimal n = new BigDecimal(v);
            BigDecimal cent = new BigDecimal("0.01");
            for (BigDecimal x : List.of(n.subtract(BigDecimal.ONE), n.subtract(cent), n, n.add(cent),
                n.add(BigDecimal.ONE))) {
              out.add(x.toPlainString());
            }
          }
          default -> {
            // strings: the literal nudge puts s, a case variant and s+"x" where they belong
          }
        }
      } catch (RuntimeException notAValue) {
        // a value DuckDB printed in a form not parsed here: no boundary rows for it
      }
    }
    return out.stream().distinct().toList();
  }

  /** The first {@code n} rows in the salted order get every AND-ed condition on this table satisfied. */
  private Optional<String> satisfy(TableProfile t, List<Resolved> resolved, long n, String salt) throws SQLException {
    Map<String, List<Resolved>> byColumn = new TreeMap<>();
    for (Resolved r : resolved) {
      if (r.bound().conjunct()) {
        byColumn.computeIfAbsent(r.column().name(), k -> new ArrayList<>()).add(r);
      }
    }
    List<String> sets = new ArrayList<>();
    for (List<Resolved> conditions : byColumn.values()) {
      boolean expectedSays = conditions.stream().anyMatch(r -> r.bound().fromExpected());
      List<Resolved> chosen = conditions.stream().filter(r -> r.bound().fromExpected() == expectedSays).toList();
      satisfying(chosen).ifPresent(value -> {
        String col = VariantEdits.q(chosen.get(0).column().name());
        sets.add(col + " = CASE WHEN " + condition(chosen) + " THEN " + col + " ELSE CAST(" + value + " AS "
            + chosen.get(0).column().type() + ") END");
      });
    }
    if (sets.isEmpty() || n == 0) {
      return Optional.empty();
    }
    edits.execute("UPDATE " + VariantEdits.q(t.name()) + " SET " + String.join(", ", sets) + " FROM (SELECT rid FROM "
        + "(SELECT rowid AS rid, row_number() OVER (ORDER BY " + edits.pick(salt) + ") AS rn FROM "
        + VariantEdits.q(t.name()) + ") WHERE rn <= " + n + ") v WHERE " + VariantEdits.q(t.name()) + ".rowid = v.rid");
    return Optional.of(t.name() + " " + n + " rows meet " + byColumn.keySet());
  }

  private static String condition(List<Resolved> conditions) {
    List<String> parts = new ArrayList<>();
    for (Resolved r : conditions) {
      String col = VariantEdits.q(r.column().name());
      List<String> literals = r.values().stream().map(v -> literal(v, r.column())).toList();
      parts.add("IN".equals(r.bound().op()) ? col + " IN (" + String.join(", ", literals) + ")"
          : col + " " + r.bound().op() + " " + literals.get(0));
    }
    return String.join(" AND ", parts);
  }

  /** A value meeting the conditions: the equal one, the first of an IN list, else the tightest lower or upper bound. */
  private static Optional<String> satisfying(List<Resolved> conditions) {
    Optional<String> lower = Optional.empty();
    Optional<String> upper = Optional.empty();
    for (Resolved r : conditions) {
      String v = literal(r.values().get(0), r.column());
      switch (r.bound().op()) {
        case "=", "IN" -> {
          return Optional.of(v);
        }
        case ">=" -> lower = lower.or(() -> Optional.of(v));
        case ">" -> lower = lower.or(() -> Optional.of(step(v, r.column(), true)));
        case "<=" -> upper = upper.or(() -> Optional.of(v));
        case "<" -> upper = upper.or(() -> Optional.of(step(v, r.column(), false)));
        default -> { }
      }
    }
    Optional<String> fallback = upper;
    return lower.or(() -> fallback);
  }

  private static String step(String literal, TableProfile.Column c, boolean up) {
    String sign = up ? " + " : " - ";
    switch (c.kind()) {
      case DATE: return "CAST(" + literal + sign + "INTERVAL 1 DAY AS DATE)";
      case TIMESTAMP: return literal + sign + "INTERVAL 1 SECOND";
      case INTEGER: return literal + sign + "1";
      case DECIMAL: return literal + sign + "0.01";
      default: return literal;
    }
  }

  private static String literal(String value, TableProfile.Column c) {
    return "CAST('" + value.replace("'", "''") + "' AS " + c.type() + ")";
  }

  private String rankedUpdate(TableProfile t, TableProfile.Column c, List<String> points, int perPoint, long offset,
      long n, String salt) {
    StringBuilder value = new StringBuilder("CASE (v.rn - 1 - " + offset + ") // " + perPoint);
    for (int i = 0; i < points.size(); i++) {
      value.append(" WHEN ").append(i).append(" THEN ").append(points.get(i));
    }
    value.append(" END");
    String q = VariantEdits.q(t.name());
    return "UPDATE " + q + " SET " + VariantEdits.q(c.name()) + " = CAST(" + value + " AS " + c.type() + ") FROM "
        + "(SELECT rid, rn FROM (SELECT rowid AS rid, row_number() OVER (ORDER BY " + edits.pick(salt) + ") AS rn FROM "
        + q + ") WHERE rn > " + offset + " AND rn <= " + (offset + n) + ") v WHERE " + q + ".rowid = v.rid";
  }
}
