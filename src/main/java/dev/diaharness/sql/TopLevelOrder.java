package dev.diaharness.sql;

import dev.diaharness.core.BoundedCache;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Decides whether a query orders its final result: the outermost SELECT (or set operation) has an ORDER BY. An ORDER
 * BY only inside a subquery, a CTE, a window or an aggregate does not count. Parses with JSqlParser; when that fails
 * (BigQuery syntax it does not know), a lexical scan looks for ORDER BY outside parentheses, strings and comments,
 * which is the same rule for every query shape. Stateless and thread-safe.
 */
public final class TopLevelOrder {
  private TopLevelOrder() {}

  /** True when the statement's outermost query has an ORDER BY; false for null, blank or non-SELECT text. */
  public static boolean ordersAtTopLevel(String sql) {
    if (sql == null || sql.isBlank()) {
      return false;
    }
    return CACHE.get(sql, TopLevelOrder::parseAndCheck);
  }

  /** the expected SQL of a question is asked about at every repeat: parse it once */
  private static final BoundedCache<String, Boolean> CACHE = new BoundedCache<>(8192);

  private static boolean parseAndCheck(String sql) {
    if (SqlParser.parse(sql) instanceof SqlParseResult.Parsed parsed) {
      return parsed.statement() instanceof Select && orders((Select) parsed.statement());
    }
    return lexicalOrderBy(sql);
  }

  private static boolean orders(Select select) {
    List<OrderByElement> order = select.getOrderByElements();
    if (order != null && !order.isEmpty()) {
      return true;
    }
    // (SELECT ... ORDER BY x) as the whole statement still orders the final result
    return select instanceof ParenthesedSelect && orders(((ParenthesedSelect) select).getSelect());
  }

  /** ORDER BY at parenthesis depth 0, outside quotes and comments. */
  static boolean lexicalOrderBy(String sql) {
    return orderByAtDepthZero(SqlLexicalScan.mask(sql).toUpperCase(Locale.ROOT).strip());
  }

  private static boolean orderByAtDepthZero(String masked) {
    int depth = 0;
    for (int i = 0; i < masked.length(); i++) {
      char c = masked.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && c == 'O' && startsWord(masked, i, "ORDER") && followedByBy(masked, i + 5)) {
        return true;
      }
    }
    // "(SELECT ... ORDER BY x)" wrapped whole: look inside the outer parentheses
    return masked.startsWith("(") && closesAtEnd(masked)
        && orderByAtDepthZero(masked.substring(1, masked.length() - 1).strip());
  }

  private static boolean startsWord(String s, int i, String word) {
    return s.startsWith(word, i) && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)) && s.charAt(i - 1) != '_');
  }

  private static boolean followedByBy(String s, int from) {
    int j = from;
    while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
      j++;
    }
    return j > from && s.startsWith("BY", j) && (j + 2 == s.length() || !Character.isLetterOrDigit(s.charAt(j + 2)));
  }

  /** True when the first '(' closes at the last character. */
  private static boolean closesAtEnd(String s) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      depth += s.charAt(i) == '(' ? 1 : s.charAt(i) == ')' ? -1 : 0;
      if (depth == 0) {
        return i == s.length() - 1;
      }
    }
    return false;
  }
}
