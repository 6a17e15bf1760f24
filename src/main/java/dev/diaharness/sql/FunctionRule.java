package dev.diaharness.sql;

import java.util.List;
import net.sf.jsqlparser.expression.Expression;

/** How one BigQuery function call is written in DuckDB. Implementations are stateless and thread-safe. */
@FunctionalInterface
interface FunctionRule {
  /**
   * @param name the function's name as written (upper-cased), for error messages
   * @param args the call's arguments, not yet translated
   * @param out renders an argument (recursively translated) to DuckDB text
   * @throws UnsupportedConstructException when this call has no DuckDB rendering
   */
  String render(String name, List<Expression> args, ExpressionRenderer out);

  /** Renders a sub-expression to DuckDB text with all translation rules applied. */
  @FunctionalInterface
  interface ExpressionRenderer {
    String render(Expression expression);
  }

  /** Fails unless the call has between {@code min} and {@code max} arguments. */
  static void requireArgs(String name, List<Expression> args, int min, int max) {
    if (args.size() < min || args.size() > max) {
      String expected = min == max ? String.valueOf(min) : min + " to " + max;
      throw new UnsupportedConstructException(
          name, name + " expects " + expected + " arguments, got " + args.size());
    }
  }
}
