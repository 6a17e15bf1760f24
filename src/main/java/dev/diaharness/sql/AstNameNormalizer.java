package dev.diaharness.sql;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Rewrites names in a parsed statement, in place: tables lose their {@code project.dataset.} qualifiers and quotes
 * and are lower-cased; column names are lower-cased and unquoted. With {@code resolveAliases}, a column qualifier
 * that names a table alias becomes the table's name, and a qualifier is dropped where the SELECT reads one source.
 *
 * <p>It reuses JSqlParser's {@link TablesNamesFinder} because that visitor already walks every expression and
 * subquery. One instance per statement: it is not thread-safe; callers create a new one each time.
 */
final class AstNameNormalizer extends TablesNamesFinder<Void> {

  private record Scope(Map<String, String> sources, boolean singleSource) {
  }

  private final boolean resolveAliases;
  private final Deque<Scope> scopes = new ArrayDeque<>();

  private AstNameNormalizer(boolean resolveAliases) {
    this.resolveAliases = resolveAliases;
  }

  /** Rewrites {@code statement} in place; returns false when JSqlParser's walker does not support it. */
  static boolean rewrite(Statement statement, boolean resolveAliases) {
    try {
      new AstNameNormalizer(resolveAliases).getTableList(statement);
      return true;
    } catch (RuntimeException unsupported) {
      return false; // TablesNamesFinder throws UnsupportedOperationException for some statement kinds
    }
  }

  @Override
  public <S> Void visit(PlainSelect plainSelect, S context) {
    canonicalizeSpelling(plainSelect);
    scopes.push(scopeOf(plainSelect));
    try {
      Void result = super.visit(plainSelect, context);
      visitGroupAndOrder(plainSelect, context); // TablesNamesFinder skips them: they hold no tables
      return result;
    } finally {
      scopes.pop();
    }
  }

  @Override
  public <S> Void visit(Table table, S context) {
    Void result = super.visit(table, context);
    table.setName(quoteIfNeeded(plain(table.getName())));
    table.setDatabaseName(null); // in this order: setDatabase(null) throws, schema first leaves "p"..t
    table.setSchemaName(null);
    if (table.getAlias() != null) {
      table.setAlias(new Alias(quoteIfNeeded(plain(table.getAlias().getName())), false));
    }
    return result;
  }

  @Override
  public <S> Void visit(Column column, S context) {
    String name = column.getColumnName();
    if (name != null && !name.startsWith("\"")) { // "…" is a string literal JSqlParser took for a name: keep it
      column.setColumnName(quoteIfNeeded(plain(name)));
    }
    if (column.getTable() != null && column.getTable().getName() != null) {
      column.setTable(qualifier(plain(column.getTable().getName())).map(Table::new).orElse(null));
    }
    return super.visit(column, context);
  }

  /** INNER JOIN is JOIN, LEFT OUTER is LEFT, output aliases lower-case with AS: spellings of the same query. */
  private static void canonicalizeSpelling(PlainSelect select) {
    if (select.getJoins() != null) {
      for (Join join : select.getJoins()) {
        join.setOuter(false);
        if (!join.isSimple() && !join.isCross()) {
          join.setInner(false);
        }
      }
    }
    for (SelectItem<?> item : select.getSelectItems()) {
      if (item.getAlias() != null) {
        item.setAlias(new Alias(quoteIfNeeded(plain(item.getAlias().getName())), true));
      }
    }
  }

  private <S> void visitGroupAndOrder(PlainSelect select, S context) {
    if (select.getGroupBy() != null && select.getGroupBy().getGroupByExpressionList() != null) {
      for (Object e : select.getGroupBy().getGroupByExpressionList()) {
        ((Expression) e).accept(this, context);
      }
    }
    if (select.getOrderByElements() != null) {
      select.getOrderByElements().forEach(o -> o.getExpression().accept(this, context));
    }
  }

  private Optional<String> qualifier(String written) {
    if (!resolveAliases) {
      return Optional.of(quoteIfNeeded(written));
    }
    for (Scope scope : scopes) { // innermost first: a correlated subquery sees the outer aliases last
      String source = scope.sources().get(written);
      if (source != null) {
        return scope.singleSource() ? Optional.empty() : Optional.of(quoteIfNeeded(source));
      }
    }
    return Optional.of(quoteIfNeeded(written));
  }

  private static Scope scopeOf(PlainSelect select) {
    Map<String, String> sources = new HashMap<>();
    addSource(sources, select.getFromItem());
    List<Join> joins = select.getJoins();
    if (joins != null) {
      joins.forEach(join -> addSource(sources, join.getRightItem()));
    }
    boolean single = select.getFromItem() != null && (joins == null || joins.isEmpty());
    return new Scope(sources, single);
  }

  private static void addSource(Map<String, String> sources, FromItem item) {
    if (item == null) {
      return;
    }
    String alias = item.getAlias() == null ? null : plain(item.getAlias().getName());
    if (item instanceof Table) {
      String table = plain(((Table) item).getName());
      sources.put(table, table);
      if (alias != null) {
        sources.put(alias, table);
      }
    } else if (alias != null) {
      sources.put(alias, alias);
    }
  }

  /** The name without quotes, ASCII lower-cased (BigQuery column names are case-insensitive). */
  static String plain(String name) {
    String n = name.strip();
    if (n.length() >= 2 && (n.startsWith("`") && n.endsWith("`") || n.startsWith("\"") && n.endsWith("\"")
        || n.startsWith("[") && n.endsWith("]"))) {
      n = n.substring(1, n.length() - 1);
    }
    return n.toLowerCase(Locale.ROOT);
  }

  static String quoteIfNeeded(String name) {
    return name.matches("[a-z_][a-z0-9_]*") ? name : "`" + name.replace("`", "\\`") + "`";
  }
}
