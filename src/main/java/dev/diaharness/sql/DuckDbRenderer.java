package dev.diaharness.sql;

import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.deparser.StatementDeParser;

/**
 * Renders a parsed BigQuery statement or expression as DuckDB text, wiring the BigQuery-aware deparsers together.
 * Each call uses fresh deparsers (JSqlParser's write into one shared buffer), so an instance may be reused but is
 * not meant to be shared between threads.
 */
final class DuckDbRenderer {
  private final Set<String> loadedTables;

  /** @param loadedTables the loaded table names, lower-case */
  DuckDbRenderer(Set<String> loadedTables) {
    this.loadedTables = loadedTables;
  }

  String render(Statement statement) {
    StringBuilder out = new StringBuilder();
    BigQueryExpressionDeParser expressions = new BigQueryExpressionDeParser(this, out);
    BigQuerySelectDeParser selects = new BigQuerySelectDeParser(expressions, out, loadedTables);
    expressions.setSelectVisitor(selects);
    statement.accept(new StatementDeParser(expressions, selects, out));
    return out.toString();
  }

  /** @throws UnsupportedConstructException when the expression holds a construct with no rendering */
  String render(Expression expression) {
    StringBuilder out = new StringBuilder();
    BigQueryExpressionDeParser expressions = new BigQueryExpressionDeParser(this, out);
    BigQuerySelectDeParser selects = new BigQuerySelectDeParser(expressions, out, loadedTables);
    expressions.setSelectVisitor(selects);
    expression.accept(expressions, null);
    return out.toString();
  }
}
