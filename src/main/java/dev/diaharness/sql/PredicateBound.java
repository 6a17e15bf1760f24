package dev.diaharness.sql;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One comparison of a column with a constant expression in a query's WHERE, ON or HAVING: {@code o.order_date <
 * DATE_SUB(DATE '2024-04-01', INTERVAL 1 DAY)}. The expression is kept as BigQuery text and evaluated later, on the
 * variant being built (so DATE_SUB, LAST_DAY, DATE_TRUNC… mean what the translator makes them mean). Variants put
 * rows exactly on, just before and just after the value, and make other rows satisfy the query's other conditions
 * ({@link BoundaryEdits}). Immutable; ordered, so that a set of bounds is the same in every JVM.
 *
 * @param table the table the column belongs to, when the query says it (qualifier or alias); empty when not
 * @param fromTables the tables of the SELECT the condition is in (to find the column's table when unqualified)
 * @param column the column name as written, lower case
 * @param op the comparison: {@code =}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code <>}, or {@code IN}
 * @param values the constant expressions (BigQuery text): one, or several for IN
 * @param conjunct the condition is a top-level AND term of its WHERE/ON/HAVING: every result row satisfies it
 * @param fromExpected it comes from the expected query (whose conditions win when choosing satisfying values)
 */
public record PredicateBound(String table, List<String> fromTables, String column, String op, List<String> values,
    boolean conjunct, boolean fromExpected) implements Comparable<PredicateBound> {
  private static final Comparator<PredicateBound> ORDER = Comparator.comparing(PredicateBound::fromExpected).reversed()
      .thenComparing(PredicateBound::table).thenComparing(PredicateBound::column)
      .thenComparing(PredicateBound::op).thenComparing(b -> String.join("\u0000", b.values()))
      .thenComparing(b -> String.join("\u0000", b.fromTables())).thenComparing(PredicateBound::conjunct);

  public PredicateBound {
    Objects.requireNonNull(table, "table");
    fromTables = List.copyOf(fromTables);
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(op, "op");
    values = List.copyOf(values);
  }

  /** The same comparison seen from the other side: {@code 5 < x} is {@code x > 5}. */
  static String mirrored(String op) {
    switch (op) {
      case "<": return ">";
      case "<=": return ">=";
      case ">": return "<";
      case ">=": return "<=";
      default: return op;
    }
  }

  @Override
  public int compareTo(PredicateBound o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return (table.isEmpty() ? "" : table + ".") + column + " " + op + " " + String.join(", ", values);
  }
}
