package dev.diaharness.sql;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Puts values near the queries' constants into the columns that could hold them, where a near-miss predicate
 * ({@code >} vs {@code >=}, an off-by-one date, a case-sensitive string) gives a different answer: numbers c, c+1,
 * c-1 (and c±ε in non-integer columns) in columns whose range is near c; dates d, d-1, d+1 (and the last second of
 * the day for timestamps) in date columns whose range is within a year of d; a string s, a case variant and s+"x" in
 * text columns that already hold s (ignoring case) or match it as a LIKE pattern, and s itself in category-like
 * text columns (at most {@value #CATEGORY_VALUES} distinct values) when no column holds it — {@code status IN
 * ('cancelled', 'refunded')} differs from {@code status = 'cancelled'} once some row says 'refunded'. Key columns
 * are never nudged (a primary key stays unique). At most {@link #MAX_UPDATES} statements per variant and literal kind,
 * so numbers cannot use up the budget before dates are reached.
 *
 * <p>A plain nudge changes one row per value. A <em>dense</em> nudge (for variants that combine it with another
 * edit) cycles the values over about a fifth of the rows (at most {@value #DENSE_MAX} per column), so that the other
 * edit reaches some of them: a removed parent, a duplicate, a NULL in another column of a row on the queried date.
 * Not thread-safe; one instance per variant being built.
 */
final class NudgeEdits {
  static final int MAX_UPDATES = 24;
  static final int CATEGORY_VALUES = 12;
  static final int DENSE_MAX = 100;

  private final VariantEdits edits;
  private final List<TableProfile> tables;
  private final boolean dense;
  private final java.util.Map<String, Boolean> held = new java.util.HashMap<>();
  /** updates per literal kind: numbers must not use up the budget before dates are reached */
  private final java.util.EnumMap<Literal.Kind, Integer> updates = new java.util.EnumMap<>(Literal.Kind.class);

  NudgeEdits(VariantEdits edits, List<TableProfile> tables, boolean dense) {
    this.edits = edits;
    this.tables = tables;
    this.dense = dense;
  }

  List<String> nudge(Set<Literal> literals) throws SQLException {
    List<String> changes = new ArrayList<>();
    for (Literal literal : literals) {
      for (TableProfile t : tables) {
        for (TableProfile.Column c : t.columns()) {
          if (updates.getOrDefault(literal.kind(), 0) >= MAX_UPDATES || t.rows() == 0) {
            continue;
          }
          List<String> values = c.keyLike() ? List.of() : valuesFor(literal, t, c);
          if (!values.isEmpty()) {
            long n = dense ? Math.max(values.size(), Math.min(DENSE_MAX, t.rows() / 5)) : values.size();
            n = Math.min(n, Math.max(1, t.rows() / 3));
            edits.execute(edits.assignByRank(t.name(), c, caseOf(values), n, t.name() + "." + c.name() + literal));
            updates.merge(literal.kind(), 1, Integer::sum);
            changes.add(t.name() + "." + c.name() + " values nudged around " + literal + " (" + n + " rows)");
          }
        }
      }
    }
    return changes;
  }

  private List<String> valuesFor(Literal literal, TableProfile t, TableProfile.Column c) throws SQLException {
    switch (literal.kind()) {
      case NUMBER:
        return numbers(literal.asNumber(), c);
      case DATE:
      case TIMESTAMP:
        return dates(literal, c);
      default:
        return strings(literal.value(), t, c);
    }
  }

  private static List<String> numbers(BigDecimal c, TableProfile.Column col) {
    boolean integer = col.kind() == TableProfile.Kind.INTEGER;
    if (!integer && col.kind() != TableProfile.Kind.DECIMAL) {
      return List.of();
    }
    double v = c.doubleValue();
    double slack = (col.max() - col.min()) * 0.5 + 1;
    if (v < col.min() - slack || v > col.max() + slack) {
      return List.of();
    }
    List<BigDecimal> out = new ArrayList<>();
    if (integer && c.stripTrailingZeros().scale() > 0) {
      out.add(c.setScale(0, java.math.RoundingMode.CEILING));
      out.add(c.setScale(0, java.math.RoundingMode.FLOOR));
    } else {
      BigDecimal eps = c.abs().multiply(new BigDecimal("0.001")).max(new BigDecimal("0.01"));
      out.add(c);
      out.add(c.add(BigDecimal.ONE));
      out.add(c.subtract(BigDecimal.ONE));
      if (!integer) {
        out.add(c.add(eps));
        out.add(c.subtract(eps));
      }
    }
    return out.stream().map(BigDecimal::toPlainString).toList();
  }

  private static List<String> dates(Literal literal, TableProfile.Column col) {
    boolean ts = col.kind() == TableProfile.Kind.TIMESTAMP;
    if (!ts && col.kind() != TableProfile.Kind.DATE || col.minDate() == null) {
      return List.of();
    }
    LocalDate d = literal.asDate();
    if (d.isBefore(col.minDate().minusDays(366)) || d.isAfter(col.maxDate().plusDays(366))) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (literal.kind() == Literal.Kind.TIMESTAMP && ts) {
      String lit = "TIMESTAMP '" + literal.value().replace('T', ' ') + "'";
      out.add(lit);
      out.add(lit + " - INTERVAL 1 SECOND");
      out.add(lit + " + INTERVAL 1 SECOND");
    }
    out.add("DATE '" + d + "'");
    out.add("DATE '" + d.minusDays(1) + "'");
    out.add("DATE '" + d.plusDays(1) + "'");
    if (ts) {
      out.add("TIMESTAMP '" + d + " 23:59:59'");
      out.add("TIMESTAMP '" + d.minusDays(1) + " 23:59:59'");
    }
    return out;
  }

  private List<String> strings(String s, TableProfile t, TableProfile.Column col) throws SQLException {
    if (col.kind() != TableProfile.Kind.STRING || s.isEmpty()) {
      return List.of();
    }
    boolean pattern = s.contains("%") || s.contains("_");
    String test = pattern ? " ILIKE " + sqlString(s) : " IS NOT NULL AND lower(" + q(col.name()) + ") = lower("
        + sqlString(s) + ")";
    if (!exists("SELECT 1 FROM " + q(t.name()) + " WHERE " + q(col.name()) + test + " LIMIT 1")) {
      return !pattern && !s.matches("[-+0-9.:T ]+") && categoryLike(t, col) && !heldAnywhere(s)
          ? List.of(sqlString(s)) : List.of();
    }
    String base = pattern ? s.replace("%", "").replace("_", "") : s;
    return List.of(sqlString(base), sqlString(flipCase(base)), sqlString(base + "x"));
  }

  /** The first letter's case flipped ("shipped" → "Shipped"); a trailing space when there is no letter. */
  static String flipCase(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (Character.isLetter(ch)) {
        char flipped = Character.isUpperCase(ch) ? Character.toLowerCase(ch) : Character.toUpperCase(ch);
        if (flipped != ch) {
          return s.substring(0, i) + flipped + s.substring(i + 1);
        }
      }
    }
    return s + " ";
  }

  /** Few distinct values (and s is not a date or number written as text): a status, a region, a category — where an unseen value is plausible. */
  private boolean categoryLike(TableProfile t, TableProfile.Column col) throws SQLException {
    try (Statement st = edits.connection().createStatement();
        ResultSet rs = st.executeQuery("SELECT count(DISTINCT " + q(col.name()) + ") FROM " + q(t.name()))) {
      rs.next();
      return rs.getLong(1) <= CATEGORY_VALUES;
    }
  }

  /** Some text column holds s (ignoring case): then s belongs there and is nudged there only. */
  private boolean heldAnywhere(String s) throws SQLException {
    Boolean known = held.get(s);
    if (known != null) {
      return known;
    }
    boolean found = false;
    for (TableProfile t : tables) {
      for (TableProfile.Column c : t.columns()) {
        if (c.kind() == TableProfile.Kind.STRING && exists("SELECT 1 FROM " + q(t.name()) + " WHERE lower("
            + q(c.name()) + ") = lower(" + sqlString(s) + ") LIMIT 1")) {
          found = true;
        }
      }
    }
    held.put(s, found);
    return found;
  }

  private boolean exists(String sql) throws SQLException {
    try (Statement st = edits.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next();
    }
  }

  private static String caseOf(List<String> values) {
    // row k gets value (k - 1) mod size: a plain nudge one row per value, a dense one cycles through them
    StringBuilder sb = new StringBuilder("CASE (v.rn - 1) % " + values.size());
    for (int i = 0; i < values.size(); i++) {
      sb.append(" WHEN ").append(i).append(" THEN ").append(values.get(i));
    }
    return sb.append(" END").toString();
  }

  private static String sqlString(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static String q(String identifier) {
    return TableProfile.quote(identifier);
  }
}
