package dev.diaharness.sql;

import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.ExpressionVisitor;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.util.deparser.SelectDeParser;

/**
 * Writes the FROM side of a BigQuery query for DuckDB: {@code project.dataset.table} and {@code `dataset.table`}
 * become the loaded table's name (DuckDB would read a dotted name as catalog.schema.table). One instance per
 * rendering; not thread-safe.
 */
final class BigQuerySelectDeParser extends SelectDeParser {
  private final Set<String> loadedTables;

  BigQuerySelectDeParser(ExpressionVisitor<StringBuilder> expressions, StringBuilder builder, Set<String> loaded) {
    super(expressions, builder);
    this.loadedTables = loaded;
  }

  /**
   * A qualified name keeps its last segment: the loaded table of that name if there is one (spelled as loaded), else
   * the bare segment, which then fails at execution as "table not found". Unqualified names (tables, CTEs) stay.
   */
  @Override
  public <S> StringBuilder visit(Table table, S context) {
    if (table.getPivot() != null || table.getUnPivot() != null) {
      throw new UnsupportedConstructException("PIVOT", "PIVOT/UNPIVOT is not translated");
    }
    if (table.getNameParts().size() <= 1) {
      return super.visit(table, context);
    }
    String last = DateParts.unquote(table.getName());
    String lower = last.toLowerCase(Locale.ROOT);
    String name = loadedTables.contains(lower) ? lower : last;
    Table mapped = new Table("\"" + name.replace("\"", "\"\"") + "\"");
    mapped.setAlias(table.getAlias());
    mapped.setSampleClause(table.getSampleClause());
    return super.visit(mapped, context);
  }

  @Override
  public <S> StringBuilder visit(TableFunction function, S context) {
    if (ReadOnlyGuard.forbiddenFunction(function.getFunction().getName())) {
      // not BigQuery at all but a file/URL reader: left as written, so the sandbox refuses it (PRED_ERROR) rather
      // than an "unsupported construct" handed to the judge, which might even pass it
      return super.visit(function, context);
    }
    String name = function.getFunction().getName().toUpperCase(Locale.ROOT);
    throw new UnsupportedConstructException(name, "table function " + name + " in FROM is not translated");
  }
}
