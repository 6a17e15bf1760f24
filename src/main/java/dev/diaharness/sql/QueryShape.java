package dev.diaharness.sql;

import dev.diaharness.core.BoundedCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * What the comparison policy needs to know about a query's outermost SELECT: whether it orders its result, which
 * output columns hold the ORDER BY keys (so tied rows can be told apart from misordered ones), its LIMIT, the same
 * query without that LIMIT (to find every row tied at the cut-off), whether it rounds numbers, and whether its result
 * may depend on the physical order of rows. Parsed once per SQL text. Immutable and thread-safe.
 *
 * @param orderKeyColumns output column index of each top-level ORDER BY key; empty when a key is not an output
 *     column (or the query does not order)
 * @param limit the top-level LIMIT when there is no OFFSET
 * @param withoutLimit the query without its top-level LIMIT (BigQuery text), when {@code limit} is present
 * @param rounds the text calls ROUND, TRUNC, FLOOR, CEIL or casts to an integer type: its numbers have a precision
 *     the question asked for
 * @param orderDependent LIMIT/OFFSET, ARRAY_AGG, STRING_AGG, ANY_VALUE or an order-sensitive window function:
 *     the result may change with the physical order of rows
 */
public record QueryShape(boolean ordersAtTopLevel, Optional<List<Integer>> orderKeyColumns, OptionalLong limit,
    Optional<String> withoutLimit, boolean rounds, boolean orderDependent) {
  private static final Pattern ROUNDS =
      Pattern.compile("\\b(ROUND|TRUNC|FLOOR|CEIL|CEILING)\\s*\\(|\\bAS\\s+(INT64|INTEGER|INT|BIGINT)\\b");
  private static final Pattern ORDER_DEPENDENT = Pattern.compile("\\b(LIMIT|OFFSET|ARRAY_AGG|STRING_AGG|ANY_VALUE"
      + "|ROW_NUMBER|FIRST_VALUE|LAST_VALUE|NTH_VALUE|LAG|LEAD|GROUP_CONCAT|LISTAGG)\\b");
  /** The top-level LIMIT, last in the text (a LIMIT inside parentheses is followed by a ')'). */
  private static final Pattern TRAILING_LIMIT = Pattern.compile("\\bLIMIT\\s+\\d+\\s*;?\\s*$");
  private static final BoundedCache<String, QueryShape> CACHE = new BoundedCache<>(8192);

  public QueryShape {
    orderKeyColumns = orderKeyColumns.map(List::copyOf);
  }

  public static QueryShape of(String sql) {
    return CACHE.get(sql == null ? "" : sql, QueryShape::analyse);
  }

  private static QueryShape analyse(String sql) {
    String masked = SqlLexicalScan.mask(sql).toUpperCase(Locale.ROOT);
    boolean rounds = ROUNDS.matcher(masked).find();
    boolean dependent = ORDER_DEPENDENT.matcher(masked).find();
    boolean orders = TopLevelOrder.ordersAtTopLevel(sql);
    if (!(SqlParser.parse(sql) instanceof SqlParseResult.Parsed parsed) || !(parsed.statement() instanceof Select s)) {
      return new QueryShape(orders, Optional.empty(), OptionalLong.empty(), Optional.empty(), rounds, dependent);
    }
    Optional<List<Integer>> keys = orderKeys(s);
    Limit limit = s.getLimit();
    OptionalLong n = OptionalLong.empty();
    Optional<String> without = Optional.empty();
    Matcher trailing = TRAILING_LIMIT.matcher(masked);
    if (limit != null && s.getOffset() == null && limit.getOffset() == null
        && limit.getRowCount() instanceof LongValue count && trailing.find()) {
      n = OptionalLong.of(count.getValue());
      // cut from the original text: the parser's re-print quotes names in a way BigQuery reads as strings
      without = Optional.of(sql.substring(0, trailing.start()));
    }
    return new QueryShape(orders, keys, n, without, rounds, dependent);
  }

  /** Each top-level ORDER BY key as an output column: an ordinal, an alias, or the same expression as a select item. */
  private static Optional<List<Integer>> orderKeys(Select s) {
    List<OrderByElement> order = s.getOrderByElements();
    if (order == null || order.isEmpty() || !(s instanceof PlainSelect plain)) {
      return Optional.empty();
    }
    List<SelectItem<?>> items = plain.getSelectItems();
    List<Integer> out = new ArrayList<>();
    for (OrderByElement element : order) {
      int index = outputIndex(element.getExpression(), items);
      if (index < 0) {
        return Optional.empty();
      }
      out.add(index);
    }
    return Optional.of(out);
  }

  private static int outputIndex(Expression key, List<SelectItem<?>> items) {
    if (key instanceof LongValue ordinal) {
      long i = ordinal.getValue() - 1;
      return i >= 0 && i < items.size() ? (int) i : -1;
    }
    String text = normal(key.toString());
    for (int i = 0; i < items.size(); i++) {
      SelectItem<?> item = items.get(i);
      Alias alias = item.getAlias();
      if (alias != null && key instanceof Column c && c.getTable() == null
          && alias.getName().replace("`", "").equalsIgnoreCase(c.getColumnName().replace("`", ""))) {
        return i;
      }
    }
    for (int i = 0; i < items.size(); i++) {
      Expression e = items.get(i).getExpression();
      if (normal(e.toString()).equals(text) || e instanceof Column ec && key instanceof Column kc
          && ec.getColumnName().equalsIgnoreCase(kc.getColumnName())) {
        return i;
      }
    }
    return -1;
  }

  private static String normal(String s) {
    return s.replace("`", "").replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }
}
