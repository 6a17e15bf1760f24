package dev.diaharness.sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which columns reference which table's key, for a sample that keeps joins meaningful: the pairs the schema
 * description names ({@code orders.customer_id = customers.customer_id}), and {@code *_id} columns whose name is
 * another table's key (its singular name + {@code _id}, e.g. {@code customer_id} → {@code customers}); and the
 * order in which to sample tables so that every kept reference resolves (children first). Used by {@code data pull}
 * and by the sample the database variants start from ({@link VariantSample}). Stateless.
 */
public final class JoinKeys {
  /** {@code child.column} holds values of {@code parent.key}. */
  public record Reference(String child, String column, String parent, String key) {}

  private static final Pattern PAIR = Pattern.compile(
      "`?(?:[\\w-]+\\.)?(\\w+)\\.(\\w+)`?\\s*=\\s*`?(?:[\\w-]+\\.)?(\\w+)\\.(\\w+)`?");

  private JoinKeys() {}

  /** @param columns table → its column names (lower case); only these tables and columns are considered */
  public static List<Reference> find(String schemaDescription, Map<String, List<String>> columns) {
    Set<Reference> found = new LinkedHashSet<>();
    Matcher m = PAIR.matcher(schemaDescription == null ? "" : schemaDescription);
    while (m.find()) {
      String a = m.group(1).toLowerCase(Locale.ROOT);
      String ac = m.group(2).toLowerCase(Locale.ROOT);
      String b = m.group(3).toLowerCase(Locale.ROOT);
      String bc = m.group(4).toLowerCase(Locale.ROOT);
      if (!a.equals(b) && has(columns, a, ac) && has(columns, b, bc)) {
        boolean bIsParent = isKeyOf(bc, b) || !isKeyOf(ac, a);
        found.add(bIsParent ? new Reference(a, ac, b, bc) : new Reference(b, bc, a, ac));
      }
    }
    for (Map.Entry<String, List<String>> table : columns.entrySet()) {
      for (String column : table.getValue()) {
        if (!column.endsWith("_id")) {
          continue;
        }
        for (String parent : columns.keySet()) {
          if (!parent.equals(table.getKey()) && isKeyOf(column, parent) && has(columns, parent, column)) {
            found.add(new Reference(table.getKey(), column, parent, column));
          }
        }
      }
    }
    return new ArrayList<>(found);
  }

  /**
   * Sampling order: a table after every table that references it (so its sample can take the rows they reference);
   * among those ready, the largest first; a cycle is broken at its largest table.
   *
   * @param rows table (as in the references) → its row count
   */
  public static List<String> childrenFirst(Map<String, Long> rows, List<Reference> refs) {
    List<String> order = new ArrayList<>();
    Set<String> pending = new LinkedHashSet<>(rows.keySet());
    while (!pending.isEmpty()) {
      List<String> ready = pending.stream().filter(t -> refs.stream().noneMatch(r -> r.parent().equals(t)
          && !r.child().equals(t) && pending.contains(r.child()))).toList();
      List<String> candidates = ready.isEmpty() ? List.copyOf(pending) : ready;
      String next = candidates.stream().max(Comparator.comparingLong((String t) -> rows.get(t))
          .thenComparing(Comparator.reverseOrder())).orElseThrow();
      order.add(next);
      pending.remove(next);
    }
    return order;
  }

  private static boolean has(Map<String, List<String>> columns, String table, String column) {
    return columns.containsKey(table) && columns.get(table).contains(column);
  }

  /** {@code customer_id} is the key of {@code customers} (also customer, customeres → customer, category_id → categories). */
  static boolean isKeyOf(String column, String table) {
    String singular = table.endsWith("ies") ? table.substring(0, table.length() - 3) + "y"
        : table.endsWith("ses") ? table.substring(0, table.length() - 2)
        : table.endsWith("s") ? table.substring(0, table.length() - 1) : table;
    return column.equals(singular + "_id") || column.equals(table + "_id");
  }
}
